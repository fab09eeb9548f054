from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ping_post_recipient_config_caps_item_per import check_ping_post_recipient_config_caps_item_per
from ..models.ping_post_recipient_config_caps_item_per import PingPostRecipientConfigCapsItemPer
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PingPostRecipientConfigCapsItem")



@_attrs_define
class PingPostRecipientConfigCapsItem:
    """ 
        Attributes:
            maximum (int):
            per (PingPostRecipientConfigCapsItemPer):
            id (str | Unset):
            criteria (None | str | Unset): Only leads matching this expression count. A CEL (cel.dev) expression that
                compiles to a boolean over `lead`, `parsed`, `source`, `campaign` and `submission`; checked when the flow is
                saved (400 with line and column).
            reason (str | Unset):  Default: 'cap_reached'.
     """

    maximum: int
    per: PingPostRecipientConfigCapsItemPer
    id: str | Unset = UNSET
    criteria: None | str | Unset = UNSET
    reason: str | Unset = 'cap_reached'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        maximum = self.maximum

        per: str = self.per

        id = self.id

        criteria: None | str | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        else:
            criteria = self.criteria

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "maximum": maximum,
            "per": per,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        maximum = d.pop("maximum")

        per = check_ping_post_recipient_config_caps_item_per(d.pop("per"))




        id = d.pop("id", UNSET)

        def _parse_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))


        reason = d.pop("reason", UNSET)

        ping_post_recipient_config_caps_item = cls(
            maximum=maximum,
            per=per,
            id=id,
            criteria=criteria,
            reason=reason,
        )


        ping_post_recipient_config_caps_item.additional_properties = d
        return ping_post_recipient_config_caps_item

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
