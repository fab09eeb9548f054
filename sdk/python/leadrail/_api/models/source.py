from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.source_caps_item import SourceCapsItem
  from ..models.source_field_mappings import SourceFieldMappings
  from ..models.source_ping import SourcePing
  from ..models.source_pricing_type_0 import SourcePricingType0





T = TypeVar("T", bound="Source")



@_attrs_define
class Source:
    """ 
        Attributes:
            id (str):
            flow_id (str):
            name (str):
            enabled (bool):
            field_mappings (SourceFieldMappings):
            acceptance_criteria (None | str):
            caps (list[SourceCapsItem]):
            pricing (None | SourcePricingType0):
            ping (SourcePing):
            created_at (str):
            updated_at (str):
     """

    id: str
    flow_id: str
    name: str
    enabled: bool
    field_mappings: SourceFieldMappings
    acceptance_criteria: None | str
    caps: list[SourceCapsItem]
    pricing: None | SourcePricingType0
    ping: SourcePing
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_caps_item import SourceCapsItem # noqa: PLC0415
        from ..models.source_field_mappings import SourceFieldMappings # noqa: PLC0415
        from ..models.source_ping import SourcePing # noqa: PLC0415
        from ..models.source_pricing_type_0 import SourcePricingType0 # noqa: PLC0415
        id = self.id

        flow_id = self.flow_id

        name = self.name

        enabled = self.enabled

        field_mappings = self.field_mappings.to_dict()

        acceptance_criteria: None | str
        acceptance_criteria = self.acceptance_criteria

        caps = []
        for caps_item_data in self.caps:
            caps_item = caps_item_data.to_dict()
            caps.append(caps_item)



        pricing: dict[str, Any] | None
        if isinstance(self.pricing, SourcePricingType0):
            pricing = self.pricing.to_dict()
        else:
            pricing = self.pricing

        ping = self.ping.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "flow_id": flow_id,
            "name": name,
            "enabled": enabled,
            "field_mappings": field_mappings,
            "acceptance_criteria": acceptance_criteria,
            "caps": caps,
            "pricing": pricing,
            "ping": ping,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_caps_item import SourceCapsItem # noqa: PLC0415
        from ..models.source_field_mappings import SourceFieldMappings # noqa: PLC0415
        from ..models.source_ping import SourcePing # noqa: PLC0415
        from ..models.source_pricing_type_0 import SourcePricingType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        flow_id = d.pop("flow_id")

        name = d.pop("name")

        enabled = d.pop("enabled")

        field_mappings = SourceFieldMappings.from_dict(d.pop("field_mappings"))




        def _parse_acceptance_criteria(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acceptance_criteria = _parse_acceptance_criteria(d.pop("acceptance_criteria"))


        caps = []
        _caps = d.pop("caps")
        for caps_item_data in (_caps):
            caps_item = SourceCapsItem.from_dict(caps_item_data)



            caps.append(caps_item)


        def _parse_pricing(data: object) -> None | SourcePricingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pricing_type_0 = SourcePricingType0.from_dict(data)



                return pricing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SourcePricingType0, data)

        pricing = _parse_pricing(d.pop("pricing"))


        ping = SourcePing.from_dict(d.pop("ping"))




        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        source = cls(
            id=id,
            flow_id=flow_id,
            name=name,
            enabled=enabled,
            field_mappings=field_mappings,
            acceptance_criteria=acceptance_criteria,
            caps=caps,
            pricing=pricing,
            ping=ping,
            created_at=created_at,
            updated_at=updated_at,
        )


        source.additional_properties = d
        return source

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
