from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.email_validation import EmailValidation
  from ..models.lead_enhancements_duplicate_check import LeadEnhancementsDuplicateCheck
  from ..models.lead_enhancements_trustedform import LeadEnhancementsTrustedform
  from ..models.list_check_result import ListCheckResult
  from ..models.phone_validation import PhoneValidation





T = TypeVar("T", bound="LeadEnhancements")



@_attrs_define
class LeadEnhancements:
    """ What the flow’s enhancement steps found; a key per step the flow has

        Attributes:
            email_validation (EmailValidation | Unset):
            phone_validation (PhoneValidation | Unset):
            duplicate_check (LeadEnhancementsDuplicateCheck | Unset):
            trustedform (LeadEnhancementsTrustedform | Unset):
            list_check (list[ListCheckResult] | Unset): One entry per list_check step run, in flow order; names lists and
                fields, never values
     """

    email_validation: EmailValidation | Unset = UNSET
    phone_validation: PhoneValidation | Unset = UNSET
    duplicate_check: LeadEnhancementsDuplicateCheck | Unset = UNSET
    trustedform: LeadEnhancementsTrustedform | Unset = UNSET
    list_check: list[ListCheckResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.email_validation import EmailValidation # noqa: PLC0415
        from ..models.lead_enhancements_duplicate_check import LeadEnhancementsDuplicateCheck # noqa: PLC0415
        from ..models.lead_enhancements_trustedform import LeadEnhancementsTrustedform # noqa: PLC0415
        from ..models.list_check_result import ListCheckResult # noqa: PLC0415
        from ..models.phone_validation import PhoneValidation # noqa: PLC0415
        email_validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email_validation, Unset):
            email_validation = self.email_validation.to_dict()

        phone_validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.phone_validation, Unset):
            phone_validation = self.phone_validation.to_dict()

        duplicate_check: dict[str, Any] | Unset = UNSET
        if not isinstance(self.duplicate_check, Unset):
            duplicate_check = self.duplicate_check.to_dict()

        trustedform: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trustedform, Unset):
            trustedform = self.trustedform.to_dict()

        list_check: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.list_check, Unset):
            list_check = []
            for list_check_item_data in self.list_check:
                list_check_item = list_check_item_data.to_dict()
                list_check.append(list_check_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if email_validation is not UNSET:
            field_dict["email_validation"] = email_validation
        if phone_validation is not UNSET:
            field_dict["phone_validation"] = phone_validation
        if duplicate_check is not UNSET:
            field_dict["duplicate_check"] = duplicate_check
        if trustedform is not UNSET:
            field_dict["trustedform"] = trustedform
        if list_check is not UNSET:
            field_dict["list_check"] = list_check

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_validation import EmailValidation # noqa: PLC0415
        from ..models.lead_enhancements_duplicate_check import LeadEnhancementsDuplicateCheck # noqa: PLC0415
        from ..models.lead_enhancements_trustedform import LeadEnhancementsTrustedform # noqa: PLC0415
        from ..models.list_check_result import ListCheckResult # noqa: PLC0415
        from ..models.phone_validation import PhoneValidation # noqa: PLC0415
        d = dict(src_dict)
        _email_validation = d.pop("email_validation", UNSET)
        email_validation: EmailValidation | Unset
        if isinstance(_email_validation,  Unset):
            email_validation = UNSET
        else:
            email_validation = EmailValidation.from_dict(_email_validation)




        _phone_validation = d.pop("phone_validation", UNSET)
        phone_validation: PhoneValidation | Unset
        if isinstance(_phone_validation,  Unset):
            phone_validation = UNSET
        else:
            phone_validation = PhoneValidation.from_dict(_phone_validation)




        _duplicate_check = d.pop("duplicate_check", UNSET)
        duplicate_check: LeadEnhancementsDuplicateCheck | Unset
        if isinstance(_duplicate_check,  Unset):
            duplicate_check = UNSET
        else:
            duplicate_check = LeadEnhancementsDuplicateCheck.from_dict(_duplicate_check)




        _trustedform = d.pop("trustedform", UNSET)
        trustedform: LeadEnhancementsTrustedform | Unset
        if isinstance(_trustedform,  Unset):
            trustedform = UNSET
        else:
            trustedform = LeadEnhancementsTrustedform.from_dict(_trustedform)




        _list_check = d.pop("list_check", UNSET)
        list_check: list[ListCheckResult] | Unset = UNSET
        if _list_check is not UNSET:
            list_check = []
            for list_check_item_data in _list_check:
                list_check_item = ListCheckResult.from_dict(list_check_item_data)



                list_check.append(list_check_item)


        lead_enhancements = cls(
            email_validation=email_validation,
            phone_validation=phone_validation,
            duplicate_check=duplicate_check,
            trustedform=trustedform,
            list_check=list_check,
        )


        lead_enhancements.additional_properties = d
        return lead_enhancements

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
