from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="GetFlowsResponse200FlowsItemStatistics")



@_attrs_define
class GetFlowsResponse200FlowsItemStatistics:
    """ 
        Attributes:
            total_leads (float):
            acceptance_rate (float):
            average_quality (float | None):
     """

    total_leads: float
    acceptance_rate: float
    average_quality: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total_leads = self.total_leads

        acceptance_rate = self.acceptance_rate

        average_quality: float | None
        average_quality = self.average_quality


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_leads": total_leads,
            "acceptance_rate": acceptance_rate,
            "average_quality": average_quality,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_leads = d.pop("total_leads")

        acceptance_rate = d.pop("acceptance_rate")

        def _parse_average_quality(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_quality = _parse_average_quality(d.pop("average_quality"))


        get_flows_response_200_flows_item_statistics = cls(
            total_leads=total_leads,
            acceptance_rate=acceptance_rate,
            average_quality=average_quality,
        )


        get_flows_response_200_flows_item_statistics.additional_properties = d
        return get_flows_response_200_flows_item_statistics

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
