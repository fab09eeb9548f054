from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_event import FlowEvent





T = TypeVar("T", bound="FlowEvents")



@_attrs_define
class FlowEvents:
    """ 
        Attributes:
            total_events (int):
            limit (int):
            offset (int):
            events (list[FlowEvent]):
     """

    total_events: int
    limit: int
    offset: int
    events: list[FlowEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_event import FlowEvent # noqa: PLC0415
        total_events = self.total_events

        limit = self.limit

        offset = self.offset

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_events": total_events,
            "limit": limit,
            "offset": offset,
            "events": events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_event import FlowEvent # noqa: PLC0415
        d = dict(src_dict)
        total_events = d.pop("total_events")

        limit = d.pop("limit")

        offset = d.pop("offset")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = FlowEvent.from_dict(events_item_data)



            events.append(events_item)


        flow_events = cls(
            total_events=total_events,
            limit=limit,
            offset=offset,
            events=events,
        )


        flow_events.additional_properties = d
        return flow_events

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
