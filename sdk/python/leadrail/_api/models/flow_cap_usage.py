from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_cap_usage_caps_item import FlowCapUsageCapsItem





T = TypeVar("T", bound="FlowCapUsage")



@_attrs_define
class FlowCapUsage:
    """ 
        Attributes:
            flow_id (str):
            version (int): The flow version whose caps these are (the current one)
            time_zone (str): The flow's time zone: windows are its calendar minutes, hours, days…
            caps (list[FlowCapUsageCapsItem]):
     """

    flow_id: str
    version: int
    time_zone: str
    caps: list[FlowCapUsageCapsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_cap_usage_caps_item import FlowCapUsageCapsItem # noqa: PLC0415
        flow_id = self.flow_id

        version = self.version

        time_zone = self.time_zone

        caps = []
        for caps_item_data in self.caps:
            caps_item = caps_item_data.to_dict()
            caps.append(caps_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flow_id": flow_id,
            "version": version,
            "time_zone": time_zone,
            "caps": caps,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_cap_usage_caps_item import FlowCapUsageCapsItem # noqa: PLC0415
        d = dict(src_dict)
        flow_id = d.pop("flow_id")

        version = d.pop("version")

        time_zone = d.pop("time_zone")

        caps = []
        _caps = d.pop("caps")
        for caps_item_data in (_caps):
            caps_item = FlowCapUsageCapsItem.from_dict(caps_item_data)



            caps.append(caps_item)


        flow_cap_usage = cls(
            flow_id=flow_id,
            version=version,
            time_zone=time_zone,
            caps=caps,
        )


        flow_cap_usage.additional_properties = d
        return flow_cap_usage

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
