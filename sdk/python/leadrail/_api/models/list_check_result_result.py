from typing import Literal

ListCheckResultResult = Literal['flag', 'pass', 'reject']

LIST_CHECK_RESULT_RESULT_VALUES: set[ListCheckResultResult] = { 'flag', 'pass', 'reject',  }

def check_list_check_result_result(value: str) -> ListCheckResultResult:
    if value in LIST_CHECK_RESULT_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CHECK_RESULT_RESULT_VALUES!r}")
