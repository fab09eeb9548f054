from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suppression_list_type import check_suppression_list_type
from ..models.suppression_list_type import SuppressionListType
from typing import cast






T = TypeVar("T", bound="SuppressionList")



@_attrs_define
class SuppressionList:
    """ 
        Attributes:
            id (str):
            name (str):
            type_ (SuppressionListType):
            description (None | str):
            item_count (int):
            created_at (str):
            updated_at (str):
     """

    id: str
    name: str
    type_: SuppressionListType
    description: None | str
    item_count: int
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_: str = self.type_

        description: None | str
        description = self.description

        item_count = self.item_count

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "type": type_,
            "description": description,
            "item_count": item_count,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = check_suppression_list_type(d.pop("type"))




        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        item_count = d.pop("item_count")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        suppression_list = cls(
            id=id,
            name=name,
            type_=type_,
            description=description,
            item_count=item_count,
            created_at=created_at,
            updated_at=updated_at,
        )


        suppression_list.additional_properties = d
        return suppression_list

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
