from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.intent_lead import IntentLead
  from ..models.intent_metadata import IntentMetadata





T = TypeVar("T", bound="IntentQueryResponse")



@_attrs_define
class IntentQueryResponse:
    """ 
        Attributes:
            leads (list[IntentLead]):
            metadata (IntentMetadata):
     """

    leads: list[IntentLead]
    metadata: IntentMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.intent_lead import IntentLead # noqa: PLC0415
        from ..models.intent_metadata import IntentMetadata # noqa: PLC0415
        leads = []
        for leads_item_data in self.leads:
            leads_item = leads_item_data.to_dict()
            leads.append(leads_item)



        metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "leads": leads,
            "metadata": metadata,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intent_lead import IntentLead # noqa: PLC0415
        from ..models.intent_metadata import IntentMetadata # noqa: PLC0415
        d = dict(src_dict)
        leads = []
        _leads = d.pop("leads")
        for leads_item_data in (_leads):
            leads_item = IntentLead.from_dict(leads_item_data)



            leads.append(leads_item)


        metadata = IntentMetadata.from_dict(d.pop("metadata"))




        intent_query_response = cls(
            leads=leads,
            metadata=metadata,
        )


        intent_query_response.additional_properties = d
        return intent_query_response

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
