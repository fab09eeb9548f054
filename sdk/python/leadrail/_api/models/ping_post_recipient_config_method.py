from typing import Literal

PingPostRecipientConfigMethod = Literal['POST', 'PUT']

PING_POST_RECIPIENT_CONFIG_METHOD_VALUES: set[PingPostRecipientConfigMethod] = { 'POST', 'PUT',  }

def check_ping_post_recipient_config_method(value: str) -> PingPostRecipientConfigMethod:
    if value in PING_POST_RECIPIENT_CONFIG_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_POST_RECIPIENT_CONFIG_METHOD_VALUES!r}")
