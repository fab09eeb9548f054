from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_pricing_currency import check_flow_input_pricing_currency
from ..models.flow_input_pricing_currency import FlowInputPricingCurrency
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.flow_input_pricing_purchase import FlowInputPricingPurchase





T = TypeVar("T", bound="FlowInputPricing")



@_attrs_define
class FlowInputPricing:
    """ 
        Attributes:
            purchase (FlowInputPricingPurchase | Unset):
            currency (FlowInputPricingCurrency | Unset):  Default: 'USD'.
     """

    purchase: FlowInputPricingPurchase | Unset = UNSET
    currency: FlowInputPricingCurrency | Unset = 'USD'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_input_pricing_purchase import FlowInputPricingPurchase # noqa: PLC0415
        purchase: dict[str, Any] | Unset = UNSET
        if not isinstance(self.purchase, Unset):
            purchase = self.purchase.to_dict()

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if purchase is not UNSET:
            field_dict["purchase"] = purchase
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_input_pricing_purchase import FlowInputPricingPurchase # noqa: PLC0415
        d = dict(src_dict)
        _purchase = d.pop("purchase", UNSET)
        purchase: FlowInputPricingPurchase | Unset
        if isinstance(_purchase,  Unset):
            purchase = UNSET
        else:
            purchase = FlowInputPricingPurchase.from_dict(_purchase)




        _currency = d.pop("currency", UNSET)
        currency: FlowInputPricingCurrency | Unset
        if isinstance(_currency,  Unset):
            currency = UNSET
        else:
            currency = check_flow_input_pricing_currency(_currency)




        flow_input_pricing = cls(
            purchase=purchase,
            currency=currency,
        )


        flow_input_pricing.additional_properties = d
        return flow_input_pricing

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
