from typing import Literal

FeedbackResultType = Literal['conversion', 'return']

FEEDBACK_RESULT_TYPE_VALUES: set[FeedbackResultType] = { 'conversion', 'return',  }

def check_feedback_result_type(value: str) -> FeedbackResultType:
    if value in FEEDBACK_RESULT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FEEDBACK_RESULT_TYPE_VALUES!r}")
