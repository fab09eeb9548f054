from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.intent_error_error import IntentErrorError





T = TypeVar("T", bound="IntentError")



@_attrs_define
class IntentError:
    """ 
        Attributes:
            error (IntentErrorError):
            timestamp (str): ISO 8601
            request_id (str):
     """

    error: IntentErrorError
    timestamp: str
    request_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.intent_error_error import IntentErrorError # noqa: PLC0415
        error = self.error.to_dict()

        timestamp = self.timestamp

        request_id = self.request_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "error": error,
            "timestamp": timestamp,
            "request_id": request_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intent_error_error import IntentErrorError # noqa: PLC0415
        d = dict(src_dict)
        error = IntentErrorError.from_dict(d.pop("error"))




        timestamp = d.pop("timestamp")

        request_id = d.pop("request_id")

        intent_error = cls(
            error=error,
            timestamp=timestamp,
            request_id=request_id,
        )


        intent_error.additional_properties = d
        return intent_error

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
