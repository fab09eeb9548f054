from typing import Literal

ApiKeyInputMode = Literal['live', 'test']

API_KEY_INPUT_MODE_VALUES: set[ApiKeyInputMode] = { 'live', 'test',  }

def check_api_key_input_mode(value: str) -> ApiKeyInputMode:
    if value in API_KEY_INPUT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_INPUT_MODE_VALUES!r}")
