from typing import Literal

CurrentKeyScopesItem = Literal['admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write']

CURRENT_KEY_SCOPES_ITEM_VALUES: set[CurrentKeyScopesItem] = { 'admin', 'analytics:read', 'flows:read', 'flows:write', 'intent:query', 'leads:read', 'leads:write',  }

def check_current_key_scopes_item(value: str) -> CurrentKeyScopesItem:
    if value in CURRENT_KEY_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENT_KEY_SCOPES_ITEM_VALUES!r}")
