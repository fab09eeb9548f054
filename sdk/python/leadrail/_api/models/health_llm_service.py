from typing import Literal

HealthLlmService = Literal['available', 'disabled', 'unavailable']

HEALTH_LLM_SERVICE_VALUES: set[HealthLlmService] = { 'available', 'disabled', 'unavailable',  }

def check_health_llm_service(value: str) -> HealthLlmService:
    if value in HEALTH_LLM_SERVICE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_LLM_SERVICE_VALUES!r}")
