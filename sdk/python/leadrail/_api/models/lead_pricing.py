from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lead_pricing_currency import check_lead_pricing_currency
from ..models.lead_pricing_currency import LeadPricingCurrency
from typing import cast






T = TypeVar("T", bound="LeadPricing")



@_attrs_define
class LeadPricing:
    """ 
        Attributes:
            cost (float):
            revenue (float):
            currency (LeadPricingCurrency):
     """

    cost: float
    revenue: float
    currency: LeadPricingCurrency
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cost = self.cost

        revenue = self.revenue

        currency: str = self.currency


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cost": cost,
            "revenue": revenue,
            "currency": currency,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost = d.pop("cost")

        revenue = d.pop("revenue")

        currency = check_lead_pricing_currency(d.pop("currency"))




        lead_pricing = cls(
            cost=cost,
            revenue=revenue,
            currency=currency,
        )


        lead_pricing.additional_properties = d
        return lead_pricing

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
