from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.email_validation_mx import check_email_validation_mx
from ..models.email_validation_mx import EmailValidationMx
from ..models.email_validation_status import check_email_validation_status
from ..models.email_validation_status import EmailValidationStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EmailValidation")



@_attrs_define
class EmailValidation:
    """ 
        Attributes:
            status (EmailValidationStatus): missing: the lead has no email
            deliverable (bool | None): true: a valid address whose domain has mail servers (MX checked); false: an invalid
                address, or a domain without mail servers; null: not known (the step does not check MX, the DNS lookup failed,
                or status is missing). We never send mail to find out.
            quality_score (float | Unset): 0..1 (docs/quality-score.md); absent when status is missing
            mx (EmailValidationMx | Unset): The MX lookup: skipped when the step does not check MX; unknown when DNS failed
            is_free (bool | None | Unset): null: the address did not parse
            is_disposable (bool | None | Unset): null: the address did not parse
            is_role (bool | None | Unset): null: the address did not parse
     """

    status: EmailValidationStatus
    deliverable: bool | None
    quality_score: float | Unset = UNSET
    mx: EmailValidationMx | Unset = UNSET
    is_free: bool | None | Unset = UNSET
    is_disposable: bool | None | Unset = UNSET
    is_role: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        deliverable: bool | None
        deliverable = self.deliverable

        quality_score = self.quality_score

        mx: str | Unset = UNSET
        if not isinstance(self.mx, Unset):
            mx = self.mx


        is_free: bool | None | Unset
        if isinstance(self.is_free, Unset):
            is_free = UNSET
        else:
            is_free = self.is_free

        is_disposable: bool | None | Unset
        if isinstance(self.is_disposable, Unset):
            is_disposable = UNSET
        else:
            is_disposable = self.is_disposable

        is_role: bool | None | Unset
        if isinstance(self.is_role, Unset):
            is_role = UNSET
        else:
            is_role = self.is_role


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "deliverable": deliverable,
        })
        if quality_score is not UNSET:
            field_dict["quality_score"] = quality_score
        if mx is not UNSET:
            field_dict["mx"] = mx
        if is_free is not UNSET:
            field_dict["is_free"] = is_free
        if is_disposable is not UNSET:
            field_dict["is_disposable"] = is_disposable
        if is_role is not UNSET:
            field_dict["is_role"] = is_role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_email_validation_status(d.pop("status"))




        def _parse_deliverable(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        deliverable = _parse_deliverable(d.pop("deliverable"))


        quality_score = d.pop("quality_score", UNSET)

        _mx = d.pop("mx", UNSET)
        mx: EmailValidationMx | Unset
        if isinstance(_mx,  Unset):
            mx = UNSET
        else:
            mx = check_email_validation_mx(_mx)




        def _parse_is_free(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_free = _parse_is_free(d.pop("is_free", UNSET))


        def _parse_is_disposable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_disposable = _parse_is_disposable(d.pop("is_disposable", UNSET))


        def _parse_is_role(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_role = _parse_is_role(d.pop("is_role", UNSET))


        email_validation = cls(
            status=status,
            deliverable=deliverable,
            quality_score=quality_score,
            mx=mx,
            is_free=is_free,
            is_disposable=is_disposable,
            is_role=is_role,
        )


        email_validation.additional_properties = d
        return email_validation

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
