from typing import Literal

FlowCapUsageCapsItemScope = Literal['flow', 'recipient']

FLOW_CAP_USAGE_CAPS_ITEM_SCOPE_VALUES: set[FlowCapUsageCapsItemScope] = { 'flow', 'recipient',  }

def check_flow_cap_usage_caps_item_scope(value: str) -> FlowCapUsageCapsItemScope:
    if value in FLOW_CAP_USAGE_CAPS_ITEM_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_CAP_USAGE_CAPS_ITEM_SCOPE_VALUES!r}")
