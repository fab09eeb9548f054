from typing import Literal

FlowInputPricingCurrency = Literal['USD']

FLOW_INPUT_PRICING_CURRENCY_VALUES: set[FlowInputPricingCurrency] = { 'USD',  }

def check_flow_input_pricing_currency(value: str) -> FlowInputPricingCurrency:
    if value in FLOW_INPUT_PRICING_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_PRICING_CURRENCY_VALUES!r}")
