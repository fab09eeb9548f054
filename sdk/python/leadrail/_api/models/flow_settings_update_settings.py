from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.flow_settings_update_settings_notifications_type_0 import FlowSettingsUpdateSettingsNotificationsType0
  from ..models.flow_settings_update_settings_volume_cap_type_0 import FlowSettingsUpdateSettingsVolumeCapType0





T = TypeVar("T", bound="FlowSettingsUpdateSettings")



@_attrs_define
class FlowSettingsUpdateSettings:
    """ 
        Attributes:
            required_fields (list[str] | Unset):
            acceptance_criteria (None | str | Unset): Leads not matching it are rejected, e.g. lead.age >= 21 && lead.income
                >= 50000. A CEL (cel.dev) expression that compiles to a boolean over `lead`, `parsed`, `source`, `campaign` and
                `submission`; checked when the flow is saved (400 with line and column).
            quality_threshold (float | None | Unset):
            volume_cap (FlowSettingsUpdateSettingsVolumeCapType0 | None | Unset):
            notifications (FlowSettingsUpdateSettingsNotificationsType0 | None | Unset):
            time_zone (str | Unset): An IANA time zone name such as America/Chicago, Europe/Paris or UTC
     """

    required_fields: list[str] | Unset = UNSET
    acceptance_criteria: None | str | Unset = UNSET
    quality_threshold: float | None | Unset = UNSET
    volume_cap: FlowSettingsUpdateSettingsVolumeCapType0 | None | Unset = UNSET
    notifications: FlowSettingsUpdateSettingsNotificationsType0 | None | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_settings_update_settings_notifications_type_0 import FlowSettingsUpdateSettingsNotificationsType0 # noqa: PLC0415
        from ..models.flow_settings_update_settings_volume_cap_type_0 import FlowSettingsUpdateSettingsVolumeCapType0 # noqa: PLC0415
        required_fields: list[str] | Unset = UNSET
        if not isinstance(self.required_fields, Unset):
            required_fields = self.required_fields



        acceptance_criteria: None | str | Unset
        if isinstance(self.acceptance_criteria, Unset):
            acceptance_criteria = UNSET
        else:
            acceptance_criteria = self.acceptance_criteria

        quality_threshold: float | None | Unset
        if isinstance(self.quality_threshold, Unset):
            quality_threshold = UNSET
        else:
            quality_threshold = self.quality_threshold

        volume_cap: dict[str, Any] | None | Unset
        if isinstance(self.volume_cap, Unset):
            volume_cap = UNSET
        elif isinstance(self.volume_cap, FlowSettingsUpdateSettingsVolumeCapType0):
            volume_cap = self.volume_cap.to_dict()
        else:
            volume_cap = self.volume_cap

        notifications: dict[str, Any] | None | Unset
        if isinstance(self.notifications, Unset):
            notifications = UNSET
        elif isinstance(self.notifications, FlowSettingsUpdateSettingsNotificationsType0):
            notifications = self.notifications.to_dict()
        else:
            notifications = self.notifications

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if required_fields is not UNSET:
            field_dict["required_fields"] = required_fields
        if acceptance_criteria is not UNSET:
            field_dict["acceptance_criteria"] = acceptance_criteria
        if quality_threshold is not UNSET:
            field_dict["quality_threshold"] = quality_threshold
        if volume_cap is not UNSET:
            field_dict["volume_cap"] = volume_cap
        if notifications is not UNSET:
            field_dict["notifications"] = notifications
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_settings_update_settings_notifications_type_0 import FlowSettingsUpdateSettingsNotificationsType0 # noqa: PLC0415
        from ..models.flow_settings_update_settings_volume_cap_type_0 import FlowSettingsUpdateSettingsVolumeCapType0 # noqa: PLC0415
        d = dict(src_dict)
        required_fields = cast(list[str], d.pop("required_fields", UNSET))


        def _parse_acceptance_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acceptance_criteria = _parse_acceptance_criteria(d.pop("acceptance_criteria", UNSET))


        def _parse_quality_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        quality_threshold = _parse_quality_threshold(d.pop("quality_threshold", UNSET))


        def _parse_volume_cap(data: object) -> FlowSettingsUpdateSettingsVolumeCapType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                volume_cap_type_0 = FlowSettingsUpdateSettingsVolumeCapType0.from_dict(data)



                return volume_cap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowSettingsUpdateSettingsVolumeCapType0 | None | Unset, data)

        volume_cap = _parse_volume_cap(d.pop("volume_cap", UNSET))


        def _parse_notifications(data: object) -> FlowSettingsUpdateSettingsNotificationsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notifications_type_0 = FlowSettingsUpdateSettingsNotificationsType0.from_dict(data)



                return notifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowSettingsUpdateSettingsNotificationsType0 | None | Unset, data)

        notifications = _parse_notifications(d.pop("notifications", UNSET))


        time_zone = d.pop("time_zone", UNSET)

        flow_settings_update_settings = cls(
            required_fields=required_fields,
            acceptance_criteria=acceptance_criteria,
            quality_threshold=quality_threshold,
            volume_cap=volume_cap,
            notifications=notifications,
            time_zone=time_zone,
        )


        flow_settings_update_settings.additional_properties = d
        return flow_settings_update_settings

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
