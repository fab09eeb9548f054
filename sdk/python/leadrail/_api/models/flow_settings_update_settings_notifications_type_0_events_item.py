from typing import Literal

FlowSettingsUpdateSettingsNotificationsType0EventsItem = Literal['lead.accepted', 'lead.converted', 'lead.delivered', 'lead.failed', 'lead.received', 'lead.rejected']

FLOW_SETTINGS_UPDATE_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES: set[FlowSettingsUpdateSettingsNotificationsType0EventsItem] = { 'lead.accepted', 'lead.converted', 'lead.delivered', 'lead.failed', 'lead.received', 'lead.rejected',  }

def check_flow_settings_update_settings_notifications_type_0_events_item(value: str) -> FlowSettingsUpdateSettingsNotificationsType0EventsItem:
    if value in FLOW_SETTINGS_UPDATE_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_SETTINGS_UPDATE_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES!r}")
