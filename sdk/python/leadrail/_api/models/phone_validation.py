from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.phone_validation_status import check_phone_validation_status
from ..models.phone_validation_status import PhoneValidationStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PhoneValidation")



@_attrs_define
class PhoneValidation:
    """ 
        Attributes:
            status (PhoneValidationStatus): missing: the lead has no phone
            line_type (None | str | Unset): From a hint after the number (home, work, mobile) or else libphonenumber:
                mobile, fixed_line, fixed_line_or_mobile, toll_free, voip, … US and Canadian (NANP) numbers are almost always
                fixed_line_or_mobile: their numbering does not tell a mobile from a landline (see docs/field-types.md). null:
                the number did not parse.
            carrier (None | str | Unset): Always null: a carrier needs a paid network lookup (HLR/LNP), which Leadrail does
                not guess
            is_tollfree (bool | None | Unset): null: the number did not parse
            country_code (None | str | Unset): ISO 3166-1 alpha-2; null: the number did not parse
     """

    status: PhoneValidationStatus
    line_type: None | str | Unset = UNSET
    carrier: None | str | Unset = UNSET
    is_tollfree: bool | None | Unset = UNSET
    country_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        line_type: None | str | Unset
        if isinstance(self.line_type, Unset):
            line_type = UNSET
        else:
            line_type = self.line_type

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        is_tollfree: bool | None | Unset
        if isinstance(self.is_tollfree, Unset):
            is_tollfree = UNSET
        else:
            is_tollfree = self.is_tollfree

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if line_type is not UNSET:
            field_dict["line_type"] = line_type
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if is_tollfree is not UNSET:
            field_dict["is_tollfree"] = is_tollfree
        if country_code is not UNSET:
            field_dict["country_code"] = country_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_phone_validation_status(d.pop("status"))




        def _parse_line_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line_type = _parse_line_type(d.pop("line_type", UNSET))


        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))


        def _parse_is_tollfree(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_tollfree = _parse_is_tollfree(d.pop("is_tollfree", UNSET))


        def _parse_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_code = _parse_country_code(d.pop("country_code", UNSET))


        phone_validation = cls(
            status=status,
            line_type=line_type,
            carrier=carrier,
            is_tollfree=is_tollfree,
            country_code=country_code,
        )


        phone_validation.additional_properties = d
        return phone_validation

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
