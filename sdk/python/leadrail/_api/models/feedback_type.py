from typing import Literal

FeedbackType = Literal['conversion', 'return']

FEEDBACK_TYPE_VALUES: set[FeedbackType] = { 'conversion', 'return',  }

def check_feedback_type(value: str) -> FeedbackType:
    if value in FEEDBACK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FEEDBACK_TYPE_VALUES!r}")
