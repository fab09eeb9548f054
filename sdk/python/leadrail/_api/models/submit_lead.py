from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.submit_lead_lead import SubmitLeadLead
  from ..models.submit_lead_options import SubmitLeadOptions





T = TypeVar("T", bound="SubmitLead")



@_attrs_define
class SubmitLead:
    """ 
        Attributes:
            lead (SubmitLeadLead): Lead fields, e.g. first_name, email, phone; `source` and `campaign` are used for
                reporting. At most 500 fields, names of at most 100 characters, values of at most 10000 characters, 256 KiB in
                all.
            external_id (str | Unset): Your id for the lead; resubmitting it is safe
            trusted_form_cert_url (str | Unset):
            source_id (str | Unset): The flow's source (POST /flows/{id}/sources) sending it; implied by a source's key
            ping_id (str | Unset): Sell at the bid of this ping (POST /flows/{id}/ping): before it expires, with the pinged
                values
            options (SubmitLeadOptions | Unset):
     """

    lead: SubmitLeadLead
    external_id: str | Unset = UNSET
    trusted_form_cert_url: str | Unset = UNSET
    source_id: str | Unset = UNSET
    ping_id: str | Unset = UNSET
    options: SubmitLeadOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.submit_lead_lead import SubmitLeadLead # noqa: PLC0415
        from ..models.submit_lead_options import SubmitLeadOptions # noqa: PLC0415
        lead = self.lead.to_dict()

        external_id = self.external_id

        trusted_form_cert_url = self.trusted_form_cert_url

        source_id = self.source_id

        ping_id = self.ping_id

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()


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
        if ping_id is not UNSET:
            field_dict["ping_id"] = ping_id
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_lead_lead import SubmitLeadLead # noqa: PLC0415
        from ..models.submit_lead_options import SubmitLeadOptions # noqa: PLC0415
        d = dict(src_dict)
        lead = SubmitLeadLead.from_dict(d.pop("lead"))




        external_id = d.pop("external_id", UNSET)

        trusted_form_cert_url = d.pop("trusted_form_cert_url", UNSET)

        source_id = d.pop("source_id", UNSET)

        ping_id = d.pop("ping_id", UNSET)

        _options = d.pop("options", UNSET)
        options: SubmitLeadOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = SubmitLeadOptions.from_dict(_options)




        submit_lead = cls(
            lead=lead,
            external_id=external_id,
            trusted_form_cert_url=trusted_form_cert_url,
            source_id=source_id,
            ping_id=ping_id,
            options=options,
        )


        submit_lead.additional_properties = d
        return submit_lead

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
