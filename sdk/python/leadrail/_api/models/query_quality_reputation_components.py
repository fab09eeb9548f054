from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="QueryQualityReputationComponents")



@_attrs_define
class QueryQualityReputationComponents:
    """ 
        Attributes:
            validity (float):
            non_empty (float):
            specificity (float):
            cost_efficiency (float):
     """

    validity: float
    non_empty: float
    specificity: float
    cost_efficiency: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        validity = self.validity

        non_empty = self.non_empty

        specificity = self.specificity

        cost_efficiency = self.cost_efficiency


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "validity": validity,
            "non_empty": non_empty,
            "specificity": specificity,
            "cost_efficiency": cost_efficiency,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        validity = d.pop("validity")

        non_empty = d.pop("non_empty")

        specificity = d.pop("specificity")

        cost_efficiency = d.pop("cost_efficiency")

        query_quality_reputation_components = cls(
            validity=validity,
            non_empty=non_empty,
            specificity=specificity,
            cost_efficiency=cost_efficiency,
        )


        query_quality_reputation_components.additional_properties = d
        return query_quality_reputation_components

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
