from typing import Literal

SourceInputCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

SOURCE_INPUT_CAPS_ITEM_PER_VALUES: set[SourceInputCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_source_input_caps_item_per(value: str) -> SourceInputCapsItemPer:
    if value in SOURCE_INPUT_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SOURCE_INPUT_CAPS_ITEM_PER_VALUES!r}")
