from typing import Literal

ApiKeyInputScopesItem = Literal['admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write']

API_KEY_INPUT_SCOPES_ITEM_VALUES: set[ApiKeyInputScopesItem] = { 'admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write',  }

def check_api_key_input_scopes_item(value: str) -> ApiKeyInputScopesItem:
    if value in API_KEY_INPUT_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_INPUT_SCOPES_ITEM_VALUES!r}")
