from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputDistributionAuction")



@_attrs_define
class FlowInputDistributionAuction:
    """ 
        Attributes:
            deadline_ms (int | Unset): How long every ping together may take; a bid later than this is left out Default:
                300.
            floor (float | None | Unset): The least a bid must be to be taken (USD); null: any bid above 0
            floor_at_cost (bool | Unset): Also refuse bids below what the lead was bought for (its purchase price) Default:
                True.
     """

    deadline_ms: int | Unset = 300
    floor: float | None | Unset = UNSET
    floor_at_cost: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        deadline_ms = self.deadline_ms

        floor: float | None | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        floor_at_cost = self.floor_at_cost


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if deadline_ms is not UNSET:
            field_dict["deadline_ms"] = deadline_ms
        if floor is not UNSET:
            field_dict["floor"] = floor
        if floor_at_cost is not UNSET:
            field_dict["floor_at_cost"] = floor_at_cost

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline_ms = d.pop("deadline_ms", UNSET)

        def _parse_floor(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))


        floor_at_cost = d.pop("floor_at_cost", UNSET)

        flow_input_distribution_auction = cls(
            deadline_ms=deadline_ms,
            floor=floor,
            floor_at_cost=floor_at_cost,
        )


        flow_input_distribution_auction.additional_properties = d
        return flow_input_distribution_auction

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
