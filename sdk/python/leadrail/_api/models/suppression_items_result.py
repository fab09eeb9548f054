from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.suppression_items_result_invalid_items_item import SuppressionItemsResultInvalidItemsItem





T = TypeVar("T", bound="SuppressionItemsResult")



@_attrs_define
class SuppressionItemsResult:
    """ 
        Attributes:
            list_id (str):
            received (int):
            invalid (int):
            invalid_items (list[SuppressionItemsResultInvalidItemsItem]): The first 100 invalid values
            item_count (int):
            added (int | Unset):
            already_listed (int | Unset):
            removed (int | Unset):
            not_listed (int | Unset):
            duration_ms (int | Unset):
     """

    list_id: str
    received: int
    invalid: int
    invalid_items: list[SuppressionItemsResultInvalidItemsItem]
    item_count: int
    added: int | Unset = UNSET
    already_listed: int | Unset = UNSET
    removed: int | Unset = UNSET
    not_listed: int | Unset = UNSET
    duration_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.suppression_items_result_invalid_items_item import SuppressionItemsResultInvalidItemsItem # noqa: PLC0415
        list_id = self.list_id

        received = self.received

        invalid = self.invalid

        invalid_items = []
        for invalid_items_item_data in self.invalid_items:
            invalid_items_item = invalid_items_item_data.to_dict()
            invalid_items.append(invalid_items_item)



        item_count = self.item_count

        added = self.added

        already_listed = self.already_listed

        removed = self.removed

        not_listed = self.not_listed

        duration_ms = self.duration_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "list_id": list_id,
            "received": received,
            "invalid": invalid,
            "invalid_items": invalid_items,
            "item_count": item_count,
        })
        if added is not UNSET:
            field_dict["added"] = added
        if already_listed is not UNSET:
            field_dict["already_listed"] = already_listed
        if removed is not UNSET:
            field_dict["removed"] = removed
        if not_listed is not UNSET:
            field_dict["not_listed"] = not_listed
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suppression_items_result_invalid_items_item import SuppressionItemsResultInvalidItemsItem # noqa: PLC0415
        d = dict(src_dict)
        list_id = d.pop("list_id")

        received = d.pop("received")

        invalid = d.pop("invalid")

        invalid_items = []
        _invalid_items = d.pop("invalid_items")
        for invalid_items_item_data in (_invalid_items):
            invalid_items_item = SuppressionItemsResultInvalidItemsItem.from_dict(invalid_items_item_data)



            invalid_items.append(invalid_items_item)


        item_count = d.pop("item_count")

        added = d.pop("added", UNSET)

        already_listed = d.pop("already_listed", UNSET)

        removed = d.pop("removed", UNSET)

        not_listed = d.pop("not_listed", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        suppression_items_result = cls(
            list_id=list_id,
            received=received,
            invalid=invalid,
            invalid_items=invalid_items,
            item_count=item_count,
            added=added,
            already_listed=already_listed,
            removed=removed,
            not_listed=not_listed,
            duration_ms=duration_ms,
        )


        suppression_items_result.additional_properties = d
        return suppression_items_result

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
