from typing import Literal

FlowInputDistributionMode = Literal['all', 'auction', 'waterfall', 'weighted']

FLOW_INPUT_DISTRIBUTION_MODE_VALUES: set[FlowInputDistributionMode] = { 'all', 'auction', 'waterfall', 'weighted',  }

def check_flow_input_distribution_mode(value: str) -> FlowInputDistributionMode:
    if value in FLOW_INPUT_DISTRIBUTION_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_DISTRIBUTION_MODE_VALUES!r}")
