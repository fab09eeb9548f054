from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lead_batch_leads_item import LeadBatchLeadsItem
  from ..models.lead_batch_options import LeadBatchOptions





T = TypeVar("T", bound="LeadBatch")



@_attrs_define
class LeadBatch:
    """ 
        Attributes:
            leads (list[LeadBatchLeadsItem]):
            options (LeadBatchOptions | Unset):
     """

    leads: list[LeadBatchLeadsItem]
    options: LeadBatchOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_batch_leads_item import LeadBatchLeadsItem # noqa: PLC0415
        from ..models.lead_batch_options import LeadBatchOptions # noqa: PLC0415
        leads = []
        for leads_item_data in self.leads:
            leads_item = leads_item_data.to_dict()
            leads.append(leads_item)



        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "leads": leads,
        })
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_batch_leads_item import LeadBatchLeadsItem # noqa: PLC0415
        from ..models.lead_batch_options import LeadBatchOptions # noqa: PLC0415
        d = dict(src_dict)
        leads = []
        _leads = d.pop("leads")
        for leads_item_data in (_leads):
            leads_item = LeadBatchLeadsItem.from_dict(leads_item_data)



            leads.append(leads_item)


        _options = d.pop("options", UNSET)
        options: LeadBatchOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = LeadBatchOptions.from_dict(_options)




        lead_batch = cls(
            leads=leads,
            options=options,
        )


        lead_batch.additional_properties = d
        return lead_batch

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
