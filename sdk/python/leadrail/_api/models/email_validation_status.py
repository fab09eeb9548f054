from typing import Literal

EmailValidationStatus = Literal['invalid', 'missing', 'valid']

EMAIL_VALIDATION_STATUS_VALUES: set[EmailValidationStatus] = { 'invalid', 'missing', 'valid',  }

def check_email_validation_status(value: str) -> EmailValidationStatus:
    if value in EMAIL_VALIDATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EMAIL_VALIDATION_STATUS_VALUES!r}")
