from typing import Literal

FlowInputStepsItemType3Type = Literal['list_check']

FLOW_INPUT_STEPS_ITEM_TYPE_3_TYPE_VALUES: set[FlowInputStepsItemType3Type] = { 'list_check',  }

def check_flow_input_steps_item_type_3_type(value: str) -> FlowInputStepsItemType3Type:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_3_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_3_TYPE_VALUES!r}")
