from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_key_input_mode import check_source_key_input_mode
from ..models.source_key_input_mode import SourceKeyInputMode
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SourceKeyInput")



@_attrs_define
class SourceKeyInput:
    """ 
        Attributes:
            name (str):
            mode (SourceKeyInputMode | Unset):  Default: 'live'.
     """

    name: str
    mode: SourceKeyInputMode | Unset = 'live'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _mode = d.pop("mode", UNSET)
        mode: SourceKeyInputMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = check_source_key_input_mode(_mode)




        source_key_input = cls(
            name=name,
            mode=mode,
        )


        source_key_input.additional_properties = d
        return source_key_input

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
