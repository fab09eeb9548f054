from typing import Literal

FlowInputFieldsItemType = Literal['boolean', 'city', 'credential', 'date', 'dob', 'email', 'first_name', 'gender', 'ip', 'last_name', 'number', 'phone', 'postal_code', 'range', 'ssn', 'state', 'street', 'string', 'time', 'trustedform_url', 'url']

FLOW_INPUT_FIELDS_ITEM_TYPE_VALUES: set[FlowInputFieldsItemType] = { 'boolean', 'city', 'credential', 'date', 'dob', 'email', 'first_name', 'gender', 'ip', 'last_name', 'number', 'phone', 'postal_code', 'range', 'ssn', 'state', 'street', 'string', 'time', 'trustedform_url', 'url',  }

def check_flow_input_fields_item_type(value: str) -> FlowInputFieldsItemType:
    if value in FLOW_INPUT_FIELDS_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_FIELDS_ITEM_TYPE_VALUES!r}")
