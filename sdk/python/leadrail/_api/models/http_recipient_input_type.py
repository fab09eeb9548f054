from typing import Literal

HttpRecipientInputType = Literal['http']

HTTP_RECIPIENT_INPUT_TYPE_VALUES: set[HttpRecipientInputType] = { 'http',  }

def check_http_recipient_input_type(value: str) -> HttpRecipientInputType:
    if value in HTTP_RECIPIENT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_RECIPIENT_INPUT_TYPE_VALUES!r}")
