from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_input_mode import ApiKeyInputMode
from ..models.api_key_input_mode import check_api_key_input_mode
from ..models.api_key_input_scopes_item import ApiKeyInputScopesItem
from ..models.api_key_input_scopes_item import check_api_key_input_scopes_item
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_key_input_rate_limit import ApiKeyInputRateLimit





T = TypeVar("T", bound="ApiKeyInput")



@_attrs_define
class ApiKeyInput:
    """ 
        Attributes:
            name (str):
            scopes (list[ApiKeyInputScopesItem]):
            mode (ApiKeyInputMode | Unset): test keys force test mode on every lead they submit Default: 'live'.
            ip_allowlist (list[str] | None | Unset): IP addresses or CIDR ranges the key may be used from; absent or empty:
                any address
            rate_limit (ApiKeyInputRateLimit | Unset): Requests per hour (default 1000, at most 1000 here) and per minute
                (burst, default 100, at most 100 here); the operator can set more with `npm run keys`
     """

    name: str
    scopes: list[ApiKeyInputScopesItem]
    mode: ApiKeyInputMode | Unset = 'live'
    ip_allowlist: list[str] | None | Unset = UNSET
    rate_limit: ApiKeyInputRateLimit | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_input_rate_limit import ApiKeyInputRateLimit # noqa: PLC0415
        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item: str = scopes_item_data
            scopes.append(scopes_item)



        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode


        ip_allowlist: list[str] | None | Unset
        if isinstance(self.ip_allowlist, Unset):
            ip_allowlist = UNSET
        elif isinstance(self.ip_allowlist, list):
            ip_allowlist = self.ip_allowlist


        else:
            ip_allowlist = self.ip_allowlist

        rate_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_limit, Unset):
            rate_limit = self.rate_limit.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "scopes": scopes,
        })
        if mode is not UNSET:
            field_dict["mode"] = mode
        if ip_allowlist is not UNSET:
            field_dict["ip_allowlist"] = ip_allowlist
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_input_rate_limit import ApiKeyInputRateLimit # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in (_scopes):
            scopes_item = check_api_key_input_scopes_item(scopes_item_data)



            scopes.append(scopes_item)


        _mode = d.pop("mode", UNSET)
        mode: ApiKeyInputMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = check_api_key_input_mode(_mode)




        def _parse_ip_allowlist(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ip_allowlist_type_0 = cast(list[str], data)

                return ip_allowlist_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        ip_allowlist = _parse_ip_allowlist(d.pop("ip_allowlist", UNSET))


        _rate_limit = d.pop("rate_limit", UNSET)
        rate_limit: ApiKeyInputRateLimit | Unset
        if isinstance(_rate_limit,  Unset):
            rate_limit = UNSET
        else:
            rate_limit = ApiKeyInputRateLimit.from_dict(_rate_limit)




        api_key_input = cls(
            name=name,
            scopes=scopes,
            mode=mode,
            ip_allowlist=ip_allowlist,
            rate_limit=rate_limit,
        )


        api_key_input.additional_properties = d
        return api_key_input

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
