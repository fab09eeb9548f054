from typing import Literal

PostListsListIdUploadsAction = Literal['add', 'remove']

POST_LISTS_LIST_ID_UPLOADS_ACTION_VALUES: set[PostListsListIdUploadsAction] = { 'add', 'remove',  }

def check_post_lists_list_id_uploads_action(value: str) -> PostListsListIdUploadsAction:
    if value in POST_LISTS_LIST_ID_UPLOADS_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_LISTS_LIST_ID_UPLOADS_ACTION_VALUES!r}")
