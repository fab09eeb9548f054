from typing import Literal

ProbeStatus = Literal['ok', 'unavailable']

PROBE_STATUS_VALUES: set[ProbeStatus] = { 'ok', 'unavailable',  }

def check_probe_status(value: str) -> ProbeStatus:
    if value in PROBE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROBE_STATUS_VALUES!r}")
