from typing import Literal

SuppressionListType = Literal['domain', 'email', 'phone']

SUPPRESSION_LIST_TYPE_VALUES: set[SuppressionListType] = { 'domain', 'email', 'phone',  }

def check_suppression_list_type(value: str) -> SuppressionListType:
    if value in SUPPRESSION_LIST_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUPPRESSION_LIST_TYPE_VALUES!r}")
