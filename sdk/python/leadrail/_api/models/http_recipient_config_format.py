from typing import Literal

HttpRecipientConfigFormat = Literal['form', 'json']

HTTP_RECIPIENT_CONFIG_FORMAT_VALUES: set[HttpRecipientConfigFormat] = { 'form', 'json',  }

def check_http_recipient_config_format(value: str) -> HttpRecipientConfigFormat:
    if value in HTTP_RECIPIENT_CONFIG_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_RECIPIENT_CONFIG_FORMAT_VALUES!r}")
