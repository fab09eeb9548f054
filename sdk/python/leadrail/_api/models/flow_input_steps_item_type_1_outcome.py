from typing import Literal

FlowInputStepsItemType1Outcome = Literal['failure', 'success']

FLOW_INPUT_STEPS_ITEM_TYPE_1_OUTCOME_VALUES: set[FlowInputStepsItemType1Outcome] = { 'failure', 'success',  }

def check_flow_input_steps_item_type_1_outcome(value: str) -> FlowInputStepsItemType1Outcome:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_1_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_1_OUTCOME_VALUES!r}")
