from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_versions_versions_item import FlowVersionsVersionsItem





T = TypeVar("T", bound="FlowVersions")



@_attrs_define
class FlowVersions:
    """ 
        Attributes:
            flow_id (str):
            current_version (int):
            versions (list[FlowVersionsVersionsItem]):
     """

    flow_id: str
    current_version: int
    versions: list[FlowVersionsVersionsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_versions_versions_item import FlowVersionsVersionsItem # noqa: PLC0415
        flow_id = self.flow_id

        current_version = self.current_version

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flow_id": flow_id,
            "current_version": current_version,
            "versions": versions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_versions_versions_item import FlowVersionsVersionsItem # noqa: PLC0415
        d = dict(src_dict)
        flow_id = d.pop("flow_id")

        current_version = d.pop("current_version")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = FlowVersionsVersionsItem.from_dict(versions_item_data)



            versions.append(versions_item)


        flow_versions = cls(
            flow_id=flow_id,
            current_version=current_version,
            versions=versions,
        )


        flow_versions.additional_properties = d
        return flow_versions

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
