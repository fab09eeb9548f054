from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_mode import ApiKeyMode
from ..models.api_key_mode import check_api_key_mode
from ..models.api_key_scopes_item import ApiKeyScopesItem
from ..models.api_key_scopes_item import check_api_key_scopes_item
from ..models.api_key_status import ApiKeyStatus
from ..models.api_key_status import check_api_key_status
from typing import cast

if TYPE_CHECKING:
  from ..models.api_key_rate_limit import ApiKeyRateLimit





T = TypeVar("T", bound="SourceApiKey")



@_attrs_define
class SourceApiKey:
    """ 
        Attributes:
            id (str):
            name (str):
            prefix (str): The first characters of the key, to recognise it; the key itself is never shown again
            mode (ApiKeyMode):
            scopes (list[ApiKeyScopesItem]):
            ip_allowlist (list[str]):
            rate_limit (ApiKeyRateLimit):
            status (ApiKeyStatus):
            created_at (str):
            last_used_at (None | str):
            rotated_at (None | str):
            previous_key_expires_at (None | str): After a rotation with a grace period: until when the previous secret still
                works
            revoked_at (None | str):
            source_id (None | str):
     """

    id: str
    name: str
    prefix: str
    mode: ApiKeyMode
    scopes: list[ApiKeyScopesItem]
    ip_allowlist: list[str]
    rate_limit: ApiKeyRateLimit
    status: ApiKeyStatus
    created_at: str
    last_used_at: None | str
    rotated_at: None | str
    previous_key_expires_at: None | str
    revoked_at: None | str
    source_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_rate_limit import ApiKeyRateLimit # noqa: PLC0415
        id = self.id

        name = self.name

        prefix = self.prefix

        mode: str = self.mode

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item: str = scopes_item_data
            scopes.append(scopes_item)



        ip_allowlist = self.ip_allowlist



        rate_limit = self.rate_limit.to_dict()

        status: str = self.status

        created_at = self.created_at

        last_used_at: None | str
        last_used_at = self.last_used_at

        rotated_at: None | str
        rotated_at = self.rotated_at

        previous_key_expires_at: None | str
        previous_key_expires_at = self.previous_key_expires_at

        revoked_at: None | str
        revoked_at = self.revoked_at

        source_id: None | str
        source_id = self.source_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "prefix": prefix,
            "mode": mode,
            "scopes": scopes,
            "ip_allowlist": ip_allowlist,
            "rate_limit": rate_limit,
            "status": status,
            "created_at": created_at,
            "last_used_at": last_used_at,
            "rotated_at": rotated_at,
            "previous_key_expires_at": previous_key_expires_at,
            "revoked_at": revoked_at,
            "source_id": source_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_rate_limit import ApiKeyRateLimit # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        prefix = d.pop("prefix")

        mode = check_api_key_mode(d.pop("mode"))




        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in (_scopes):
            scopes_item = check_api_key_scopes_item(scopes_item_data)



            scopes.append(scopes_item)


        ip_allowlist = cast(list[str], d.pop("ip_allowlist"))


        rate_limit = ApiKeyRateLimit.from_dict(d.pop("rate_limit"))




        status = check_api_key_status(d.pop("status"))




        created_at = d.pop("created_at")

        def _parse_last_used_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        def _parse_rotated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))


        def _parse_previous_key_expires_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_key_expires_at = _parse_previous_key_expires_at(d.pop("previous_key_expires_at"))


        def _parse_revoked_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))


        source_api_key = cls(
            id=id,
            name=name,
            prefix=prefix,
            mode=mode,
            scopes=scopes,
            ip_allowlist=ip_allowlist,
            rate_limit=rate_limit,
            status=status,
            created_at=created_at,
            last_used_at=last_used_at,
            rotated_at=rotated_at,
            previous_key_expires_at=previous_key_expires_at,
            revoked_at=revoked_at,
            source_id=source_id,
        )


        source_api_key.additional_properties = d
        return source_api_key

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
