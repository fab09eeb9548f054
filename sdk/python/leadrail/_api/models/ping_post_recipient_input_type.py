from typing import Literal

PingPostRecipientInputType = Literal['ping_post']

PING_POST_RECIPIENT_INPUT_TYPE_VALUES: set[PingPostRecipientInputType] = { 'ping_post',  }

def check_ping_post_recipient_input_type(value: str) -> PingPostRecipientInputType:
    if value in PING_POST_RECIPIENT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_POST_RECIPIENT_INPUT_TYPE_VALUES!r}")
