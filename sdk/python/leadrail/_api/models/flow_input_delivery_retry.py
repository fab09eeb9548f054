from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FlowInputDeliveryRetry")



@_attrs_define
class FlowInputDeliveryRetry:
    """ 
        Attributes:
            maximum_attempts (int | Unset):  Default: 5.
            initial_interval_ms (int | Unset):  Default: 1000.
            maximum_interval_ms (int | Unset):  Default: 60000.
            replay_window_seconds (int | Unset): How long a lead whose delivery failed waits for an operator replay before
                it closes as failed Default: 604800.
     """

    maximum_attempts: int | Unset = 5
    initial_interval_ms: int | Unset = 1000
    maximum_interval_ms: int | Unset = 60000
    replay_window_seconds: int | Unset = 604800
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        maximum_attempts = self.maximum_attempts

        initial_interval_ms = self.initial_interval_ms

        maximum_interval_ms = self.maximum_interval_ms

        replay_window_seconds = self.replay_window_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if maximum_attempts is not UNSET:
            field_dict["maximum_attempts"] = maximum_attempts
        if initial_interval_ms is not UNSET:
            field_dict["initial_interval_ms"] = initial_interval_ms
        if maximum_interval_ms is not UNSET:
            field_dict["maximum_interval_ms"] = maximum_interval_ms
        if replay_window_seconds is not UNSET:
            field_dict["replay_window_seconds"] = replay_window_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        maximum_attempts = d.pop("maximum_attempts", UNSET)

        initial_interval_ms = d.pop("initial_interval_ms", UNSET)

        maximum_interval_ms = d.pop("maximum_interval_ms", UNSET)

        replay_window_seconds = d.pop("replay_window_seconds", UNSET)

        flow_input_delivery_retry = cls(
            maximum_attempts=maximum_attempts,
            initial_interval_ms=initial_interval_ms,
            maximum_interval_ms=maximum_interval_ms,
            replay_window_seconds=replay_window_seconds,
        )


        flow_input_delivery_retry.additional_properties = d
        return flow_input_delivery_retry

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
