from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.replay_result_attempts_item_outcome import check_replay_result_attempts_item_outcome
from ..models.replay_result_attempts_item_outcome import ReplayResultAttemptsItemOutcome
from typing import cast






T = TypeVar("T", bound="ReplayResultAttemptsItem")



@_attrs_define
class ReplayResultAttemptsItem:
    """ 
        Attributes:
            recipient_id (str):
            outcome (ReplayResultAttemptsItemOutcome):
            reason (None | str):
            response_code (float | None):
            forced (bool):
     """

    recipient_id: str
    outcome: ReplayResultAttemptsItemOutcome
    reason: None | str
    response_code: float | None
    forced: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        recipient_id = self.recipient_id

        outcome: str = self.outcome

        reason: None | str
        reason = self.reason

        response_code: float | None
        response_code = self.response_code

        forced = self.forced


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "recipient_id": recipient_id,
            "outcome": outcome,
            "reason": reason,
            "response_code": response_code,
            "forced": forced,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipient_id = d.pop("recipient_id")

        outcome = check_replay_result_attempts_item_outcome(d.pop("outcome"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_response_code(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_code = _parse_response_code(d.pop("response_code"))


        forced = d.pop("forced")

        replay_result_attempts_item = cls(
            recipient_id=recipient_id,
            outcome=outcome,
            reason=reason,
            response_code=response_code,
            forced=forced,
        )


        replay_result_attempts_item.additional_properties = d
        return replay_result_attempts_item

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
