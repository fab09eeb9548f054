from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AcceptedLead")



@_attrs_define
class AcceptedLead:
    """ 
        Attributes:
            id (str):
            status (str):
            flow_id (str):
            created_at (str):
            location (str):
     """

    id: str
    status: str
    flow_id: str
    created_at: str
    location: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        flow_id = self.flow_id

        created_at = self.created_at

        location = self.location


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "flow_id": flow_id,
            "created_at": created_at,
            "location": location,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        flow_id = d.pop("flow_id")

        created_at = d.pop("created_at")

        location = d.pop("location")

        accepted_lead = cls(
            id=id,
            status=status,
            flow_id=flow_id,
            created_at=created_at,
            location=location,
        )


        accepted_lead.additional_properties = d
        return accepted_lead

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
