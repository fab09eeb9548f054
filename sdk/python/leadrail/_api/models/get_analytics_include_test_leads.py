from typing import Literal

GetAnalyticsIncludeTestLeads = Literal['false', 'true']

GET_ANALYTICS_INCLUDE_TEST_LEADS_VALUES: set[GetAnalyticsIncludeTestLeads] = { 'false', 'true',  }

def check_get_analytics_include_test_leads(value: str) -> GetAnalyticsIncludeTestLeads:
    if value in GET_ANALYTICS_INCLUDE_TEST_LEADS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ANALYTICS_INCLUDE_TEST_LEADS_VALUES!r}")
