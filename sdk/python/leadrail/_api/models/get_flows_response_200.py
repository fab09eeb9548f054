from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.get_flows_response_200_flows_item import GetFlowsResponse200FlowsItem





T = TypeVar("T", bound="GetFlowsResponse200")



@_attrs_define
class GetFlowsResponse200:
    """ 
        Attributes:
            flows (list[GetFlowsResponse200FlowsItem]):
     """

    flows: list[GetFlowsResponse200FlowsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_flows_response_200_flows_item import GetFlowsResponse200FlowsItem # noqa: PLC0415
        flows = []
        for flows_item_data in self.flows:
            flows_item = flows_item_data.to_dict()
            flows.append(flows_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flows": flows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_flows_response_200_flows_item import GetFlowsResponse200FlowsItem # noqa: PLC0415
        d = dict(src_dict)
        flows = []
        _flows = d.pop("flows")
        for flows_item_data in (_flows):
            flows_item = GetFlowsResponse200FlowsItem.from_dict(flows_item_data)



            flows.append(flows_item)


        get_flows_response_200 = cls(
            flows=flows,
        )


        get_flows_response_200.additional_properties = d
        return get_flows_response_200

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
