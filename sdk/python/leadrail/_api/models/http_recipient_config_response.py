from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HttpRecipientConfigResponse")



@_attrs_define
class HttpRecipientConfigResponse:
    """ 
        Attributes:
            outcome_path (None | str | Unset): JSON path whose value says the outcome
            success_values (list[str] | Unset):
            outcome_term (None | str | Unset): Case-insensitive regular expression (RE2 syntax); a match means success
            reason_path (None | str | Unset):
            price_path (None | str | Unset): JSON path of the price the buyer pays
            reference_path (None | str | Unset):
     """

    outcome_path: None | str | Unset = UNSET
    success_values: list[str] | Unset = UNSET
    outcome_term: None | str | Unset = UNSET
    reason_path: None | str | Unset = UNSET
    price_path: None | str | Unset = UNSET
    reference_path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        outcome_path: None | str | Unset
        if isinstance(self.outcome_path, Unset):
            outcome_path = UNSET
        else:
            outcome_path = self.outcome_path

        success_values: list[str] | Unset = UNSET
        if not isinstance(self.success_values, Unset):
            success_values = self.success_values



        outcome_term: None | str | Unset
        if isinstance(self.outcome_term, Unset):
            outcome_term = UNSET
        else:
            outcome_term = self.outcome_term

        reason_path: None | str | Unset
        if isinstance(self.reason_path, Unset):
            reason_path = UNSET
        else:
            reason_path = self.reason_path

        price_path: None | str | Unset
        if isinstance(self.price_path, Unset):
            price_path = UNSET
        else:
            price_path = self.price_path

        reference_path: None | str | Unset
        if isinstance(self.reference_path, Unset):
            reference_path = UNSET
        else:
            reference_path = self.reference_path


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if outcome_path is not UNSET:
            field_dict["outcome_path"] = outcome_path
        if success_values is not UNSET:
            field_dict["success_values"] = success_values
        if outcome_term is not UNSET:
            field_dict["outcome_term"] = outcome_term
        if reason_path is not UNSET:
            field_dict["reason_path"] = reason_path
        if price_path is not UNSET:
            field_dict["price_path"] = price_path
        if reference_path is not UNSET:
            field_dict["reference_path"] = reference_path

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_outcome_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_path = _parse_outcome_path(d.pop("outcome_path", UNSET))


        success_values = cast(list[str], d.pop("success_values", UNSET))


        def _parse_outcome_term(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_term = _parse_outcome_term(d.pop("outcome_term", UNSET))


        def _parse_reason_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_path = _parse_reason_path(d.pop("reason_path", UNSET))


        def _parse_price_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        price_path = _parse_price_path(d.pop("price_path", UNSET))


        def _parse_reference_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_path = _parse_reference_path(d.pop("reference_path", UNSET))


        http_recipient_config_response = cls(
            outcome_path=outcome_path,
            success_values=success_values,
            outcome_term=outcome_term,
            reason_path=reason_path,
            price_path=price_path,
            reference_path=reference_path,
        )


        http_recipient_config_response.additional_properties = d
        return http_recipient_config_response

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
