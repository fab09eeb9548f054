from typing import Literal

FlowInputStatus = Literal['active', 'paused']

FLOW_INPUT_STATUS_VALUES: set[FlowInputStatus] = { 'active', 'paused',  }

def check_flow_input_status(value: str) -> FlowInputStatus:
    if value in FLOW_INPUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_STATUS_VALUES!r}")
