from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feedback_result_type import check_feedback_result_type
from ..models.feedback_result_type import FeedbackResultType
from typing import cast






T = TypeVar("T", bound="FeedbackResult")



@_attrs_define
class FeedbackResult:
    """ 
        Attributes:
            id (str):
            lead_id (str):
            type_ (FeedbackResultType):
            recipient_id (None | str):
            reason (None | str):
            amount (float): Revenue deducted by a return
            created_at (str):
     """

    id: str
    lead_id: str
    type_: FeedbackResultType
    recipient_id: None | str
    reason: None | str
    amount: float
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        lead_id = self.lead_id

        type_: str = self.type_

        recipient_id: None | str
        recipient_id = self.recipient_id

        reason: None | str
        reason = self.reason

        amount = self.amount

        created_at = self.created_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "lead_id": lead_id,
            "type": type_,
            "recipient_id": recipient_id,
            "reason": reason,
            "amount": amount,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        lead_id = d.pop("lead_id")

        type_ = check_feedback_result_type(d.pop("type"))




        def _parse_recipient_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_id = _parse_recipient_id(d.pop("recipient_id"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        amount = d.pop("amount")

        created_at = d.pop("created_at")

        feedback_result = cls(
            id=id,
            lead_id=lead_id,
            type_=type_,
            recipient_id=recipient_id,
            reason=reason,
            amount=amount,
            created_at=created_at,
        )


        feedback_result.additional_properties = d
        return feedback_result

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
