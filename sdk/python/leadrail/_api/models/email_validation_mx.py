from typing import Literal

EmailValidationMx = Literal['no_domain', 'no_mx', 'skipped', 'unknown', 'valid']

EMAIL_VALIDATION_MX_VALUES: set[EmailValidationMx] = { 'no_domain', 'no_mx', 'skipped', 'unknown', 'valid',  }

def check_email_validation_mx(value: str) -> EmailValidationMx:
    if value in EMAIL_VALIDATION_MX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EMAIL_VALIDATION_MX_VALUES!r}")
