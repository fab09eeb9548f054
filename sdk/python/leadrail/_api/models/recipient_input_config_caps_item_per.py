from typing import Literal

RecipientInputConfigCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

RECIPIENT_INPUT_CONFIG_CAPS_ITEM_PER_VALUES: set[RecipientInputConfigCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_recipient_input_config_caps_item_per(value: str) -> RecipientInputConfigCapsItemPer:
    if value in RECIPIENT_INPUT_CONFIG_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECIPIENT_INPUT_CONFIG_CAPS_ITEM_PER_VALUES!r}")
