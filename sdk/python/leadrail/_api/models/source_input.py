from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.source_input_caps_item import SourceInputCapsItem
  from ..models.source_input_field_mappings import SourceInputFieldMappings
  from ..models.source_input_ping import SourceInputPing
  from ..models.source_input_pricing_type_0 import SourceInputPricingType0





T = TypeVar("T", bound="SourceInput")



@_attrs_define
class SourceInput:
    """ 
        Attributes:
            name (str):
            enabled (bool | Unset): A disabled source is refused (403 source_disabled) Default: True.
            field_mappings (SourceInputFieldMappings | Unset): The source's field name -> the flow's field name; unmapped
                fields pass as they are
            acceptance_criteria (None | str | Unset): Both the flow's criteria and this must pass. A CEL (cel.dev)
                expression that compiles to a boolean over `lead`, `parsed`, `source`, `campaign` and `submission`; checked when
                the flow is saved (400 with line and column).
            caps (list[SourceInputCapsItem] | Unset): Caps counted for this source's leads only, in the flow's time zone
            pricing (None | SourceInputPricingType0 | Unset): What this source is paid per lead (null: the flow's purchase
                pricing)
            ping (SourceInputPing | Unset):
     """

    name: str
    enabled: bool | Unset = True
    field_mappings: SourceInputFieldMappings | Unset = UNSET
    acceptance_criteria: None | str | Unset = UNSET
    caps: list[SourceInputCapsItem] | Unset = UNSET
    pricing: None | SourceInputPricingType0 | Unset = UNSET
    ping: SourceInputPing | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_input_caps_item import SourceInputCapsItem # noqa: PLC0415
        from ..models.source_input_field_mappings import SourceInputFieldMappings # noqa: PLC0415
        from ..models.source_input_ping import SourceInputPing # noqa: PLC0415
        from ..models.source_input_pricing_type_0 import SourceInputPricingType0 # noqa: PLC0415
        name = self.name

        enabled = self.enabled

        field_mappings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_mappings, Unset):
            field_mappings = self.field_mappings.to_dict()

        acceptance_criteria: None | str | Unset
        if isinstance(self.acceptance_criteria, Unset):
            acceptance_criteria = UNSET
        else:
            acceptance_criteria = self.acceptance_criteria

        caps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.caps, Unset):
            caps = []
            for caps_item_data in self.caps:
                caps_item = caps_item_data.to_dict()
                caps.append(caps_item)



        pricing: dict[str, Any] | None | Unset
        if isinstance(self.pricing, Unset):
            pricing = UNSET
        elif isinstance(self.pricing, SourceInputPricingType0):
            pricing = self.pricing.to_dict()
        else:
            pricing = self.pricing

        ping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ping, Unset):
            ping = self.ping.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if field_mappings is not UNSET:
            field_dict["field_mappings"] = field_mappings
        if acceptance_criteria is not UNSET:
            field_dict["acceptance_criteria"] = acceptance_criteria
        if caps is not UNSET:
            field_dict["caps"] = caps
        if pricing is not UNSET:
            field_dict["pricing"] = pricing
        if ping is not UNSET:
            field_dict["ping"] = ping

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_input_caps_item import SourceInputCapsItem # noqa: PLC0415
        from ..models.source_input_field_mappings import SourceInputFieldMappings # noqa: PLC0415
        from ..models.source_input_ping import SourceInputPing # noqa: PLC0415
        from ..models.source_input_pricing_type_0 import SourceInputPricingType0 # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        enabled = d.pop("enabled", UNSET)

        _field_mappings = d.pop("field_mappings", UNSET)
        field_mappings: SourceInputFieldMappings | Unset
        if isinstance(_field_mappings,  Unset):
            field_mappings = UNSET
        else:
            field_mappings = SourceInputFieldMappings.from_dict(_field_mappings)




        def _parse_acceptance_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acceptance_criteria = _parse_acceptance_criteria(d.pop("acceptance_criteria", UNSET))


        _caps = d.pop("caps", UNSET)
        caps: list[SourceInputCapsItem] | Unset = UNSET
        if _caps is not UNSET:
            caps = []
            for caps_item_data in _caps:
                caps_item = SourceInputCapsItem.from_dict(caps_item_data)



                caps.append(caps_item)


        def _parse_pricing(data: object) -> None | SourceInputPricingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pricing_type_0 = SourceInputPricingType0.from_dict(data)



                return pricing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SourceInputPricingType0 | Unset, data)

        pricing = _parse_pricing(d.pop("pricing", UNSET))


        _ping = d.pop("ping", UNSET)
        ping: SourceInputPing | Unset
        if isinstance(_ping,  Unset):
            ping = UNSET
        else:
            ping = SourceInputPing.from_dict(_ping)




        source_input = cls(
            name=name,
            enabled=enabled,
            field_mappings=field_mappings,
            acceptance_criteria=acceptance_criteria,
            caps=caps,
            pricing=pricing,
            ping=ping,
        )


        source_input.additional_properties = d
        return source_input

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
