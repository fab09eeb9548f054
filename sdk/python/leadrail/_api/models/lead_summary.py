from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="LeadSummary")



@_attrs_define
class LeadSummary:
    """ 
        Attributes:
            id (str):
            created_at (str):
            status (str):
            quality_score (float | None):
            source (None | str):
            campaign (None | str):
            flow_id (str):
            external_id (None | str):
            test_mode (bool):
     """

    id: str
    created_at: str
    status: str
    quality_score: float | None
    source: None | str
    campaign: None | str
    flow_id: str
    external_id: None | str
    test_mode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at

        status = self.status

        quality_score: float | None
        quality_score = self.quality_score

        source: None | str
        source = self.source

        campaign: None | str
        campaign = self.campaign

        flow_id = self.flow_id

        external_id: None | str
        external_id = self.external_id

        test_mode = self.test_mode


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "created_at": created_at,
            "status": status,
            "quality_score": quality_score,
            "source": source,
            "campaign": campaign,
            "flow_id": flow_id,
            "external_id": external_id,
            "test_mode": test_mode,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = d.pop("created_at")

        status = d.pop("status")

        def _parse_quality_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        quality_score = _parse_quality_score(d.pop("quality_score"))


        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        def _parse_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        campaign = _parse_campaign(d.pop("campaign"))


        flow_id = d.pop("flow_id")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))


        test_mode = d.pop("test_mode")

        lead_summary = cls(
            id=id,
            created_at=created_at,
            status=status,
            quality_score=quality_score,
            source=source,
            campaign=campaign,
            flow_id=flow_id,
            external_id=external_id,
            test_mode=test_mode,
        )


        lead_summary.additional_properties = d
        return lead_summary

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
