from typing import Literal

PingPostRecipientConfigFormat = Literal['form', 'json']

PING_POST_RECIPIENT_CONFIG_FORMAT_VALUES: set[PingPostRecipientConfigFormat] = { 'form', 'json',  }

def check_ping_post_recipient_config_format(value: str) -> PingPostRecipientConfigFormat:
    if value in PING_POST_RECIPIENT_CONFIG_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_POST_RECIPIENT_CONFIG_FORMAT_VALUES!r}")
