from typing import Literal

RecipientInputConfigFormat = Literal['form', 'json']

RECIPIENT_INPUT_CONFIG_FORMAT_VALUES: set[RecipientInputConfigFormat] = { 'form', 'json',  }

def check_recipient_input_config_format(value: str) -> RecipientInputConfigFormat:
    if value in RECIPIENT_INPUT_CONFIG_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECIPIENT_INPUT_CONFIG_FORMAT_VALUES!r}")
