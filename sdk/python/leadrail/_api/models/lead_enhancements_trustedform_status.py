from typing import Literal

LeadEnhancementsTrustedformStatus = Literal['invalid', 'missing', 'valid']

LEAD_ENHANCEMENTS_TRUSTEDFORM_STATUS_VALUES: set[LeadEnhancementsTrustedformStatus] = { 'invalid', 'missing', 'valid',  }

def check_lead_enhancements_trustedform_status(value: str) -> LeadEnhancementsTrustedformStatus:
    if value in LEAD_ENHANCEMENTS_TRUSTEDFORM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAD_ENHANCEMENTS_TRUSTEDFORM_STATUS_VALUES!r}")
