from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FailedDeliveriesGroupsItem")



@_attrs_define
class FailedDeliveriesGroupsItem:
    """ 
        Attributes:
            flow_id (str):
            flow_name (str):
            recipient_id (None | str): Null: the lead has no failed delivery recorded (every recipient skipped or capped)
            recipient_name (None | str):
            reason (None | str): The reason of the recipient's latest failure for these leads
            leads (int):
            oldest_at (str):
            newest_at (str):
            lead_ids (list[str]): The newest leads of the group (at most 50)
     """

    flow_id: str
    flow_name: str
    recipient_id: None | str
    recipient_name: None | str
    reason: None | str
    leads: int
    oldest_at: str
    newest_at: str
    lead_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        flow_id = self.flow_id

        flow_name = self.flow_name

        recipient_id: None | str
        recipient_id = self.recipient_id

        recipient_name: None | str
        recipient_name = self.recipient_name

        reason: None | str
        reason = self.reason

        leads = self.leads

        oldest_at = self.oldest_at

        newest_at = self.newest_at

        lead_ids = self.lead_ids




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flow_id": flow_id,
            "flow_name": flow_name,
            "recipient_id": recipient_id,
            "recipient_name": recipient_name,
            "reason": reason,
            "leads": leads,
            "oldest_at": oldest_at,
            "newest_at": newest_at,
            "lead_ids": lead_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flow_id = d.pop("flow_id")

        flow_name = d.pop("flow_name")

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


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        leads = d.pop("leads")

        oldest_at = d.pop("oldest_at")

        newest_at = d.pop("newest_at")

        lead_ids = cast(list[str], d.pop("lead_ids"))


        failed_deliveries_groups_item = cls(
            flow_id=flow_id,
            flow_name=flow_name,
            recipient_id=recipient_id,
            recipient_name=recipient_name,
            reason=reason,
            leads=leads,
            oldest_at=oldest_at,
            newest_at=newest_at,
            lead_ids=lead_ids,
        )


        failed_deliveries_groups_item.additional_properties = d
        return failed_deliveries_groups_item

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
