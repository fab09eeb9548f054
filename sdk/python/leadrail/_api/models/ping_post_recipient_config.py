from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ping_post_recipient_config_format import check_ping_post_recipient_config_format
from ..models.ping_post_recipient_config_format import PingPostRecipientConfigFormat
from ..models.ping_post_recipient_config_method import check_ping_post_recipient_config_method
from ..models.ping_post_recipient_config_method import PingPostRecipientConfigMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ping_post_recipient_config_basic_auth_type_0 import PingPostRecipientConfigBasicAuthType0
  from ..models.ping_post_recipient_config_bid import PingPostRecipientConfigBid
  from ..models.ping_post_recipient_config_caps_item import PingPostRecipientConfigCapsItem
  from ..models.ping_post_recipient_config_field_mapping_type_0 import PingPostRecipientConfigFieldMappingType0
  from ..models.ping_post_recipient_config_headers import PingPostRecipientConfigHeaders
  from ..models.ping_post_recipient_config_response import PingPostRecipientConfigResponse





T = TypeVar("T", bound="PingPostRecipientConfig")



@_attrs_define
class PingPostRecipientConfig:
    """ 
        Attributes:
            url (str): Post URL: the whole lead is posted here when the buyer’s bid wins
            ping_url (str): Ping URL: asked for a bid with the ping fields only
            ping_fields (list[str]): Lead fields a ping may carry (under their field_mapping names). Fields of a personal
                type (name, email, phone, street address, date of birth, IP address) are refused unless
                allow_personal_ping_fields; SSNs and credentials are never pinged.
            method (PingPostRecipientConfigMethod | Unset):  Default: 'POST'.
            format_ (PingPostRecipientConfigFormat | Unset):  Default: 'json'.
            headers (PingPostRecipientConfigHeaders | Unset): Sent with every delivery; values are masked in answers
            basic_auth (None | PingPostRecipientConfigBasicAuthType0 | Unset):
            timeout_ms (int | Unset):  Default: 10000.
            field_mapping (None | PingPostRecipientConfigFieldMappingType0 | Unset): Buyer field name -> lead field; null
                sends every normalised field under its own name
            response (PingPostRecipientConfigResponse | Unset):
            caps (list[PingPostRecipientConfigCapsItem] | Unset):
            allow_personal_ping_fields (bool | Unset): Let ping_fields name personal fields (e.g. a buyer contracted to see
                a phone number) Default: False.
            bid (PingPostRecipientConfigBid | Unset):
            bid_id_field (None | str | Unset): Post body field carrying the bid id back to the buyer (null: not sent)
                Default: 'bid_id'.
     """

    url: str
    ping_url: str
    ping_fields: list[str]
    method: PingPostRecipientConfigMethod | Unset = 'POST'
    format_: PingPostRecipientConfigFormat | Unset = 'json'
    headers: PingPostRecipientConfigHeaders | Unset = UNSET
    basic_auth: None | PingPostRecipientConfigBasicAuthType0 | Unset = UNSET
    timeout_ms: int | Unset = 10000
    field_mapping: None | PingPostRecipientConfigFieldMappingType0 | Unset = UNSET
    response: PingPostRecipientConfigResponse | Unset = UNSET
    caps: list[PingPostRecipientConfigCapsItem] | Unset = UNSET
    allow_personal_ping_fields: bool | Unset = False
    bid: PingPostRecipientConfigBid | Unset = UNSET
    bid_id_field: None | str | Unset = 'bid_id'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ping_post_recipient_config_basic_auth_type_0 import PingPostRecipientConfigBasicAuthType0 # noqa: PLC0415
        from ..models.ping_post_recipient_config_bid import PingPostRecipientConfigBid # noqa: PLC0415
        from ..models.ping_post_recipient_config_caps_item import PingPostRecipientConfigCapsItem # noqa: PLC0415
        from ..models.ping_post_recipient_config_field_mapping_type_0 import PingPostRecipientConfigFieldMappingType0 # noqa: PLC0415
        from ..models.ping_post_recipient_config_headers import PingPostRecipientConfigHeaders # noqa: PLC0415
        from ..models.ping_post_recipient_config_response import PingPostRecipientConfigResponse # noqa: PLC0415
        url = self.url

        ping_url = self.ping_url

        ping_fields = self.ping_fields



        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method


        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_


        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        basic_auth: dict[str, Any] | None | Unset
        if isinstance(self.basic_auth, Unset):
            basic_auth = UNSET
        elif isinstance(self.basic_auth, PingPostRecipientConfigBasicAuthType0):
            basic_auth = self.basic_auth.to_dict()
        else:
            basic_auth = self.basic_auth

        timeout_ms = self.timeout_ms

        field_mapping: dict[str, Any] | None | Unset
        if isinstance(self.field_mapping, Unset):
            field_mapping = UNSET
        elif isinstance(self.field_mapping, PingPostRecipientConfigFieldMappingType0):
            field_mapping = self.field_mapping.to_dict()
        else:
            field_mapping = self.field_mapping

        response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response, Unset):
            response = self.response.to_dict()

        caps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.caps, Unset):
            caps = []
            for caps_item_data in self.caps:
                caps_item = caps_item_data.to_dict()
                caps.append(caps_item)



        allow_personal_ping_fields = self.allow_personal_ping_fields

        bid: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bid, Unset):
            bid = self.bid.to_dict()

        bid_id_field: None | str | Unset
        if isinstance(self.bid_id_field, Unset):
            bid_id_field = UNSET
        else:
            bid_id_field = self.bid_id_field


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "ping_url": ping_url,
            "ping_fields": ping_fields,
        })
        if method is not UNSET:
            field_dict["method"] = method
        if format_ is not UNSET:
            field_dict["format"] = format_
        if headers is not UNSET:
            field_dict["headers"] = headers
        if basic_auth is not UNSET:
            field_dict["basic_auth"] = basic_auth
        if timeout_ms is not UNSET:
            field_dict["timeout_ms"] = timeout_ms
        if field_mapping is not UNSET:
            field_dict["field_mapping"] = field_mapping
        if response is not UNSET:
            field_dict["response"] = response
        if caps is not UNSET:
            field_dict["caps"] = caps
        if allow_personal_ping_fields is not UNSET:
            field_dict["allow_personal_ping_fields"] = allow_personal_ping_fields
        if bid is not UNSET:
            field_dict["bid"] = bid
        if bid_id_field is not UNSET:
            field_dict["bid_id_field"] = bid_id_field

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ping_post_recipient_config_basic_auth_type_0 import PingPostRecipientConfigBasicAuthType0 # noqa: PLC0415
        from ..models.ping_post_recipient_config_bid import PingPostRecipientConfigBid # noqa: PLC0415
        from ..models.ping_post_recipient_config_caps_item import PingPostRecipientConfigCapsItem # noqa: PLC0415
        from ..models.ping_post_recipient_config_field_mapping_type_0 import PingPostRecipientConfigFieldMappingType0 # noqa: PLC0415
        from ..models.ping_post_recipient_config_headers import PingPostRecipientConfigHeaders # noqa: PLC0415
        from ..models.ping_post_recipient_config_response import PingPostRecipientConfigResponse # noqa: PLC0415
        d = dict(src_dict)
        url = d.pop("url")

        ping_url = d.pop("ping_url")

        ping_fields = cast(list[str], d.pop("ping_fields"))


        _method = d.pop("method", UNSET)
        method: PingPostRecipientConfigMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = check_ping_post_recipient_config_method(_method)




        _format_ = d.pop("format", UNSET)
        format_: PingPostRecipientConfigFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_ping_post_recipient_config_format(_format_)




        _headers = d.pop("headers", UNSET)
        headers: PingPostRecipientConfigHeaders | Unset
        if isinstance(_headers,  Unset):
            headers = UNSET
        else:
            headers = PingPostRecipientConfigHeaders.from_dict(_headers)




        def _parse_basic_auth(data: object) -> None | PingPostRecipientConfigBasicAuthType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                basic_auth_type_0 = PingPostRecipientConfigBasicAuthType0.from_dict(data)



                return basic_auth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PingPostRecipientConfigBasicAuthType0 | Unset, data)

        basic_auth = _parse_basic_auth(d.pop("basic_auth", UNSET))


        timeout_ms = d.pop("timeout_ms", UNSET)

        def _parse_field_mapping(data: object) -> None | PingPostRecipientConfigFieldMappingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_mapping_type_0 = PingPostRecipientConfigFieldMappingType0.from_dict(data)



                return field_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PingPostRecipientConfigFieldMappingType0 | Unset, data)

        field_mapping = _parse_field_mapping(d.pop("field_mapping", UNSET))


        _response = d.pop("response", UNSET)
        response: PingPostRecipientConfigResponse | Unset
        if isinstance(_response,  Unset):
            response = UNSET
        else:
            response = PingPostRecipientConfigResponse.from_dict(_response)




        _caps = d.pop("caps", UNSET)
        caps: list[PingPostRecipientConfigCapsItem] | Unset = UNSET
        if _caps is not UNSET:
            caps = []
            for caps_item_data in _caps:
                caps_item = PingPostRecipientConfigCapsItem.from_dict(caps_item_data)



                caps.append(caps_item)


        allow_personal_ping_fields = d.pop("allow_personal_ping_fields", UNSET)

        _bid = d.pop("bid", UNSET)
        bid: PingPostRecipientConfigBid | Unset
        if isinstance(_bid,  Unset):
            bid = UNSET
        else:
            bid = PingPostRecipientConfigBid.from_dict(_bid)




        def _parse_bid_id_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bid_id_field = _parse_bid_id_field(d.pop("bid_id_field", UNSET))


        ping_post_recipient_config = cls(
            url=url,
            ping_url=ping_url,
            ping_fields=ping_fields,
            method=method,
            format_=format_,
            headers=headers,
            basic_auth=basic_auth,
            timeout_ms=timeout_ms,
            field_mapping=field_mapping,
            response=response,
            caps=caps,
            allow_personal_ping_fields=allow_personal_ping_fields,
            bid=bid,
            bid_id_field=bid_id_field,
        )


        ping_post_recipient_config.additional_properties = d
        return ping_post_recipient_config

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
