from typing import Literal

PostIntentImportFormat = Literal['csv', 'jsonl']

POST_INTENT_IMPORT_FORMAT_VALUES: set[PostIntentImportFormat] = { 'csv', 'jsonl',  }

def check_post_intent_import_format(value: str) -> PostIntentImportFormat:
    if value in POST_INTENT_IMPORT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_INTENT_IMPORT_FORMAT_VALUES!r}")
