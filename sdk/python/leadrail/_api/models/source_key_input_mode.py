from typing import Literal

SourceKeyInputMode = Literal['live', 'test']

SOURCE_KEY_INPUT_MODE_VALUES: set[SourceKeyInputMode] = { 'live', 'test',  }

def check_source_key_input_mode(value: str) -> SourceKeyInputMode:
    if value in SOURCE_KEY_INPUT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SOURCE_KEY_INPUT_MODE_VALUES!r}")
