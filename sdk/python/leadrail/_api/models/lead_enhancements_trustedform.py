from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lead_enhancements_trustedform_status import check_lead_enhancements_trustedform_status
from ..models.lead_enhancements_trustedform_status import LeadEnhancementsTrustedformStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lead_enhancements_trustedform_claim import LeadEnhancementsTrustedformClaim





T = TypeVar("T", bound="LeadEnhancementsTrustedform")



@_attrs_define
class LeadEnhancementsTrustedform:
    """ 
        Attributes:
            status (LeadEnhancementsTrustedformStatus):
            cert_id (None | str | Unset): null: the URL is not a certificate URL
            age_in_days (float | None | Unset): null: not claimed (no claim_url), or the claim failed
            claim (LeadEnhancementsTrustedformClaim | Unset):
     """

    status: LeadEnhancementsTrustedformStatus
    cert_id: None | str | Unset = UNSET
    age_in_days: float | None | Unset = UNSET
    claim: LeadEnhancementsTrustedformClaim | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_enhancements_trustedform_claim import LeadEnhancementsTrustedformClaim # noqa: PLC0415
        status: str = self.status

        cert_id: None | str | Unset
        if isinstance(self.cert_id, Unset):
            cert_id = UNSET
        else:
            cert_id = self.cert_id

        age_in_days: float | None | Unset
        if isinstance(self.age_in_days, Unset):
            age_in_days = UNSET
        else:
            age_in_days = self.age_in_days

        claim: dict[str, Any] | Unset = UNSET
        if not isinstance(self.claim, Unset):
            claim = self.claim.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if cert_id is not UNSET:
            field_dict["cert_id"] = cert_id
        if age_in_days is not UNSET:
            field_dict["age_in_days"] = age_in_days
        if claim is not UNSET:
            field_dict["claim"] = claim

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_enhancements_trustedform_claim import LeadEnhancementsTrustedformClaim # noqa: PLC0415
        d = dict(src_dict)
        status = check_lead_enhancements_trustedform_status(d.pop("status"))




        def _parse_cert_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cert_id = _parse_cert_id(d.pop("cert_id", UNSET))


        def _parse_age_in_days(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        age_in_days = _parse_age_in_days(d.pop("age_in_days", UNSET))


        _claim = d.pop("claim", UNSET)
        claim: LeadEnhancementsTrustedformClaim | Unset
        if isinstance(_claim,  Unset):
            claim = UNSET
        else:
            claim = LeadEnhancementsTrustedformClaim.from_dict(_claim)




        lead_enhancements_trustedform = cls(
            status=status,
            cert_id=cert_id,
            age_in_days=age_in_days,
            claim=claim,
        )


        lead_enhancements_trustedform.additional_properties = d
        return lead_enhancements_trustedform

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
