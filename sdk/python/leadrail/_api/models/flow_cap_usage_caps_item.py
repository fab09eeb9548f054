from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_cap_usage_caps_item_per import check_flow_cap_usage_caps_item_per
from ..models.flow_cap_usage_caps_item_per import FlowCapUsageCapsItemPer
from ..models.flow_cap_usage_caps_item_scope import check_flow_cap_usage_caps_item_scope
from ..models.flow_cap_usage_caps_item_scope import FlowCapUsageCapsItemScope
from typing import cast






T = TypeVar("T", bound="FlowCapUsageCapsItem")



@_attrs_define
class FlowCapUsageCapsItem:
    """ 
        Attributes:
            scope (FlowCapUsageCapsItemScope):
            recipient_id (None | str):
            recipient_name (None | str):
            cap_id (str):
            maximum (int):
            per (FlowCapUsageCapsItemPer):
            criteria (None | str): Only leads matching it count
            used (int): Slots taken in the current window
            window_start (str): Start of the current window
     """

    scope: FlowCapUsageCapsItemScope
    recipient_id: None | str
    recipient_name: None | str
    cap_id: str
    maximum: int
    per: FlowCapUsageCapsItemPer
    criteria: None | str
    used: int
    window_start: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        scope: str = self.scope

        recipient_id: None | str
        recipient_id = self.recipient_id

        recipient_name: None | str
        recipient_name = self.recipient_name

        cap_id = self.cap_id

        maximum = self.maximum

        per: str = self.per

        criteria: None | str
        criteria = self.criteria

        used = self.used

        window_start = self.window_start


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "scope": scope,
            "recipient_id": recipient_id,
            "recipient_name": recipient_name,
            "cap_id": cap_id,
            "maximum": maximum,
            "per": per,
            "criteria": criteria,
            "used": used,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = check_flow_cap_usage_caps_item_scope(d.pop("scope"))




        def _parse_recipient_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_id = _parse_recipient_id(d.pop("recipient_id"))


        def _parse_recipient_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_name = _parse_recipient_name(d.pop("recipient_name"))


        cap_id = d.pop("cap_id")

        maximum = d.pop("maximum")

        per = check_flow_cap_usage_caps_item_per(d.pop("per"))




        def _parse_criteria(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        criteria = _parse_criteria(d.pop("criteria"))


        used = d.pop("used")

        window_start = d.pop("window_start")

        flow_cap_usage_caps_item = cls(
            scope=scope,
            recipient_id=recipient_id,
            recipient_name=recipient_name,
            cap_id=cap_id,
            maximum=maximum,
            per=per,
            criteria=criteria,
            used=used,
            window_start=window_start,
        )


        flow_cap_usage_caps_item.additional_properties = d
        return flow_cap_usage_caps_item

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
