from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PingPostRecipientConfigBid")



@_attrs_define
class PingPostRecipientConfigBid:
    """ 
        Attributes:
            price_path (str | Unset): JSON path of the bid price (USD) in the ping answer; missing, 0 or less is no bid
                Default: 'bid'.
            accept_path (None | str | Unset): JSON path whose value says bid or no bid; null: any price above 0 is a bid
            accept_values (list[str] | Unset): Values at accept_path that mean a bid (case-insensitive)
            bid_id_path (None | str | Unset): JSON path of the bid id (token) the buyer wants back on the post
            reason_path (None | str | Unset): JSON path of a no-bid reason
     """

    price_path: str | Unset = 'bid'
    accept_path: None | str | Unset = UNSET
    accept_values: list[str] | Unset = UNSET
    bid_id_path: None | str | Unset = UNSET
    reason_path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        price_path = self.price_path

        accept_path: None | str | Unset
        if isinstance(self.accept_path, Unset):
            accept_path = UNSET
        else:
            accept_path = self.accept_path

        accept_values: list[str] | Unset = UNSET
        if not isinstance(self.accept_values, Unset):
            accept_values = self.accept_values



        bid_id_path: None | str | Unset
        if isinstance(self.bid_id_path, Unset):
            bid_id_path = UNSET
        else:
            bid_id_path = self.bid_id_path

        reason_path: None | str | Unset
        if isinstance(self.reason_path, Unset):
            reason_path = UNSET
        else:
            reason_path = self.reason_path


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if price_path is not UNSET:
            field_dict["price_path"] = price_path
        if accept_path is not UNSET:
            field_dict["accept_path"] = accept_path
        if accept_values is not UNSET:
            field_dict["accept_values"] = accept_values
        if bid_id_path is not UNSET:
            field_dict["bid_id_path"] = bid_id_path
        if reason_path is not UNSET:
            field_dict["reason_path"] = reason_path

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        price_path = d.pop("price_path", UNSET)

        def _parse_accept_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accept_path = _parse_accept_path(d.pop("accept_path", UNSET))


        accept_values = cast(list[str], d.pop("accept_values", UNSET))


        def _parse_bid_id_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bid_id_path = _parse_bid_id_path(d.pop("bid_id_path", UNSET))


        def _parse_reason_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_path = _parse_reason_path(d.pop("reason_path", UNSET))


        ping_post_recipient_config_bid = cls(
            price_path=price_path,
            accept_path=accept_path,
            accept_values=accept_values,
            bid_id_path=bid_id_path,
            reason_path=reason_path,
        )


        ping_post_recipient_config_bid.additional_properties = d
        return ping_post_recipient_config_bid

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
