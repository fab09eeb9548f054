from typing import Literal

RecipientInputConfigMethod = Literal['POST', 'PUT']

RECIPIENT_INPUT_CONFIG_METHOD_VALUES: set[RecipientInputConfigMethod] = { 'POST', 'PUT',  }

def check_recipient_input_config_method(value: str) -> RecipientInputConfigMethod:
    if value in RECIPIENT_INPUT_CONFIG_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECIPIENT_INPUT_CONFIG_METHOD_VALUES!r}")
