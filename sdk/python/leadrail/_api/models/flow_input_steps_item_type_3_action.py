from typing import Literal

FlowInputStepsItemType3Action = Literal['flag', 'reject']

FLOW_INPUT_STEPS_ITEM_TYPE_3_ACTION_VALUES: set[FlowInputStepsItemType3Action] = { 'flag', 'reject',  }

def check_flow_input_steps_item_type_3_action(value: str) -> FlowInputStepsItemType3Action:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_3_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_3_ACTION_VALUES!r}")
