from typing import Literal

ListCheckResultAction = Literal['flag', 'reject']

LIST_CHECK_RESULT_ACTION_VALUES: set[ListCheckResultAction] = { 'flag', 'reject',  }

def check_list_check_result_action(value: str) -> ListCheckResultAction:
    if value in LIST_CHECK_RESULT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CHECK_RESULT_ACTION_VALUES!r}")
