from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_steps_item_type_0_service import check_flow_input_steps_item_type_0_service
from ..models.flow_input_steps_item_type_0_service import FlowInputStepsItemType0Service
from ..models.flow_input_steps_item_type_0_type import check_flow_input_steps_item_type_0_type
from ..models.flow_input_steps_item_type_0_type import FlowInputStepsItemType0Type
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.flow_input_steps_item_type_0_settings import FlowInputStepsItemType0Settings





T = TypeVar("T", bound="FlowInputStepsItemType0")



@_attrs_define
class FlowInputStepsItemType0:
    """ 
        Attributes:
            type_ (FlowInputStepsItemType0Type):
            service (FlowInputStepsItemType0Service):
            name (str | Unset):
            settings (FlowInputStepsItemType0Settings | Unset):
     """

    type_: FlowInputStepsItemType0Type
    service: FlowInputStepsItemType0Service
    name: str | Unset = UNSET
    settings: FlowInputStepsItemType0Settings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_input_steps_item_type_0_settings import FlowInputStepsItemType0Settings # noqa: PLC0415
        type_: str = self.type_

        service: str = self.service

        name = self.name

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "service": service,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_input_steps_item_type_0_settings import FlowInputStepsItemType0Settings # noqa: PLC0415
        d = dict(src_dict)
        type_ = check_flow_input_steps_item_type_0_type(d.pop("type"))




        service = check_flow_input_steps_item_type_0_service(d.pop("service"))




        name = d.pop("name", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: FlowInputStepsItemType0Settings | Unset
        if isinstance(_settings,  Unset):
            settings = UNSET
        else:
            settings = FlowInputStepsItemType0Settings.from_dict(_settings)




        flow_input_steps_item_type_0 = cls(
            type_=type_,
            service=service,
            name=name,
            settings=settings,
        )


        flow_input_steps_item_type_0.additional_properties = d
        return flow_input_steps_item_type_0

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
