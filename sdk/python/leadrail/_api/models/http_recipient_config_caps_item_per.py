from typing import Literal

HttpRecipientConfigCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

HTTP_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES: set[HttpRecipientConfigCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_http_recipient_config_caps_item_per(value: str) -> HttpRecipientConfigCapsItemPer:
    if value in HTTP_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_RECIPIENT_CONFIG_CAPS_ITEM_PER_VALUES!r}")
