from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowSettingsUpdateSettingsVolumeCapType0")



@_attrs_define
class FlowSettingsUpdateSettingsVolumeCapType0:
    """ 
        Attributes:
            daily_limit (int | None | Unset):
            hourly_limit (int | None | Unset):
     """

    daily_limit: int | None | Unset = UNSET
    hourly_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        daily_limit: int | None | Unset
        if isinstance(self.daily_limit, Unset):
            daily_limit = UNSET
        else:
            daily_limit = self.daily_limit

        hourly_limit: int | None | Unset
        if isinstance(self.hourly_limit, Unset):
            hourly_limit = UNSET
        else:
            hourly_limit = self.hourly_limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if daily_limit is not UNSET:
            field_dict["daily_limit"] = daily_limit
        if hourly_limit is not UNSET:
            field_dict["hourly_limit"] = hourly_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_daily_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily_limit = _parse_daily_limit(d.pop("daily_limit", UNSET))


        def _parse_hourly_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hourly_limit = _parse_hourly_limit(d.pop("hourly_limit", UNSET))


        flow_settings_update_settings_volume_cap_type_0 = cls(
            daily_limit=daily_limit,
            hourly_limit=hourly_limit,
        )


        flow_settings_update_settings_volume_cap_type_0.additional_properties = d
        return flow_settings_update_settings_volume_cap_type_0

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
