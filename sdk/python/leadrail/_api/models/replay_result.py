from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.replay_result_attempts_item import ReplayResultAttemptsItem





T = TypeVar("T", bound="ReplayResult")



@_attrs_define
class ReplayResult:
    """ 
        Attributes:
            lead_id (str):
            status (str):
            attempts (list[ReplayResultAttemptsItem]):
     """

    lead_id: str
    status: str
    attempts: list[ReplayResultAttemptsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.replay_result_attempts_item import ReplayResultAttemptsItem # noqa: PLC0415
        lead_id = self.lead_id

        status = self.status

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lead_id": lead_id,
            "status": status,
            "attempts": attempts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replay_result_attempts_item import ReplayResultAttemptsItem # noqa: PLC0415
        d = dict(src_dict)
        lead_id = d.pop("lead_id")

        status = d.pop("status")

        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in (_attempts):
            attempts_item = ReplayResultAttemptsItem.from_dict(attempts_item_data)



            attempts.append(attempts_item)


        replay_result = cls(
            lead_id=lead_id,
            status=status,
            attempts=attempts,
        )


        replay_result.additional_properties = d
        return replay_result

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
