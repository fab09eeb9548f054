from typing import Literal

PostIntentImportKind = Literal['company', 'contact', 'signal']

POST_INTENT_IMPORT_KIND_VALUES: set[PostIntentImportKind] = { 'company', 'contact', 'signal',  }

def check_post_intent_import_kind(value: str) -> PostIntentImportKind:
    if value in POST_INTENT_IMPORT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_INTENT_IMPORT_KIND_VALUES!r}")
