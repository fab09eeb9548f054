from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.list_check_result_lists_item_type import check_list_check_result_lists_item_type
from ..models.list_check_result_lists_item_type import ListCheckResultListsItemType
from typing import cast






T = TypeVar("T", bound="ListCheckResultListsItem")



@_attrs_define
class ListCheckResultListsItem:
    """ 
        Attributes:
            list_id (str):
            name (str):
            type_ (ListCheckResultListsItemType):
            hit (bool):
            fields (list[str]): The lead fields whose value is on the list
     """

    list_id: str
    name: str
    type_: ListCheckResultListsItemType
    hit: bool
    fields: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        list_id = self.list_id

        name = self.name

        type_: str = self.type_

        hit = self.hit

        fields = self.fields




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "list_id": list_id,
            "name": name,
            "type": type_,
            "hit": hit,
            "fields": fields,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_id = d.pop("list_id")

        name = d.pop("name")

        type_ = check_list_check_result_lists_item_type(d.pop("type"))




        hit = d.pop("hit")

        fields = cast(list[str], d.pop("fields"))


        list_check_result_lists_item = cls(
            list_id=list_id,
            name=name,
            type_=type_,
            hit=hit,
            fields=fields,
        )


        list_check_result_lists_item.additional_properties = d
        return list_check_result_lists_item

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
