from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.lead_event import LeadEvent
  from ..models.submitted_lead_pricing import SubmittedLeadPricing





T = TypeVar("T", bound="SubmittedLead")



@_attrs_define
class SubmittedLead:
    """ 
        Attributes:
            id (str):
            status (str):
            reason (None | str):
            flow_id (str):
            created_at (str):
            test_mode (bool):
            events (list[LeadEvent]):
            quality_score (float | None):
            pricing (SubmittedLeadPricing): Purchase price of the lead
     """

    id: str
    status: str
    reason: None | str
    flow_id: str
    created_at: str
    test_mode: bool
    events: list[LeadEvent]
    quality_score: float | None
    pricing: SubmittedLeadPricing
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_event import LeadEvent # noqa: PLC0415
        from ..models.submitted_lead_pricing import SubmittedLeadPricing # noqa: PLC0415
        id = self.id

        status = self.status

        reason: None | str
        reason = self.reason

        flow_id = self.flow_id

        created_at = self.created_at

        test_mode = self.test_mode

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        quality_score: float | None
        quality_score = self.quality_score

        pricing = self.pricing.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "reason": reason,
            "flow_id": flow_id,
            "created_at": created_at,
            "test_mode": test_mode,
            "events": events,
            "quality_score": quality_score,
            "pricing": pricing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_event import LeadEvent # noqa: PLC0415
        from ..models.submitted_lead_pricing import SubmittedLeadPricing # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        flow_id = d.pop("flow_id")

        created_at = d.pop("created_at")

        test_mode = d.pop("test_mode")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = LeadEvent.from_dict(events_item_data)



            events.append(events_item)


        def _parse_quality_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        quality_score = _parse_quality_score(d.pop("quality_score"))


        pricing = SubmittedLeadPricing.from_dict(d.pop("pricing"))




        submitted_lead = cls(
            id=id,
            status=status,
            reason=reason,
            flow_id=flow_id,
            created_at=created_at,
            test_mode=test_mode,
            events=events,
            quality_score=quality_score,
            pricing=pricing,
        )


        submitted_lead.additional_properties = d
        return submitted_lead

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
