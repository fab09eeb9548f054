from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ping_post_recipient_input_type import check_ping_post_recipient_input_type
from ..models.ping_post_recipient_input_type import PingPostRecipientInputType
from typing import cast

if TYPE_CHECKING:
  from ..models.ping_post_recipient_config import PingPostRecipientConfig





T = TypeVar("T", bound="PingPostRecipientInput")



@_attrs_define
class PingPostRecipientInput:
    """ 
        Attributes:
            name (str):
            type_ (PingPostRecipientInputType):
            config (PingPostRecipientConfig):
     """

    name: str
    type_: PingPostRecipientInputType
    config: PingPostRecipientConfig
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ping_post_recipient_config import PingPostRecipientConfig # noqa: PLC0415
        name = self.name

        type_: str = self.type_

        config = self.config.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "type": type_,
            "config": config,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ping_post_recipient_config import PingPostRecipientConfig # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_ping_post_recipient_input_type(d.pop("type"))




        config = PingPostRecipientConfig.from_dict(d.pop("config"))




        ping_post_recipient_input = cls(
            name=name,
            type_=type_,
            config=config,
        )


        ping_post_recipient_input.additional_properties = d
        return ping_post_recipient_input

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
