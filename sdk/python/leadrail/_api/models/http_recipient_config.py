from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.http_recipient_config_format import check_http_recipient_config_format
from ..models.http_recipient_config_format import HttpRecipientConfigFormat
from ..models.http_recipient_config_method import check_http_recipient_config_method
from ..models.http_recipient_config_method import HttpRecipientConfigMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.http_recipient_config_basic_auth_type_0 import HttpRecipientConfigBasicAuthType0
  from ..models.http_recipient_config_caps_item import HttpRecipientConfigCapsItem
  from ..models.http_recipient_config_field_mapping_type_0 import HttpRecipientConfigFieldMappingType0
  from ..models.http_recipient_config_headers import HttpRecipientConfigHeaders
  from ..models.http_recipient_config_response import HttpRecipientConfigResponse





T = TypeVar("T", bound="HttpRecipientConfig")



@_attrs_define
class HttpRecipientConfig:
    """ 
        Attributes:
            url (str): Endpoint the lead is delivered to
            method (HttpRecipientConfigMethod | Unset):  Default: 'POST'.
            format_ (HttpRecipientConfigFormat | Unset):  Default: 'json'.
            headers (HttpRecipientConfigHeaders | Unset): Sent with every delivery; values are masked in answers
            basic_auth (HttpRecipientConfigBasicAuthType0 | None | Unset):
            timeout_ms (int | Unset):  Default: 10000.
            field_mapping (HttpRecipientConfigFieldMappingType0 | None | Unset): Buyer field name -> lead field; null sends
                every normalised field under its own name
            response (HttpRecipientConfigResponse | Unset):
            sale_price (float | None | Unset): Fixed price the buyer pays per lead (USD)
            caps (list[HttpRecipientConfigCapsItem] | Unset):
     """

    url: str
    method: HttpRecipientConfigMethod | Unset = 'POST'
    format_: HttpRecipientConfigFormat | Unset = 'json'
    headers: HttpRecipientConfigHeaders | Unset = UNSET
    basic_auth: HttpRecipientConfigBasicAuthType0 | None | Unset = UNSET
    timeout_ms: int | Unset = 10000
    field_mapping: HttpRecipientConfigFieldMappingType0 | None | Unset = UNSET
    response: HttpRecipientConfigResponse | Unset = UNSET
    sale_price: float | None | Unset = UNSET
    caps: list[HttpRecipientConfigCapsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.http_recipient_config_basic_auth_type_0 import HttpRecipientConfigBasicAuthType0 # noqa: PLC0415
        from ..models.http_recipient_config_caps_item import HttpRecipientConfigCapsItem # noqa: PLC0415
        from ..models.http_recipient_config_field_mapping_type_0 import HttpRecipientConfigFieldMappingType0 # noqa: PLC0415
        from ..models.http_recipient_config_headers import HttpRecipientConfigHeaders # noqa: PLC0415
        from ..models.http_recipient_config_response import HttpRecipientConfigResponse # noqa: PLC0415
        url = self.url

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
        elif isinstance(self.basic_auth, HttpRecipientConfigBasicAuthType0):
            basic_auth = self.basic_auth.to_dict()
        else:
            basic_auth = self.basic_auth

        timeout_ms = self.timeout_ms

        field_mapping: dict[str, Any] | None | Unset
        if isinstance(self.field_mapping, Unset):
            field_mapping = UNSET
        elif isinstance(self.field_mapping, HttpRecipientConfigFieldMappingType0):
            field_mapping = self.field_mapping.to_dict()
        else:
            field_mapping = self.field_mapping

        response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response, Unset):
            response = self.response.to_dict()

        sale_price: float | None | Unset
        if isinstance(self.sale_price, Unset):
            sale_price = UNSET
        else:
            sale_price = self.sale_price

        caps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.caps, Unset):
            caps = []
            for caps_item_data in self.caps:
                caps_item = caps_item_data.to_dict()
                caps.append(caps_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
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
        if sale_price is not UNSET:
            field_dict["sale_price"] = sale_price
        if caps is not UNSET:
            field_dict["caps"] = caps

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.http_recipient_config_basic_auth_type_0 import HttpRecipientConfigBasicAuthType0 # noqa: PLC0415
        from ..models.http_recipient_config_caps_item import HttpRecipientConfigCapsItem # noqa: PLC0415
        from ..models.http_recipient_config_field_mapping_type_0 import HttpRecipientConfigFieldMappingType0 # noqa: PLC0415
        from ..models.http_recipient_config_headers import HttpRecipientConfigHeaders # noqa: PLC0415
        from ..models.http_recipient_config_response import HttpRecipientConfigResponse # noqa: PLC0415
        d = dict(src_dict)
        url = d.pop("url")

        _method = d.pop("method", UNSET)
        method: HttpRecipientConfigMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = check_http_recipient_config_method(_method)




        _format_ = d.pop("format", UNSET)
        format_: HttpRecipientConfigFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_http_recipient_config_format(_format_)




        _headers = d.pop("headers", UNSET)
        headers: HttpRecipientConfigHeaders | Unset
        if isinstance(_headers,  Unset):
            headers = UNSET
        else:
            headers = HttpRecipientConfigHeaders.from_dict(_headers)




        def _parse_basic_auth(data: object) -> HttpRecipientConfigBasicAuthType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                basic_auth_type_0 = HttpRecipientConfigBasicAuthType0.from_dict(data)



                return basic_auth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HttpRecipientConfigBasicAuthType0 | None | Unset, data)

        basic_auth = _parse_basic_auth(d.pop("basic_auth", UNSET))


        timeout_ms = d.pop("timeout_ms", UNSET)

        def _parse_field_mapping(data: object) -> HttpRecipientConfigFieldMappingType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_mapping_type_0 = HttpRecipientConfigFieldMappingType0.from_dict(data)



                return field_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HttpRecipientConfigFieldMappingType0 | None | Unset, data)

        field_mapping = _parse_field_mapping(d.pop("field_mapping", UNSET))


        _response = d.pop("response", UNSET)
        response: HttpRecipientConfigResponse | Unset
        if isinstance(_response,  Unset):
            response = UNSET
        else:
            response = HttpRecipientConfigResponse.from_dict(_response)




        def _parse_sale_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sale_price = _parse_sale_price(d.pop("sale_price", UNSET))


        _caps = d.pop("caps", UNSET)
        caps: list[HttpRecipientConfigCapsItem] | Unset = UNSET
        if _caps is not UNSET:
            caps = []
            for caps_item_data in _caps:
                caps_item = HttpRecipientConfigCapsItem.from_dict(caps_item_data)



                caps.append(caps_item)


        http_recipient_config = cls(
            url=url,
            method=method,
            format_=format_,
            headers=headers,
            basic_auth=basic_auth,
            timeout_ms=timeout_ms,
            field_mapping=field_mapping,
            response=response,
            sale_price=sale_price,
            caps=caps,
        )


        http_recipient_config.additional_properties = d
        return http_recipient_config

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
