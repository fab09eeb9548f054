from typing import Literal

PhoneValidationStatus = Literal['invalid', 'missing', 'valid']

PHONE_VALIDATION_STATUS_VALUES: set[PhoneValidationStatus] = { 'invalid', 'missing', 'valid',  }

def check_phone_validation_status(value: str) -> PhoneValidationStatus:
    if value in PHONE_VALIDATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PHONE_VALIDATION_STATUS_VALUES!r}")
