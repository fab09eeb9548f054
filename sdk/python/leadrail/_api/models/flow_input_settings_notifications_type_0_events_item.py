from typing import Literal

FlowInputSettingsNotificationsType0EventsItem = Literal['lead.accepted', 'lead.converted', 'lead.delivered', 'lead.failed', 'lead.received', 'lead.rejected']

FLOW_INPUT_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES: set[FlowInputSettingsNotificationsType0EventsItem] = { 'lead.accepted', 'lead.converted', 'lead.delivered', 'lead.failed', 'lead.received', 'lead.rejected',  }

def check_flow_input_settings_notifications_type_0_events_item(value: str) -> FlowInputSettingsNotificationsType0EventsItem:
    if value in FLOW_INPUT_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_INPUT_SETTINGS_NOTIFICATIONS_TYPE_0_EVENTS_ITEM_VALUES!r}")
