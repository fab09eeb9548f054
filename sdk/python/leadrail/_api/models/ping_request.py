from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ping_request_lead import PingRequestLead





T = TypeVar("T", bound="PingRequest")



@_attrs_define
class PingRequest:
    """ 
        Attributes:
            lead (PingRequestLead): The fields of the lead the publisher shares before selling it
            source_id (str | Unset): The source pinging (implied by a source's key)
     """

    lead: PingRequestLead
    source_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ping_request_lead import PingRequestLead # noqa: PLC0415
        lead = self.lead.to_dict()

        source_id = self.source_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lead": lead,
        })
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ping_request_lead import PingRequestLead # noqa: PLC0415
        d = dict(src_dict)
        lead = PingRequestLead.from_dict(d.pop("lead"))




        source_id = d.pop("source_id", UNSET)

        ping_request = cls(
            lead=lead,
            source_id=source_id,
        )


        ping_request.additional_properties = d
        return ping_request

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
