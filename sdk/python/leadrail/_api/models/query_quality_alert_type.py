from typing import Literal

QueryQualityAlertType = Literal['empty_results', 'high_cost', 'high_latency']

QUERY_QUALITY_ALERT_TYPE_VALUES: set[QueryQualityAlertType] = { 'empty_results', 'high_cost', 'high_latency',  }

def check_query_quality_alert_type(value: str) -> QueryQualityAlertType:
    if value in QUERY_QUALITY_ALERT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUERY_QUALITY_ALERT_TYPE_VALUES!r}")
