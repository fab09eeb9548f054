from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recipient_type import check_recipient_type
from ..models.recipient_type import RecipientType
from typing import cast

if TYPE_CHECKING:
  from ..models.recipient_config import RecipientConfig





T = TypeVar("T", bound="Recipient")



@_attrs_define
class Recipient:
    """ 
        Attributes:
            id (str):
            name (str):
            type_ (RecipientType):
            config (RecipientConfig): The HTTP delivery (and for ping_post, ping) configuration, secrets masked
            created_at (str):
            updated_at (str):
     """

    id: str
    name: str
    type_: RecipientType
    config: RecipientConfig
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.recipient_config import RecipientConfig # noqa: PLC0415
        id = self.id

        name = self.name

        type_: str = self.type_

        config = self.config.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "type": type_,
            "config": config,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipient_config import RecipientConfig # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = check_recipient_type(d.pop("type"))




        config = RecipientConfig.from_dict(d.pop("config"))




        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        recipient = cls(
            id=id,
            name=name,
            type_=type_,
            config=config,
            created_at=created_at,
            updated_at=updated_at,
        )


        recipient.additional_properties = d
        return recipient

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
