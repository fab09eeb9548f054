from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IntentImportResultEngineType0")



@_attrs_define
class IntentImportResultEngineType0:
    """ 
        Attributes:
            generation (int):
            companies (int):
            signals (int):
            as_of (str):
            loaded_at (str):
            read_ms (float):
            build_ms (float):
     """

    generation: int
    companies: int
    signals: int
    as_of: str
    loaded_at: str
    read_ms: float
    build_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        generation = self.generation

        companies = self.companies

        signals = self.signals

        as_of = self.as_of

        loaded_at = self.loaded_at

        read_ms = self.read_ms

        build_ms = self.build_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "generation": generation,
            "companies": companies,
            "signals": signals,
            "as_of": as_of,
            "loaded_at": loaded_at,
            "read_ms": read_ms,
            "build_ms": build_ms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        generation = d.pop("generation")

        companies = d.pop("companies")

        signals = d.pop("signals")

        as_of = d.pop("as_of")

        loaded_at = d.pop("loaded_at")

        read_ms = d.pop("read_ms")

        build_ms = d.pop("build_ms")

        intent_import_result_engine_type_0 = cls(
            generation=generation,
            companies=companies,
            signals=signals,
            as_of=as_of,
            loaded_at=loaded_at,
            read_ms=read_ms,
            build_ms=build_ms,
        )


        intent_import_result_engine_type_0.additional_properties = d
        return intent_import_result_engine_type_0

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
