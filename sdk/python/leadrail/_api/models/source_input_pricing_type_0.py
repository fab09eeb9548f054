from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.source_input_pricing_type_0_rules_item import SourceInputPricingType0RulesItem





T = TypeVar("T", bound="SourceInputPricingType0")



@_attrs_define
class SourceInputPricingType0:
    """ What this source is paid per lead (null: the flow's purchase pricing)

        Attributes:
            amount (float | Unset): Price paid for a lead when no rule matches (USD) Default: 0.0.
            rules (list[SourceInputPricingType0RulesItem] | Unset): Evaluated in order; the last matching rule wins
     """

    amount: float | Unset = 0.0
    rules: list[SourceInputPricingType0RulesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_input_pricing_type_0_rules_item import SourceInputPricingType0RulesItem # noqa: PLC0415
        amount = self.amount

        rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = []
            for rules_item_data in self.rules:
                rules_item = rules_item_data.to_dict()
                rules.append(rules_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_input_pricing_type_0_rules_item import SourceInputPricingType0RulesItem # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        _rules = d.pop("rules", UNSET)
        rules: list[SourceInputPricingType0RulesItem] | Unset = UNSET
        if _rules is not UNSET:
            rules = []
            for rules_item_data in _rules:
                rules_item = SourceInputPricingType0RulesItem.from_dict(rules_item_data)



                rules.append(rules_item)


        source_input_pricing_type_0 = cls(
            amount=amount,
            rules=rules,
        )


        source_input_pricing_type_0.additional_properties = d
        return source_input_pricing_type_0

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
