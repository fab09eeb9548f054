from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lead_event_outcome import check_lead_event_outcome
from ..models.lead_event_outcome import LeadEventOutcome
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lead_event_details import LeadEventDetails





T = TypeVar("T", bound="LeadEvent")



@_attrs_define
class LeadEvent:
    """ 
        Attributes:
            id (str):
            type_ (str):
            outcome (LeadEventOutcome):
            timestamp (str):
            reason (str | Unset):
            recipient (str | Unset):
            recipient_id (str | Unset):
            response_code (float | Unset):
            duration_ms (float | Unset):
            details (LeadEventDetails | Unset):
     """

    id: str
    type_: str
    outcome: LeadEventOutcome
    timestamp: str
    reason: str | Unset = UNSET
    recipient: str | Unset = UNSET
    recipient_id: str | Unset = UNSET
    response_code: float | Unset = UNSET
    duration_ms: float | Unset = UNSET
    details: LeadEventDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_event_details import LeadEventDetails # noqa: PLC0415
        id = self.id

        type_ = self.type_

        outcome: str = self.outcome

        timestamp = self.timestamp

        reason = self.reason

        recipient = self.recipient

        recipient_id = self.recipient_id

        response_code = self.response_code

        duration_ms = self.duration_ms

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "type": type_,
            "outcome": outcome,
            "timestamp": timestamp,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if response_code is not UNSET:
            field_dict["response_code"] = response_code
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_event_details import LeadEventDetails # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        outcome = check_lead_event_outcome(d.pop("outcome"))




        timestamp = d.pop("timestamp")

        reason = d.pop("reason", UNSET)

        recipient = d.pop("recipient", UNSET)

        recipient_id = d.pop("recipient_id", UNSET)

        response_code = d.pop("response_code", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        _details = d.pop("details", UNSET)
        details: LeadEventDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = LeadEventDetails.from_dict(_details)




        lead_event = cls(
            id=id,
            type_=type_,
            outcome=outcome,
            timestamp=timestamp,
            reason=reason,
            recipient=recipient,
            recipient_id=recipient_id,
            response_code=response_code,
            duration_ms=duration_ms,
            details=details,
        )


        lead_event.additional_properties = d
        return lead_event

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
