from typing import Literal

FlowInputStepsItemType0Type = Literal['enhancement']

FLOW_INPUT_STEPS_ITEM_TYPE_0_TYPE_VALUES: set[FlowInputStepsItemType0Type] = { 'enhancement',  }

def check_flow_input_steps_item_type_0_type(value: str) -> FlowInputStepsItemType0Type:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_0_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_0_TYPE_VALUES!r}")
