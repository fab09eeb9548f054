from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.intent_lead_contact_info import IntentLeadContactInfo





T = TypeVar("T", bound="IntentLead")



@_attrs_define
class IntentLead:
    """ 
        Attributes:
            lead_id (str):
            company_name (str):
            domain (str):
            industry (str):
            company_size (str): 1-10, 11-50, 51-200, 201-1000 or 1000+
            location (str):
            score (float): Purchase intent x fit, 0..1
            confidence (float): Amount, freshness and consistency of the evidence, 0..1
            contact_info (IntentLeadContactInfo):
            intent_signals (list[str]):
     """

    lead_id: str
    company_name: str
    domain: str
    industry: str
    company_size: str
    location: str
    score: float
    confidence: float
    contact_info: IntentLeadContactInfo
    intent_signals: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.intent_lead_contact_info import IntentLeadContactInfo # noqa: PLC0415
        lead_id = self.lead_id

        company_name = self.company_name

        domain = self.domain

        industry = self.industry

        company_size = self.company_size

        location = self.location

        score = self.score

        confidence = self.confidence

        contact_info = self.contact_info.to_dict()

        intent_signals = self.intent_signals




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lead_id": lead_id,
            "company_name": company_name,
            "domain": domain,
            "industry": industry,
            "company_size": company_size,
            "location": location,
            "score": score,
            "confidence": confidence,
            "contact_info": contact_info,
            "intent_signals": intent_signals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intent_lead_contact_info import IntentLeadContactInfo # noqa: PLC0415
        d = dict(src_dict)
        lead_id = d.pop("lead_id")

        company_name = d.pop("company_name")

        domain = d.pop("domain")

        industry = d.pop("industry")

        company_size = d.pop("company_size")

        location = d.pop("location")

        score = d.pop("score")

        confidence = d.pop("confidence")

        contact_info = IntentLeadContactInfo.from_dict(d.pop("contact_info"))




        intent_signals = cast(list[str], d.pop("intent_signals"))


        intent_lead = cls(
            lead_id=lead_id,
            company_name=company_name,
            domain=domain,
            industry=industry,
            company_size=company_size,
            location=location,
            score=score,
            confidence=confidence,
            contact_info=contact_info,
            intent_signals=intent_signals,
        )


        intent_lead.additional_properties = d
        return intent_lead

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
