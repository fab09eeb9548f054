from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_distribution_mode import check_flow_input_distribution_mode
from ..models.flow_input_distribution_mode import FlowInputDistributionMode
from ..models.flow_input_distribution_waterfall_order import check_flow_input_distribution_waterfall_order
from ..models.flow_input_distribution_waterfall_order import FlowInputDistributionWaterfallOrder
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputDistribution")



@_attrs_define
class FlowInputDistribution:
    """ 
        Attributes:
            mode (FlowInputDistributionMode | Unset): all: every matching recipient; waterfall: in order until one accepts;
                weighted: by step weight Default: 'all'.
            waterfall_order (FlowInputDistributionWaterfallOrder | Unset):  Default: 'steps'.
     """

    mode: FlowInputDistributionMode | Unset = 'all'
    waterfall_order: FlowInputDistributionWaterfallOrder | Unset = 'steps'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode


        waterfall_order: str | Unset = UNSET
        if not isinstance(self.waterfall_order, Unset):
            waterfall_order = self.waterfall_order



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if mode is not UNSET:
            field_dict["mode"] = mode
        if waterfall_order is not UNSET:
            field_dict["waterfall_order"] = waterfall_order

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _mode = d.pop("mode", UNSET)
        mode: FlowInputDistributionMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = check_flow_input_distribution_mode(_mode)




        _waterfall_order = d.pop("waterfall_order", UNSET)
        waterfall_order: FlowInputDistributionWaterfallOrder | Unset
        if isinstance(_waterfall_order,  Unset):
            waterfall_order = UNSET
        else:
            waterfall_order = check_flow_input_distribution_waterfall_order(_waterfall_order)




        flow_input_distribution = cls(
            mode=mode,
            waterfall_order=waterfall_order,
        )


        flow_input_distribution.additional_properties = d
        return flow_input_distribution

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
