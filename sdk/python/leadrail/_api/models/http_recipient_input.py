from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.http_recipient_input_type import check_http_recipient_input_type
from ..models.http_recipient_input_type import HttpRecipientInputType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.http_recipient_config import HttpRecipientConfig





T = TypeVar("T", bound="HttpRecipientInput")



@_attrs_define
class HttpRecipientInput:
    """ 
        Attributes:
            name (str):
            config (HttpRecipientConfig):
            type_ (HttpRecipientInputType | Unset):  Default: 'http'.
     """

    name: str
    config: HttpRecipientConfig
    type_: HttpRecipientInputType | Unset = 'http'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.http_recipient_config import HttpRecipientConfig # noqa: PLC0415
        name = self.name

        config = self.config.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "config": config,
        })
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.http_recipient_config import HttpRecipientConfig # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        config = HttpRecipientConfig.from_dict(d.pop("config"))




        _type_ = d.pop("type", UNSET)
        type_: HttpRecipientInputType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = check_http_recipient_input_type(_type_)




        http_recipient_input = cls(
            name=name,
            config=config,
            type_=type_,
        )


        http_recipient_input.additional_properties = d
        return http_recipient_input

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
