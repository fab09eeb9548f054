from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SubmitLeadOptions")



@_attrs_define
class SubmitLeadOptions:
    """ 
        Attributes:
            test_mode (bool | Unset): Run the whole pipeline but deliver nowhere Default: False.
            async_ (bool | Unset): Answer 202 at once and process in the background Default: False.
            timeout (int | Unset): Milliseconds to wait for the outcome before answering 202 (processing continues) Default:
                30000.
     """

    test_mode: bool | Unset = False
    async_: bool | Unset = False
    timeout: int | Unset = 30000
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        test_mode = self.test_mode

        async_ = self.async_

        timeout = self.timeout


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if test_mode is not UNSET:
            field_dict["test_mode"] = test_mode
        if async_ is not UNSET:
            field_dict["async"] = async_
        if timeout is not UNSET:
            field_dict["timeout"] = timeout

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        test_mode = d.pop("test_mode", UNSET)

        async_ = d.pop("async", UNSET)

        timeout = d.pop("timeout", UNSET)

        submit_lead_options = cls(
            test_mode=test_mode,
            async_=async_,
            timeout=timeout,
        )


        submit_lead_options.additional_properties = d
        return submit_lead_options

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
