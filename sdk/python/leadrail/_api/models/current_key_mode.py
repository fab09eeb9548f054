from typing import Literal

CurrentKeyMode = Literal['live', 'test']

CURRENT_KEY_MODE_VALUES: set[CurrentKeyMode] = { 'live', 'test',  }

def check_current_key_mode(value: str) -> CurrentKeyMode:
    if value in CURRENT_KEY_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENT_KEY_MODE_VALUES!r}")
