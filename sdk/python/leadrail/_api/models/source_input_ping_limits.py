from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SourceInputPingLimits")



@_attrs_define
class SourceInputPingLimits:
    """ Most pings the source may send per period (null: no limit); over it: 429 ping_limit_reached

        Attributes:
            per_second (int | None | Unset):
            per_minute (int | None | Unset):
            per_hour (int | None | Unset):
            per_day (int | None | Unset):
     """

    per_second: int | None | Unset = UNSET
    per_minute: int | None | Unset = UNSET
    per_hour: int | None | Unset = UNSET
    per_day: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        per_second: int | None | Unset
        if isinstance(self.per_second, Unset):
            per_second = UNSET
        else:
            per_second = self.per_second

        per_minute: int | None | Unset
        if isinstance(self.per_minute, Unset):
            per_minute = UNSET
        else:
            per_minute = self.per_minute

        per_hour: int | None | Unset
        if isinstance(self.per_hour, Unset):
            per_hour = UNSET
        else:
            per_hour = self.per_hour

        per_day: int | None | Unset
        if isinstance(self.per_day, Unset):
            per_day = UNSET
        else:
            per_day = self.per_day


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if per_second is not UNSET:
            field_dict["per_second"] = per_second
        if per_minute is not UNSET:
            field_dict["per_minute"] = per_minute
        if per_hour is not UNSET:
            field_dict["per_hour"] = per_hour
        if per_day is not UNSET:
            field_dict["per_day"] = per_day

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_per_second(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_second = _parse_per_second(d.pop("per_second", UNSET))


        def _parse_per_minute(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_minute = _parse_per_minute(d.pop("per_minute", UNSET))


        def _parse_per_hour(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_hour = _parse_per_hour(d.pop("per_hour", UNSET))


        def _parse_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_day = _parse_per_day(d.pop("per_day", UNSET))


        source_input_ping_limits = cls(
            per_second=per_second,
            per_minute=per_minute,
            per_hour=per_hour,
            per_day=per_day,
        )


        source_input_ping_limits.additional_properties = d
        return source_input_ping_limits

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
