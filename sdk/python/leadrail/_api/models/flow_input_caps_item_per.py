from typing import Literal

FlowInputCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

FLOW_INPUT_CAPS_ITEM_PER_VALUES: set[FlowInputCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_flow_input_caps_item_per(value: str) -> FlowInputCapsItemPer:
    if value in FLOW_INPUT_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_CAPS_ITEM_PER_VALUES!r}")
