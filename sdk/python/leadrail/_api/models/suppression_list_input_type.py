from typing import Literal

SuppressionListInputType = Literal['domain', 'email', 'phone']

SUPPRESSION_LIST_INPUT_TYPE_VALUES: set[SuppressionListInputType] = { 'domain', 'email', 'phone',  }

def check_suppression_list_input_type(value: str) -> SuppressionListInputType:
    if value in SUPPRESSION_LIST_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUPPRESSION_LIST_INPUT_TYPE_VALUES!r}")
