from typing import Literal

FlowInputStepsItemType0Service = Literal['duplicate_check', 'email_validation', 'phone_validation', 'trustedform']

FLOW_INPUT_STEPS_ITEM_TYPE_0_SERVICE_VALUES: set[FlowInputStepsItemType0Service] = { 'duplicate_check', 'email_validation', 'phone_validation', 'trustedform',  }

def check_flow_input_steps_item_type_0_service(value: str) -> FlowInputStepsItemType0Service:
    if value in FLOW_INPUT_STEPS_ITEM_TYPE_0_SERVICE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STEPS_ITEM_TYPE_0_SERVICE_VALUES!r}")
