from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ApiKeyInputRateLimit")



@_attrs_define
class ApiKeyInputRateLimit:
    """ Requests per hour (default 1000, at most 1000 here) and per minute (burst, default 100, at most 100 here); the
    operator can set more with `npm run keys`

        Attributes:
            per_hour (int | Unset):
            per_minute (int | Unset):
     """

    per_hour: int | Unset = UNSET
    per_minute: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        per_hour = self.per_hour

        per_minute = self.per_minute


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if per_hour is not UNSET:
            field_dict["per_hour"] = per_hour
        if per_minute is not UNSET:
            field_dict["per_minute"] = per_minute

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per_hour = d.pop("per_hour", UNSET)

        per_minute = d.pop("per_minute", UNSET)

        api_key_input_rate_limit = cls(
            per_hour=per_hour,
            per_minute=per_minute,
        )


        api_key_input_rate_limit.additional_properties = d
        return api_key_input_rate_limit

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
