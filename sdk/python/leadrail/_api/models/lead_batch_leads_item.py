from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lead_batch_leads_item_lead import LeadBatchLeadsItemLead





T = TypeVar("T", bound="LeadBatchLeadsItem")



@_attrs_define
class LeadBatchLeadsItem:
    """ 
        Attributes:
            lead (LeadBatchLeadsItemLead): Lead fields, e.g. first_name, email, phone; `source` and `campaign` are used for
                reporting. At most 500 fields, names of at most 100 characters, values of at most 10000 characters, 256 KiB in
                all.
            external_id (str | Unset):
            trusted_form_cert_url (str | Unset):
            source_id (str | Unset):
     """

    lead: LeadBatchLeadsItemLead
    external_id: str | Unset = UNSET
    trusted_form_cert_url: str | Unset = UNSET
    source_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_batch_leads_item_lead import LeadBatchLeadsItemLead # noqa: PLC0415
        lead = self.lead.to_dict()

        external_id = self.external_id

        trusted_form_cert_url = self.trusted_form_cert_url

        source_id = self.source_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lead": lead,
        })
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if trusted_form_cert_url is not UNSET:
            field_dict["trusted_form_cert_url"] = trusted_form_cert_url
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_batch_leads_item_lead import LeadBatchLeadsItemLead # noqa: PLC0415
        d = dict(src_dict)
        lead = LeadBatchLeadsItemLead.from_dict(d.pop("lead"))




        external_id = d.pop("external_id", UNSET)

        trusted_form_cert_url = d.pop("trusted_form_cert_url", UNSET)

        source_id = d.pop("source_id", UNSET)

        lead_batch_leads_item = cls(
            lead=lead,
            external_id=external_id,
            trusted_form_cert_url=trusted_form_cert_url,
            source_id=source_id,
        )


        lead_batch_leads_item.additional_properties = d
        return lead_batch_leads_item

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
