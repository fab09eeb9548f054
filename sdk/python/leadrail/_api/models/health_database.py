from typing import Literal

HealthDatabase = Literal['connected', 'disconnected']

HEALTH_DATABASE_VALUES: set[HealthDatabase] = { 'connected', 'disconnected',  }

def check_health_database(value: str) -> HealthDatabase:
    if value in HEALTH_DATABASE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_DATABASE_VALUES!r}")
