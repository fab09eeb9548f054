from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.flow_event_details_type_0 import FlowEventDetailsType0
  from ..models.flow_event_fields_type_0 import FlowEventFieldsType0
  from ..models.flow_event_recipient_type_0 import FlowEventRecipientType0





T = TypeVar("T", bound="FlowEvent")



@_attrs_define
class FlowEvent:
    """ 
        Attributes:
            id (str):
            lead_id (str):
            type_ (str):
            timestamp (str):
            outcome (str):
            reason (None | str):
            recipient (FlowEventRecipientType0 | None): For delivery events: the recipient; type is http_post or http_put
            duration_ms (float | None):
            response_code (float | None):
            details (FlowEventDetailsType0 | None):
            fields (FlowEventFieldsType0 | None): The event's lead, every field as parsed ({normal, raw, valid,
                …components}), sensitive fields masked; null until the lead is evaluated
            enhancements (list[str] | Unset): On an enhanced event: the enhancements that ran
     """

    id: str
    lead_id: str
    type_: str
    timestamp: str
    outcome: str
    reason: None | str
    recipient: FlowEventRecipientType0 | None
    duration_ms: float | None
    response_code: float | None
    details: FlowEventDetailsType0 | None
    fields: FlowEventFieldsType0 | None
    enhancements: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_event_details_type_0 import FlowEventDetailsType0 # noqa: PLC0415
        from ..models.flow_event_fields_type_0 import FlowEventFieldsType0 # noqa: PLC0415
        from ..models.flow_event_recipient_type_0 import FlowEventRecipientType0 # noqa: PLC0415
        id = self.id

        lead_id = self.lead_id

        type_ = self.type_

        timestamp = self.timestamp

        outcome = self.outcome

        reason: None | str
        reason = self.reason

        recipient: dict[str, Any] | None
        if isinstance(self.recipient, FlowEventRecipientType0):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient

        duration_ms: float | None
        duration_ms = self.duration_ms

        response_code: float | None
        response_code = self.response_code

        details: dict[str, Any] | None
        if isinstance(self.details, FlowEventDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        fields: dict[str, Any] | None
        if isinstance(self.fields, FlowEventFieldsType0):
            fields = self.fields.to_dict()
        else:
            fields = self.fields

        enhancements: list[str] | Unset = UNSET
        if not isinstance(self.enhancements, Unset):
            enhancements = self.enhancements




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "lead_id": lead_id,
            "type": type_,
            "timestamp": timestamp,
            "outcome": outcome,
            "reason": reason,
            "recipient": recipient,
            "duration_ms": duration_ms,
            "response_code": response_code,
            "details": details,
            "fields": fields,
        })
        if enhancements is not UNSET:
            field_dict["enhancements"] = enhancements

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_event_details_type_0 import FlowEventDetailsType0 # noqa: PLC0415
        from ..models.flow_event_fields_type_0 import FlowEventFieldsType0 # noqa: PLC0415
        from ..models.flow_event_recipient_type_0 import FlowEventRecipientType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        lead_id = d.pop("lead_id")

        type_ = d.pop("type")

        timestamp = d.pop("timestamp")

        outcome = d.pop("outcome")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_recipient(data: object) -> FlowEventRecipientType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipient_type_0 = FlowEventRecipientType0.from_dict(data)



                return recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowEventRecipientType0 | None, data)

        recipient = _parse_recipient(d.pop("recipient"))


        def _parse_duration_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms"))


        def _parse_response_code(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_code = _parse_response_code(d.pop("response_code"))


        def _parse_details(data: object) -> FlowEventDetailsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = FlowEventDetailsType0.from_dict(data)



                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowEventDetailsType0 | None, data)

        details = _parse_details(d.pop("details"))


        def _parse_fields(data: object) -> FlowEventFieldsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fields_type_0 = FlowEventFieldsType0.from_dict(data)



                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowEventFieldsType0 | None, data)

        fields = _parse_fields(d.pop("fields"))


        enhancements = cast(list[str], d.pop("enhancements", UNSET))


        flow_event = cls(
            id=id,
            lead_id=lead_id,
            type_=type_,
            timestamp=timestamp,
            outcome=outcome,
            reason=reason,
            recipient=recipient,
            duration_ms=duration_ms,
            response_code=response_code,
            details=details,
            fields=fields,
            enhancements=enhancements,
        )


        flow_event.additional_properties = d
        return flow_event

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
