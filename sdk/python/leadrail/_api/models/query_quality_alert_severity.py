from typing import Literal

QueryQualityAlertSeverity = Literal['critical', 'info', 'warning']

QUERY_QUALITY_ALERT_SEVERITY_VALUES: set[QueryQualityAlertSeverity] = { 'critical', 'info', 'warning',  }

def check_query_quality_alert_severity(value: str) -> QueryQualityAlertSeverity:
    if value in QUERY_QUALITY_ALERT_SEVERITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUERY_QUALITY_ALERT_SEVERITY_VALUES!r}")
