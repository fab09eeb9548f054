from typing import Literal

GetLeadsTestMode = Literal['false', 'true']

GET_LEADS_TEST_MODE_VALUES: set[GetLeadsTestMode] = { 'false', 'true',  }

def check_get_leads_test_mode(value: str) -> GetLeadsTestMode:
    if value in GET_LEADS_TEST_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_LEADS_TEST_MODE_VALUES!r}")
