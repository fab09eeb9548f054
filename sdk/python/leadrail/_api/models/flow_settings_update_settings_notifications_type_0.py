from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_settings_update_settings_notifications_type_0_events_item import check_flow_settings_update_settings_notifications_type_0_events_item
from ..models.flow_settings_update_settings_notifications_type_0_events_item import FlowSettingsUpdateSettingsNotificationsType0EventsItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowSettingsUpdateSettingsNotificationsType0")



@_attrs_define
class FlowSettingsUpdateSettingsNotificationsType0:
    """ 
        Attributes:
            email (None | str | Unset):
            webhook_url (None | str | Unset):
            events (list[FlowSettingsUpdateSettingsNotificationsType0EventsItem] | Unset): Default: all events
     """

    email: None | str | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    events: list[FlowSettingsUpdateSettingsNotificationsType0EventsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item: str = events_item_data
                events.append(events_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if email is not UNSET:
            field_dict["email"] = email
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))


        _events = d.pop("events", UNSET)
        events: list[FlowSettingsUpdateSettingsNotificationsType0EventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = check_flow_settings_update_settings_notifications_type_0_events_item(events_item_data)



                events.append(events_item)


        flow_settings_update_settings_notifications_type_0 = cls(
            email=email,
            webhook_url=webhook_url,
            events=events,
        )


        flow_settings_update_settings_notifications_type_0.additional_properties = d
        return flow_settings_update_settings_notifications_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
