from typing import Literal

PostFlowsFlowIdLeadsDataBodyOptionsAsync = Literal['false', 'true']

POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_ASYNC_VALUES: set[PostFlowsFlowIdLeadsDataBodyOptionsAsync] = { 'false', 'true',  }

def check_post_flows_flow_id_leads_data_body_options_async(value: str) -> PostFlowsFlowIdLeadsDataBodyOptionsAsync:
    if value in POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_ASYNC_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_FLOWS_FLOW_ID_LEADS_DATA_BODY_OPTIONS_ASYNC_VALUES!r}")
