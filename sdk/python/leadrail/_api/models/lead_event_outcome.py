from typing import Literal

LeadEventOutcome = Literal['error', 'failure', 'skip', 'success']

LEAD_EVENT_OUTCOME_VALUES: set[LeadEventOutcome] = { 'error', 'failure', 'skip', 'success',  }

def check_lead_event_outcome(value: str) -> LeadEventOutcome:
    if value in LEAD_EVENT_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAD_EVENT_OUTCOME_VALUES!r}")
