from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.webhook_secret_previous_type_0 import WebhookSecretPreviousType0





T = TypeVar("T", bound="WebhookSecret")



@_attrs_define
class WebhookSecret:
    """ 
        Attributes:
            secret (str): The current signing secret (`whsec_...`): it signs every webhook
            created_at (str): When the account (and its first secret) was created
            rotated_at (None | str): When the current secret replaced the previous one; null: never rotated
            previous (None | WebhookSecretPreviousType0): The previous secret while it still signs (the overlap after a
                rotation); null otherwise
            signature_header (str): Where webhooks carry the signatures: `X-Leadrail-Signature: t=<unix
                seconds>,v1=<hex>[,v1=<hex>]`
     """

    secret: str
    created_at: str
    rotated_at: None | str
    previous: None | WebhookSecretPreviousType0
    signature_header: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_secret_previous_type_0 import WebhookSecretPreviousType0 # noqa: PLC0415
        secret = self.secret

        created_at = self.created_at

        rotated_at: None | str
        rotated_at = self.rotated_at

        previous: dict[str, Any] | None
        if isinstance(self.previous, WebhookSecretPreviousType0):
            previous = self.previous.to_dict()
        else:
            previous = self.previous

        signature_header = self.signature_header


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "secret": secret,
            "created_at": created_at,
            "rotated_at": rotated_at,
            "previous": previous,
            "signature_header": signature_header,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_secret_previous_type_0 import WebhookSecretPreviousType0 # noqa: PLC0415
        d = dict(src_dict)
        secret = d.pop("secret")

        created_at = d.pop("created_at")

        def _parse_rotated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))


        def _parse_previous(data: object) -> None | WebhookSecretPreviousType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_type_0 = WebhookSecretPreviousType0.from_dict(data)



                return previous_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WebhookSecretPreviousType0, data)

        previous = _parse_previous(d.pop("previous"))


        signature_header = d.pop("signature_header")

        webhook_secret = cls(
            secret=secret,
            created_at=created_at,
            rotated_at=rotated_at,
            previous=previous,
            signature_header=signature_header,
        )


        webhook_secret.additional_properties = d
        return webhook_secret

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
