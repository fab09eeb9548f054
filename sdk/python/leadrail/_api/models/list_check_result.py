from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.list_check_result_action import check_list_check_result_action
from ..models.list_check_result_action import ListCheckResultAction
from ..models.list_check_result_result import check_list_check_result_result
from ..models.list_check_result_result import ListCheckResultResult
from typing import cast

if TYPE_CHECKING:
  from ..models.list_check_result_lists_item import ListCheckResultListsItem





T = TypeVar("T", bound="ListCheckResult")



@_attrs_define
class ListCheckResult:
    """ 
        Attributes:
            step_id (str):
            action (ListCheckResultAction):
            result (ListCheckResultResult): flag and reject: a list holds a value
            flagged (bool):
            lists (list[ListCheckResultListsItem]):
            missing (list[str]): Lists the step names that were deleted since (checked as misses)
     """

    step_id: str
    action: ListCheckResultAction
    result: ListCheckResultResult
    flagged: bool
    lists: list[ListCheckResultListsItem]
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_check_result_lists_item import ListCheckResultListsItem # noqa: PLC0415
        step_id = self.step_id

        action: str = self.action

        result: str = self.result

        flagged = self.flagged

        lists = []
        for lists_item_data in self.lists:
            lists_item = lists_item_data.to_dict()
            lists.append(lists_item)



        missing = self.missing




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "step_id": step_id,
            "action": action,
            "result": result,
            "flagged": flagged,
            "lists": lists,
            "missing": missing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_check_result_lists_item import ListCheckResultListsItem # noqa: PLC0415
        d = dict(src_dict)
        step_id = d.pop("step_id")

        action = check_list_check_result_action(d.pop("action"))




        result = check_list_check_result_result(d.pop("result"))




        flagged = d.pop("flagged")

        lists = []
        _lists = d.pop("lists")
        for lists_item_data in (_lists):
            lists_item = ListCheckResultListsItem.from_dict(lists_item_data)



            lists.append(lists_item)


        missing = cast(list[str], d.pop("missing"))


        list_check_result = cls(
            step_id=step_id,
            action=action,
            result=result,
            flagged=flagged,
            lists=lists,
            missing=missing,
        )


        list_check_result.additional_properties = d
        return list_check_result

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
