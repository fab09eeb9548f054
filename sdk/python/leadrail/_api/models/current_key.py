from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.current_key_mode import check_current_key_mode
from ..models.current_key_mode import CurrentKeyMode
from ..models.current_key_scopes_item import check_current_key_scopes_item
from ..models.current_key_scopes_item import CurrentKeyScopesItem
from typing import cast






T = TypeVar("T", bound="CurrentKey")



@_attrs_define
class CurrentKey:
    """ 
        Attributes:
            key_id (str):
            account_id (str):
            mode (CurrentKeyMode): test keys run leads in test mode and deliver nowhere
            scopes (list[CurrentKeyScopesItem]): What the key may do (admin: everything); a client shows only what these
                allow
     """

    key_id: str
    account_id: str
    mode: CurrentKeyMode
    scopes: list[CurrentKeyScopesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        account_id = self.account_id

        mode: str = self.mode

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item: str = scopes_item_data
            scopes.append(scopes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key_id": key_id,
            "account_id": account_id,
            "mode": mode,
            "scopes": scopes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = d.pop("key_id")

        account_id = d.pop("account_id")

        mode = check_current_key_mode(d.pop("mode"))




        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in (_scopes):
            scopes_item = check_current_key_scopes_item(scopes_item_data)



            scopes.append(scopes_item)


        current_key = cls(
            key_id=key_id,
            account_id=account_id,
            mode=mode,
            scopes=scopes,
        )


        current_key.additional_properties = d
        return current_key

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
