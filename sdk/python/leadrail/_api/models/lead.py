from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.lead_enhancements import LeadEnhancements
  from ..models.lead_event import LeadEvent
  from ..models.lead_fields_type_0 import LeadFieldsType0
  from ..models.lead_lead_data import LeadLeadData
  from ..models.lead_pricing import LeadPricing
  from ..models.lead_quality_metrics_type_0 import LeadQualityMetricsType0





T = TypeVar("T", bound="Lead")



@_attrs_define
class Lead:
    """ 
        Attributes:
            id (str):
            flow_id (str):
            flow_version (float):
            created_at (str):
            updated_at (str):
            status (str):
            reason (None | str):
            source (None | str):
            source_id (None | str): The publisher source (POST /flows/{id}/sources) it came from
            campaign (None | str):
            external_id (None | str):
            test_mode (bool):
            lead_data (LeadLeadData): Field -> normal value (sensitive fields masked)
            fields (LeadFieldsType0 | None): Every field of the lead as parsed ({normal, raw, valid, …components}),
                sensitive fields masked
            enhancements (LeadEnhancements): What the flow’s enhancement steps found; a key per step the flow has
            events (list[LeadEvent]):
            quality_metrics (LeadQualityMetricsType0 | None):
            quality_score (float | None):
            pricing (LeadPricing):
     """

    id: str
    flow_id: str
    flow_version: float
    created_at: str
    updated_at: str
    status: str
    reason: None | str
    source: None | str
    source_id: None | str
    campaign: None | str
    external_id: None | str
    test_mode: bool
    lead_data: LeadLeadData
    fields: LeadFieldsType0 | None
    enhancements: LeadEnhancements
    events: list[LeadEvent]
    quality_metrics: LeadQualityMetricsType0 | None
    quality_score: float | None
    pricing: LeadPricing
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_enhancements import LeadEnhancements # noqa: PLC0415
        from ..models.lead_event import LeadEvent # noqa: PLC0415
        from ..models.lead_fields_type_0 import LeadFieldsType0 # noqa: PLC0415
        from ..models.lead_lead_data import LeadLeadData # noqa: PLC0415
        from ..models.lead_pricing import LeadPricing # noqa: PLC0415
        from ..models.lead_quality_metrics_type_0 import LeadQualityMetricsType0 # noqa: PLC0415
        id = self.id

        flow_id = self.flow_id

        flow_version = self.flow_version

        created_at = self.created_at

        updated_at = self.updated_at

        status = self.status

        reason: None | str
        reason = self.reason

        source: None | str
        source = self.source

        source_id: None | str
        source_id = self.source_id

        campaign: None | str
        campaign = self.campaign

        external_id: None | str
        external_id = self.external_id

        test_mode = self.test_mode

        lead_data = self.lead_data.to_dict()

        fields: dict[str, Any] | None
        if isinstance(self.fields, LeadFieldsType0):
            fields = self.fields.to_dict()
        else:
            fields = self.fields

        enhancements = self.enhancements.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        quality_metrics: dict[str, Any] | None
        if isinstance(self.quality_metrics, LeadQualityMetricsType0):
            quality_metrics = self.quality_metrics.to_dict()
        else:
            quality_metrics = self.quality_metrics

        quality_score: float | None
        quality_score = self.quality_score

        pricing = self.pricing.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "flow_id": flow_id,
            "flow_version": flow_version,
            "created_at": created_at,
            "updated_at": updated_at,
            "status": status,
            "reason": reason,
            "source": source,
            "source_id": source_id,
            "campaign": campaign,
            "external_id": external_id,
            "test_mode": test_mode,
            "lead_data": lead_data,
            "fields": fields,
            "enhancements": enhancements,
            "events": events,
            "quality_metrics": quality_metrics,
            "quality_score": quality_score,
            "pricing": pricing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_enhancements import LeadEnhancements # noqa: PLC0415
        from ..models.lead_event import LeadEvent # noqa: PLC0415
        from ..models.lead_fields_type_0 import LeadFieldsType0 # noqa: PLC0415
        from ..models.lead_lead_data import LeadLeadData # noqa: PLC0415
        from ..models.lead_pricing import LeadPricing # noqa: PLC0415
        from ..models.lead_quality_metrics_type_0 import LeadQualityMetricsType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        flow_id = d.pop("flow_id")

        flow_version = d.pop("flow_version")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        status = d.pop("status")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))


        def _parse_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        campaign = _parse_campaign(d.pop("campaign"))


        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))


        test_mode = d.pop("test_mode")

        lead_data = LeadLeadData.from_dict(d.pop("lead_data"))




        def _parse_fields(data: object) -> LeadFieldsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fields_type_0 = LeadFieldsType0.from_dict(data)



                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadFieldsType0 | None, data)

        fields = _parse_fields(d.pop("fields"))


        enhancements = LeadEnhancements.from_dict(d.pop("enhancements"))




        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = LeadEvent.from_dict(events_item_data)



            events.append(events_item)


        def _parse_quality_metrics(data: object) -> LeadQualityMetricsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_metrics_type_0 = LeadQualityMetricsType0.from_dict(data)



                return quality_metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadQualityMetricsType0 | None, data)

        quality_metrics = _parse_quality_metrics(d.pop("quality_metrics"))


        def _parse_quality_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        quality_score = _parse_quality_score(d.pop("quality_score"))


        pricing = LeadPricing.from_dict(d.pop("pricing"))




        lead = cls(
            id=id,
            flow_id=flow_id,
            flow_version=flow_version,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            reason=reason,
            source=source,
            source_id=source_id,
            campaign=campaign,
            external_id=external_id,
            test_mode=test_mode,
            lead_data=lead_data,
            fields=fields,
            enhancements=enhancements,
            events=events,
            quality_metrics=quality_metrics,
            quality_score=quality_score,
            pricing=pricing,
        )


        lead.additional_properties = d
        return lead

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
