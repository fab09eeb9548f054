from typing import Literal

ListCheckResultListsItemType = Literal['domain', 'email', 'phone']

LIST_CHECK_RESULT_LISTS_ITEM_TYPE_VALUES: set[ListCheckResultListsItemType] = { 'domain', 'email', 'phone',  }

def check_list_check_result_lists_item_type(value: str) -> ListCheckResultListsItemType:
    if value in LIST_CHECK_RESULT_LISTS_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CHECK_RESULT_LISTS_ITEM_TYPE_VALUES!r}")
