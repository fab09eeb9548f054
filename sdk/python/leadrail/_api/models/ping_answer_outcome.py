from typing import Literal

PingAnswerOutcome = Literal['bid', 'no_bid']

PING_ANSWER_OUTCOME_VALUES: set[PingAnswerOutcome] = { 'bid', 'no_bid',  }

def check_ping_answer_outcome(value: str) -> PingAnswerOutcome:
    if value in PING_ANSWER_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_ANSWER_OUTCOME_VALUES!r}")
