from typing import Literal

FlowCapUsageCapsItemPer = Literal['day', 'hour', 'minute', 'month', 'week']

FLOW_CAP_USAGE_CAPS_ITEM_PER_VALUES: set[FlowCapUsageCapsItemPer] = { 'day', 'hour', 'minute', 'month', 'week',  }

def check_flow_cap_usage_caps_item_per(value: str) -> FlowCapUsageCapsItemPer:
    if value in FLOW_CAP_USAGE_CAPS_ITEM_PER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_CAP_USAGE_CAPS_ITEM_PER_VALUES!r}")
