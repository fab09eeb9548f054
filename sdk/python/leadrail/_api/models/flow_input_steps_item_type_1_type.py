from typing import Literal

FlowInputStepsItemType1Type = Literal['filter']

FLOW_INPUT_STEPS_ITEM_TYPE_1_TYPE_VALUES: set[FlowInputStepsItemType1Type] = { 'filter',  }

def check_flow_input_steps_item_type_1_type(value: str) -> FlowInputStepsItemType1Type:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_1_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_1_TYPE_VALUES!r}")
