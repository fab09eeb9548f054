from typing import Literal

PingPostRecipientConfigCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

PING_POST_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES: set[PingPostRecipientConfigCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_ping_post_recipient_config_caps_item_per(value: str) -> PingPostRecipientConfigCapsItemPer:
    if value in PING_POST_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_POST_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES!r}")
