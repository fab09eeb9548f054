from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.flow_configuration_caps_item import FlowConfigurationCapsItem
  from ..models.flow_configuration_delivery_retry import FlowConfigurationDeliveryRetry
  from ..models.flow_configuration_distribution import FlowConfigurationDistribution
  from ..models.flow_configuration_fields_item import FlowConfigurationFieldsItem
  from ..models.flow_configuration_pricing import FlowConfigurationPricing
  from ..models.flow_configuration_steps_item import FlowConfigurationStepsItem





T = TypeVar("T", bound="FlowConfiguration")



@_attrs_define
class FlowConfiguration:
    """ 
        Attributes:
            steps (list[FlowConfigurationStepsItem]):
            fields (list[FlowConfigurationFieldsItem]):
            caps (list[FlowConfigurationCapsItem]):
            pricing (FlowConfigurationPricing):
            distribution (FlowConfigurationDistribution):
            delivery_retry (FlowConfigurationDeliveryRetry):
     """

    steps: list[FlowConfigurationStepsItem]
    fields: list[FlowConfigurationFieldsItem]
    caps: list[FlowConfigurationCapsItem]
    pricing: FlowConfigurationPricing
    distribution: FlowConfigurationDistribution
    delivery_retry: FlowConfigurationDeliveryRetry
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_configuration_caps_item import FlowConfigurationCapsItem # noqa: PLC0415
        from ..models.flow_configuration_delivery_retry import FlowConfigurationDeliveryRetry # noqa: PLC0415
        from ..models.flow_configuration_distribution import FlowConfigurationDistribution # noqa: PLC0415
        from ..models.flow_configuration_fields_item import FlowConfigurationFieldsItem # noqa: PLC0415
        from ..models.flow_configuration_pricing import FlowConfigurationPricing # noqa: PLC0415
        from ..models.flow_configuration_steps_item import FlowConfigurationStepsItem # noqa: PLC0415
        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)



        caps = []
        for caps_item_data in self.caps:
            caps_item = caps_item_data.to_dict()
            caps.append(caps_item)



        pricing = self.pricing.to_dict()

        distribution = self.distribution.to_dict()

        delivery_retry = self.delivery_retry.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "steps": steps,
            "fields": fields,
            "caps": caps,
            "pricing": pricing,
            "distribution": distribution,
            "delivery_retry": delivery_retry,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_configuration_caps_item import FlowConfigurationCapsItem # noqa: PLC0415
        from ..models.flow_configuration_delivery_retry import FlowConfigurationDeliveryRetry # noqa: PLC0415
        from ..models.flow_configuration_distribution import FlowConfigurationDistribution # noqa: PLC0415
        from ..models.flow_configuration_fields_item import FlowConfigurationFieldsItem # noqa: PLC0415
        from ..models.flow_configuration_pricing import FlowConfigurationPricing # noqa: PLC0415
        from ..models.flow_configuration_steps_item import FlowConfigurationStepsItem # noqa: PLC0415
        d = dict(src_dict)
        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = FlowConfigurationStepsItem.from_dict(steps_item_data)



            steps.append(steps_item)


        fields = []
        _fields = d.pop("fields")
        for fields_item_data in (_fields):
            fields_item = FlowConfigurationFieldsItem.from_dict(fields_item_data)



            fields.append(fields_item)


        caps = []
        _caps = d.pop("caps")
        for caps_item_data in (_caps):
            caps_item = FlowConfigurationCapsItem.from_dict(caps_item_data)



            caps.append(caps_item)


        pricing = FlowConfigurationPricing.from_dict(d.pop("pricing"))




        distribution = FlowConfigurationDistribution.from_dict(d.pop("distribution"))




        delivery_retry = FlowConfigurationDeliveryRetry.from_dict(d.pop("delivery_retry"))




        flow_configuration = cls(
            steps=steps,
            fields=fields,
            caps=caps,
            pricing=pricing,
            distribution=distribution,
            delivery_retry=delivery_retry,
        )


        flow_configuration.additional_properties = d
        return flow_configuration

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
