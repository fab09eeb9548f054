from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_update_scopes_item import ApiKeyUpdateScopesItem
from ..models.api_key_update_scopes_item import check_api_key_update_scopes_item
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_key_update_rate_limit import ApiKeyUpdateRateLimit





T = TypeVar("T", bound="ApiKeyUpdate")



@_attrs_define
class ApiKeyUpdate:
    """ 
        Attributes:
            name (str | Unset):
            scopes (list[ApiKeyUpdateScopesItem] | Unset):
            ip_allowlist (list[str] | None | Unset): Replaces the allow-list; null or [] makes the key usable from any
                address
            rate_limit (ApiKeyUpdateRateLimit | Unset): null sets a limit back to its default; at most 1000 per hour and 100
                per minute here
     """

    name: str | Unset = UNSET
    scopes: list[ApiKeyUpdateScopesItem] | Unset = UNSET
    ip_allowlist: list[str] | None | Unset = UNSET
    rate_limit: ApiKeyUpdateRateLimit | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_update_rate_limit import ApiKeyUpdateRateLimit # noqa: PLC0415
        name = self.name

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item: str = scopes_item_data
                scopes.append(scopes_item)



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

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if ip_allowlist is not UNSET:
            field_dict["ip_allowlist"] = ip_allowlist
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_update_rate_limit import ApiKeyUpdateRateLimit # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ApiKeyUpdateScopesItem] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = check_api_key_update_scopes_item(scopes_item_data)



                scopes.append(scopes_item)


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
        rate_limit: ApiKeyUpdateRateLimit | Unset
        if isinstance(_rate_limit,  Unset):
            rate_limit = UNSET
        else:
            rate_limit = ApiKeyUpdateRateLimit.from_dict(_rate_limit)




        api_key_update = cls(
            name=name,
            scopes=scopes,
            ip_allowlist=ip_allowlist,
            rate_limit=rate_limit,
        )

        return api_key_update

