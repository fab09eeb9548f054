from typing import Literal

SubmittedLeadPricingCurrency = Literal['USD']

SUBMITTED_LEAD_PRICING_CURRENCY_VALUES: set[SubmittedLeadPricingCurrency] = { 'USD',  }

def check_submitted_lead_pricing_currency(value: str) -> SubmittedLeadPricingCurrency:
    if value in SUBMITTED_LEAD_PRICING_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMITTED_LEAD_PRICING_CURRENCY_VALUES!r}")
