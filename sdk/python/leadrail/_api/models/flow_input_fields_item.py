from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_fields_item_type import check_flow_input_fields_item_type
from ..models.flow_input_fields_item_type import FlowInputFieldsItemType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputFieldsItem")



@_attrs_define
class FlowInputFieldsItem:
    """ 
        Attributes:
            name (str):
            type_ (FlowInputFieldsItemType):
            required (bool | Unset):  Default: False.
            require_valid (bool | Unset):  Default: False.
     """

    name: str
    type_: FlowInputFieldsItemType
    required: bool | Unset = False
    require_valid: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        required = self.required

        require_valid = self.require_valid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "type": type_,
        })
        if required is not UNSET:
            field_dict["required"] = required
        if require_valid is not UNSET:
            field_dict["require_valid"] = require_valid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_flow_input_fields_item_type(d.pop("type"))




        required = d.pop("required", UNSET)

        require_valid = d.pop("require_valid", UNSET)

        flow_input_fields_item = cls(
            name=name,
            type_=type_,
            required=required,
            require_valid=require_valid,
        )


        flow_input_fields_item.additional_properties = d
        return flow_input_fields_item

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
