from typing import Literal

GetQueryQualityAlertsStatus = Literal['active', 'all', 'resolved']

GET_QUERY_QUALITY_ALERTS_STATUS_VALUES: set[GetQueryQualityAlertsStatus] = { 'active', 'all', 'resolved',  }

def check_get_query_quality_alerts_status(value: str) -> GetQueryQualityAlertsStatus:
    if value in GET_QUERY_QUALITY_ALERTS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_QUERY_QUALITY_ALERTS_STATUS_VALUES!r}")
