from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.source_input_ping_limits import SourceInputPingLimits





T = TypeVar("T", bound="SourceInputPing")



@_attrs_define
class SourceInputPing:
    """ 
        Attributes:
            ttl_seconds (int | Unset): How long a bid stands: a post after it is refused (ping_expired) Default: 120.
            limits (SourceInputPingLimits | Unset): Most pings the source may send per period (null: no limit); over it: 429
                ping_limit_reached
     """

    ttl_seconds: int | Unset = 120
    limits: SourceInputPingLimits | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_input_ping_limits import SourceInputPingLimits # noqa: PLC0415
        ttl_seconds = self.ttl_seconds

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if ttl_seconds is not UNSET:
            field_dict["ttl_seconds"] = ttl_seconds
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_input_ping_limits import SourceInputPingLimits # noqa: PLC0415
        d = dict(src_dict)
        ttl_seconds = d.pop("ttl_seconds", UNSET)

        _limits = d.pop("limits", UNSET)
        limits: SourceInputPingLimits | Unset
        if isinstance(_limits,  Unset):
            limits = UNSET
        else:
            limits = SourceInputPingLimits.from_dict(_limits)




        source_input_ping = cls(
            ttl_seconds=ttl_seconds,
            limits=limits,
        )


        source_input_ping.additional_properties = d
        return source_input_ping

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
