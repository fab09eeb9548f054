from typing import Literal

FlowInputDistributionWaterfallOrder = Literal['price', 'steps']

FLOW_INPUT_DISTRIBUTION_WATERFALL_ORDER_VALUES: set[FlowInputDistributionWaterfallOrder] = { 'price', 'steps',  }

def check_flow_input_distribution_waterfall_order(value: str) -> FlowInputDistributionWaterfallOrder:
    if value in FLOW_INPUT_DISTRIBUTION_WATERFALL_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_DISTRIBUTION_WATERFALL_ORDER_VALUES!r}")
