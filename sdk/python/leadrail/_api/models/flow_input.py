from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_status import check_flow_input_status
from ..models.flow_input_status import FlowInputStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.flow_input_caps_item import FlowInputCapsItem
  from ..models.flow_input_delivery_retry import FlowInputDeliveryRetry
  from ..models.flow_input_distribution import FlowInputDistribution
  from ..models.flow_input_fields_item import FlowInputFieldsItem
  from ..models.flow_input_pricing import FlowInputPricing
  from ..models.flow_input_settings import FlowInputSettings
  from ..models.flow_input_steps_item_type_0 import FlowInputStepsItemType0
  from ..models.flow_input_steps_item_type_1 import FlowInputStepsItemType1
  from ..models.flow_input_steps_item_type_3 import FlowInputStepsItemType3





T = TypeVar("T", bound="FlowInput")



@_attrs_define
class FlowInput:
    """ 
        Attributes:
            name (str):
            description (None | str | Unset):
            status (FlowInputStatus | Unset):  Default: 'active'.
            settings (FlowInputSettings | Unset):
            fields (list[FlowInputFieldsItem] | Unset):
            steps (list[Any | FlowInputStepsItemType0 | FlowInputStepsItemType1 | FlowInputStepsItemType3] | Unset):
            caps (list[FlowInputCapsItem] | Unset):
            pricing (FlowInputPricing | Unset):
            distribution (FlowInputDistribution | Unset):
            delivery_retry (FlowInputDeliveryRetry | Unset):
     """

    name: str
    description: None | str | Unset = UNSET
    status: FlowInputStatus | Unset = 'active'
    settings: FlowInputSettings | Unset = UNSET
    fields: list[FlowInputFieldsItem] | Unset = UNSET
    steps: list[Any | FlowInputStepsItemType0 | FlowInputStepsItemType1 | FlowInputStepsItemType3] | Unset = UNSET
    caps: list[FlowInputCapsItem] | Unset = UNSET
    pricing: FlowInputPricing | Unset = UNSET
    distribution: FlowInputDistribution | Unset = UNSET
    delivery_retry: FlowInputDeliveryRetry | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_input_caps_item import FlowInputCapsItem # noqa: PLC0415
        from ..models.flow_input_delivery_retry import FlowInputDeliveryRetry # noqa: PLC0415
        from ..models.flow_input_distribution import FlowInputDistribution # noqa: PLC0415
        from ..models.flow_input_fields_item import FlowInputFieldsItem # noqa: PLC0415
        from ..models.flow_input_pricing import FlowInputPricing # noqa: PLC0415
        from ..models.flow_input_settings import FlowInputSettings # noqa: PLC0415
        from ..models.flow_input_steps_item_type_0 import FlowInputStepsItemType0 # noqa: PLC0415
        from ..models.flow_input_steps_item_type_1 import FlowInputStepsItemType1 # noqa: PLC0415
        from ..models.flow_input_steps_item_type_3 import FlowInputStepsItemType3 # noqa: PLC0415
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status


        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)



        steps: list[Any | dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item: Any | dict[str, Any]
                if isinstance(steps_item_data, FlowInputStepsItemType0):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, FlowInputStepsItemType1):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, FlowInputStepsItemType3):
                    steps_item = steps_item_data.to_dict()
                else:
                    steps_item = steps_item_data
                steps.append(steps_item)



        caps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.caps, Unset):
            caps = []
            for caps_item_data in self.caps:
                caps_item = caps_item_data.to_dict()
                caps.append(caps_item)



        pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pricing, Unset):
            pricing = self.pricing.to_dict()

        distribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.distribution, Unset):
            distribution = self.distribution.to_dict()

        delivery_retry: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delivery_retry, Unset):
            delivery_retry = self.delivery_retry.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
        if settings is not UNSET:
            field_dict["settings"] = settings
        if fields is not UNSET:
            field_dict["fields"] = fields
        if steps is not UNSET:
            field_dict["steps"] = steps
        if caps is not UNSET:
            field_dict["caps"] = caps
        if pricing is not UNSET:
            field_dict["pricing"] = pricing
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if delivery_retry is not UNSET:
            field_dict["delivery_retry"] = delivery_retry

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_input_caps_item import FlowInputCapsItem # noqa: PLC0415
        from ..models.flow_input_delivery_retry import FlowInputDeliveryRetry # noqa: PLC0415
        from ..models.flow_input_distribution import FlowInputDistribution # noqa: PLC0415
        from ..models.flow_input_fields_item import FlowInputFieldsItem # noqa: PLC0415
        from ..models.flow_input_pricing import FlowInputPricing # noqa: PLC0415
        from ..models.flow_input_settings import FlowInputSettings # noqa: PLC0415
        from ..models.flow_input_steps_item_type_0 import FlowInputStepsItemType0 # noqa: PLC0415
        from ..models.flow_input_steps_item_type_1 import FlowInputStepsItemType1 # noqa: PLC0415
        from ..models.flow_input_steps_item_type_3 import FlowInputStepsItemType3 # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _status = d.pop("status", UNSET)
        status: FlowInputStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = check_flow_input_status(_status)




        _settings = d.pop("settings", UNSET)
        settings: FlowInputSettings | Unset
        if isinstance(_settings,  Unset):
            settings = UNSET
        else:
            settings = FlowInputSettings.from_dict(_settings)




        _fields = d.pop("fields", UNSET)
        fields: list[FlowInputFieldsItem] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = FlowInputFieldsItem.from_dict(fields_item_data)



                fields.append(fields_item)


        _steps = d.pop("steps", UNSET)
        steps: list[Any | FlowInputStepsItemType0 | FlowInputStepsItemType1 | FlowInputStepsItemType3] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                def _parse_steps_item(data: object) -> Any | FlowInputStepsItemType0 | FlowInputStepsItemType1 | FlowInputStepsItemType3:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_0 = FlowInputStepsItemType0.from_dict(data)



                        return steps_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_1 = FlowInputStepsItemType1.from_dict(data)



                        return steps_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_3 = FlowInputStepsItemType3.from_dict(data)



                        return steps_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(Any | FlowInputStepsItemType0 | FlowInputStepsItemType1 | FlowInputStepsItemType3, data)

                steps_item = _parse_steps_item(steps_item_data)

                steps.append(steps_item)


        _caps = d.pop("caps", UNSET)
        caps: list[FlowInputCapsItem] | Unset = UNSET
        if _caps is not UNSET:
            caps = []
            for caps_item_data in _caps:
                caps_item = FlowInputCapsItem.from_dict(caps_item_data)



                caps.append(caps_item)


        _pricing = d.pop("pricing", UNSET)
        pricing: FlowInputPricing | Unset
        if isinstance(_pricing,  Unset):
            pricing = UNSET
        else:
            pricing = FlowInputPricing.from_dict(_pricing)




        _distribution = d.pop("distribution", UNSET)
        distribution: FlowInputDistribution | Unset
        if isinstance(_distribution,  Unset):
            distribution = UNSET
        else:
            distribution = FlowInputDistribution.from_dict(_distribution)




        _delivery_retry = d.pop("delivery_retry", UNSET)
        delivery_retry: FlowInputDeliveryRetry | Unset
        if isinstance(_delivery_retry,  Unset):
            delivery_retry = UNSET
        else:
            delivery_retry = FlowInputDeliveryRetry.from_dict(_delivery_retry)




        flow_input = cls(
            name=name,
            description=description,
            status=status,
            settings=settings,
            fields=fields,
            steps=steps,
            caps=caps,
            pricing=pricing,
            distribution=distribution,
            delivery_retry=delivery_retry,
        )


        flow_input.additional_properties = d
        return flow_input

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
