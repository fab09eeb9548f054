from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_settings_result_settings import FlowSettingsResultSettings





T = TypeVar("T", bound="FlowSettingsResult")



@_attrs_define
class FlowSettingsResult:
    """ 
        Attributes:
            flow_id (str):
            version (float):
            updated_at (str):
            settings (FlowSettingsResultSettings):
     """

    flow_id: str
    version: float
    updated_at: str
    settings: FlowSettingsResultSettings
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_settings_result_settings import FlowSettingsResultSettings # noqa: PLC0415
        flow_id = self.flow_id

        version = self.version

        updated_at = self.updated_at

        settings = self.settings.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flow_id": flow_id,
            "version": version,
            "updated_at": updated_at,
            "settings": settings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_settings_result_settings import FlowSettingsResultSettings # noqa: PLC0415
        d = dict(src_dict)
        flow_id = d.pop("flow_id")

        version = d.pop("version")

        updated_at = d.pop("updated_at")

        settings = FlowSettingsResultSettings.from_dict(d.pop("settings"))




        flow_settings_result = cls(
            flow_id=flow_id,
            version=version,
            updated_at=updated_at,
            settings=settings,
        )


        flow_settings_result.additional_properties = d
        return flow_settings_result

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
