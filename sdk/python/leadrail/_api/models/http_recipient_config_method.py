from typing import Literal

HttpRecipientConfigMethod = Literal['POST', 'PUT']

HTTP_RECIPIENT_CONFIG_METHOD_VALUES: set[HttpRecipientConfigMethod] = { 'POST', 'PUT',  }

def check_http_recipient_config_method(value: str) -> HttpRecipientConfigMethod:
    if value in HTTP_RECIPIENT_CONFIG_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_RECIPIENT_CONFIG_METHOD_VALUES!r}")
