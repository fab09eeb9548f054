from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feedback_type import check_feedback_type
from ..models.feedback_type import FeedbackType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Feedback")



@_attrs_define
class Feedback:
    """ 
        Attributes:
            type_ (FeedbackType):
            recipient_id (str | Unset): Which buyer reports it; needed when the lead went to several (else 422
                recipient_required)
            reason (str | Unset):
     """

    type_: FeedbackType
    recipient_id: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        recipient_id = self.recipient_id

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
        })
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_feedback_type(d.pop("type"))




        recipient_id = d.pop("recipient_id", UNSET)

        reason = d.pop("reason", UNSET)

        feedback = cls(
            type_=type_,
            recipient_id=recipient_id,
            reason=reason,
        )


        feedback.additional_properties = d
        return feedback

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
