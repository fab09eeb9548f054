from typing import Literal

ApiKeyUpdateScopesItem = Literal['admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write']

API_KEY_UPDATE_SCOPES_ITEM_VALUES: set[ApiKeyUpdateScopesItem] = { 'admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write',  }

def check_api_key_update_scopes_item(value: str) -> ApiKeyUpdateScopesItem:
    if value in API_KEY_UPDATE_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_UPDATE_SCOPES_ITEM_VALUES!r}")
