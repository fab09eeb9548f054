from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FlowVersionsVersionsItem")



@_attrs_define
class FlowVersionsVersionsItem:
    """ 
        Attributes:
            version (int):
            created_at (str):
            steps (int):
            caps (int):
            fields (int):
     """

    version: int
    created_at: str
    steps: int
    caps: int
    fields: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        created_at = self.created_at

        steps = self.steps

        caps = self.caps

        fields = self.fields


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "version": version,
            "created_at": created_at,
            "steps": steps,
            "caps": caps,
            "fields": fields,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        created_at = d.pop("created_at")

        steps = d.pop("steps")

        caps = d.pop("caps")

        fields = d.pop("fields")

        flow_versions_versions_item = cls(
            version=version,
            created_at=created_at,
            steps=steps,
            caps=caps,
            fields=fields,
        )


        flow_versions_versions_item.additional_properties = d
        return flow_versions_versions_item

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
