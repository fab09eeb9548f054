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

if TYPE_CHECKING:
  from ..models.flow_input_distribution_auction import FlowInputDistributionAuction





T = TypeVar("T", bound="FlowInputDistribution")



@_attrs_define
class FlowInputDistribution:
    """ 
        Attributes:
            mode (FlowInputDistributionMode | Unset): all: every matching recipient; waterfall: in order until one accepts;
                weighted: by step weight; auction: ping every matching ping/post recipient at once, post to the best bid, then
                the next Default: 'all'.
            waterfall_order (FlowInputDistributionWaterfallOrder | Unset):  Default: 'steps'.
            auction (FlowInputDistributionAuction | Unset):
     """

    mode: FlowInputDistributionMode | Unset = 'all'
    waterfall_order: FlowInputDistributionWaterfallOrder | Unset = 'steps'
    auction: FlowInputDistributionAuction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_input_distribution_auction import FlowInputDistributionAuction # noqa: PLC0415
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode


        waterfall_order: str | Unset = UNSET
        if not isinstance(self.waterfall_order, Unset):
            waterfall_order = self.waterfall_order


        auction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auction, Unset):
            auction = self.auction.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if mode is not UNSET:
            field_dict["mode"] = mode
        if waterfall_order is not UNSET:
            field_dict["waterfall_order"] = waterfall_order
        if auction is not UNSET:
            field_dict["auction"] = auction

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_input_distribution_auction import FlowInputDistributionAuction # noqa: PLC0415
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




        _auction = d.pop("auction", UNSET)
        auction: FlowInputDistributionAuction | Unset
        if isinstance(_auction,  Unset):
            auction = UNSET
        else:
            auction = FlowInputDistributionAuction.from_dict(_auction)




        flow_input_distribution = cls(
            mode=mode,
            waterfall_order=waterfall_order,
            auction=auction,
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
