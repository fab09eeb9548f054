from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LeadBatchOptions")



@_attrs_define
class LeadBatchOptions:
    """ 
        Attributes:
            continue_on_error (bool | Unset):  Default: True.
            max_concurrent (int | Unset):  Default: 10.
            test_mode (bool | Unset):  Default: False.
            timeout (int | Unset):  Default: 30000.
     """

    continue_on_error: bool | Unset = True
    max_concurrent: int | Unset = 10
    test_mode: bool | Unset = False
    timeout: int | Unset = 30000
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        continue_on_error = self.continue_on_error

        max_concurrent = self.max_concurrent

        test_mode = self.test_mode

        timeout = self.timeout


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if continue_on_error is not UNSET:
            field_dict["continue_on_error"] = continue_on_error
        if max_concurrent is not UNSET:
            field_dict["max_concurrent"] = max_concurrent
        if test_mode is not UNSET:
            field_dict["test_mode"] = test_mode
        if timeout is not UNSET:
            field_dict["timeout"] = timeout

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        continue_on_error = d.pop("continue_on_error", UNSET)

        max_concurrent = d.pop("max_concurrent", UNSET)

        test_mode = d.pop("test_mode", UNSET)

        timeout = d.pop("timeout", UNSET)

        lead_batch_options = cls(
            continue_on_error=continue_on_error,
            max_concurrent=max_concurrent,
            test_mode=test_mode,
            timeout=timeout,
        )


        lead_batch_options.additional_properties = d
        return lead_batch_options

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
