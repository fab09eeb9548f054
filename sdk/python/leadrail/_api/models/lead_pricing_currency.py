from typing import Literal

LeadPricingCurrency = Literal['USD']

LEAD_PRICING_CURRENCY_VALUES: set[LeadPricingCurrency] = { 'USD',  }

def check_lead_pricing_currency(value: str) -> LeadPricingCurrency:
    if value in LEAD_PRICING_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAD_PRICING_CURRENCY_VALUES!r}")
