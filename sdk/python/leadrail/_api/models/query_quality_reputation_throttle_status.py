from typing import Literal

QueryQualityReputationThrottleStatus = Literal['active', 'inactive']

QUERY_QUALITY_REPUTATION_THROTTLE_STATUS_VALUES: set[QueryQualityReputationThrottleStatus] = { 'active', 'inactive',  }

def check_query_quality_reputation_throttle_status(value: str) -> QueryQualityReputationThrottleStatus:
    if value in QUERY_QUALITY_REPUTATION_THROTTLE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUERY_QUALITY_REPUTATION_THROTTLE_STATUS_VALUES!r}")
