from typing import Literal

HealthTemporal = Literal['connected', 'disconnected']

HEALTH_TEMPORAL_VALUES: set[HealthTemporal] = { 'connected', 'disconnected',  }

def check_health_temporal(value: str) -> HealthTemporal:
    if value in HEALTH_TEMPORAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_TEMPORAL_VALUES!r}")
