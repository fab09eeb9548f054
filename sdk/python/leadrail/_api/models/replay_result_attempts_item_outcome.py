from typing import Literal

ReplayResultAttemptsItemOutcome = Literal['error', 'failure', 'skip', 'success']

REPLAY_RESULT_ATTEMPTS_ITEM_OUTCOME_VALUES: set[ReplayResultAttemptsItemOutcome] = { 'error', 'failure', 'skip', 'success',  }

def check_replay_result_attempts_item_outcome(value: str) -> ReplayResultAttemptsItemOutcome:
    if value in REPLAY_RESULT_ATTEMPTS_ITEM_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_RESULT_ATTEMPTS_ITEM_OUTCOME_VALUES!r}")
