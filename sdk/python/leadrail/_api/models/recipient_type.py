from typing import Literal

RecipientType = Literal['http', 'ping_post']

RECIPIENT_TYPE_VALUES: set[RecipientType] = { 'http', 'ping_post',  }

def check_recipient_type(value: str) -> RecipientType:
    if value in RECIPIENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECIPIENT_TYPE_VALUES!r}")
