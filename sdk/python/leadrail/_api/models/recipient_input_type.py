from typing import Literal

RecipientInputType = Literal['http']

RECIPIENT_INPUT_TYPE_VALUES: set[RecipientInputType] = { 'http',  }

def check_recipient_input_type(value: str) -> RecipientInputType:
    if value in RECIPIENT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECIPIENT_INPUT_TYPE_VALUES!r}")
