from typing import Literal

QueryQualityAlertStatus = Literal['active', 'resolved']

QUERY_QUALITY_ALERT_STATUS_VALUES: set[QueryQualityAlertStatus] = { 'active', 'resolved',  }

def check_query_quality_alert_status(value: str) -> QueryQualityAlertStatus:
    if value in QUERY_QUALITY_ALERT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUERY_QUALITY_ALERT_STATUS_VALUES!r}")
