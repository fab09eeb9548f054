from typing import Literal

PostFlowsFlowIdLeadsDataBodyOptionsTestMode = Literal['false', 'true']

POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_TEST_MODE_VALUES: set[PostFlowsFlowIdLeadsDataBodyOptionsTestMode] = { 'false', 'true',  }

def check_post_flows_flow_id_leads_data_body_options_test_mode(value: str) -> PostFlowsFlowIdLeadsDataBodyOptionsTestMode:
    if value in POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_TEST_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_TEST_MODE_VALUES!r}")
