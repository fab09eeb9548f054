from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_configuration import FlowConfiguration
  from ..models.flow_settings import FlowSettings





T = TypeVar("T", bound="Flow")



@_attrs_define
class Flow:
    """ 
        Attributes:
            id (str):
            name (str):
            status (str):
            description (None | str):
            version (float):
            created_at (str):
            updated_at (str):
            settings (FlowSettings):
            configuration (FlowConfiguration):
     """

    id: str
    name: str
    status: str
    description: None | str
    version: float
    created_at: str
    updated_at: str
    settings: FlowSettings
    configuration: FlowConfiguration
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_configuration import FlowConfiguration # noqa: PLC0415
        from ..models.flow_settings import FlowSettings # noqa: PLC0415
        id = self.id

        name = self.name

        status = self.status

        description: None | str
        description = self.description

        version = self.version

        created_at = self.created_at

        updated_at = self.updated_at

        settings = self.settings.to_dict()

        configuration = self.configuration.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "status": status,
            "description": description,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
            "settings": settings,
            "configuration": configuration,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_configuration import FlowConfiguration # noqa: PLC0415
        from ..models.flow_settings import FlowSettings # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = d.pop("status")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        version = d.pop("version")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        settings = FlowSettings.from_dict(d.pop("settings"))




        configuration = FlowConfiguration.from_dict(d.pop("configuration"))




        flow = cls(
            id=id,
            name=name,
            status=status,
            description=description,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            settings=settings,
            configuration=configuration,
        )


        flow.additional_properties = d
        return flow

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
