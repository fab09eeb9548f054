from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ParsedField")



@_attrs_define
class ParsedField:
    """ A field as parsed by its type: normal, raw, valid and the type’s components (phone area, exchange, line, type…;
    email domain, is_free…; dob age…), documented per type in docs/field-types.md. Sensitive types (ssn, credential) are
    masked: every character a `*`, `masked: true`.

        Attributes:
            valid (bool): Whether the value has its type's format
            normal (Any | Unset): The canonical value (what lead_data holds); when not valid, the input as text
            raw (Any | Unset): The value exactly as the source sent it
     """

    valid: bool
    normal: Any | Unset = UNSET
    raw: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        normal = self.normal

        raw = self.raw


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "valid": valid,
        })
        if normal is not UNSET:
            field_dict["normal"] = normal
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid = d.pop("valid")

        normal = d.pop("normal", UNSET)

        raw = d.pop("raw", UNSET)

        parsed_field = cls(
            valid=valid,
            normal=normal,
            raw=raw,
        )


        parsed_field.additional_properties = d
        return parsed_field

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
