from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.intent_import_result_engine_type_0 import IntentImportResultEngineType0
  from ..models.intent_import_result_errors_item import IntentImportResultErrorsItem





T = TypeVar("T", bound="IntentImportResult")



@_attrs_define
class IntentImportResult:
    """ 
        Attributes:
            inserted (int):
            updated (int):
            unchanged (int):
            error_count (int):
            errors (list[IntentImportResultErrorsItem]):
            engine (IntentImportResultEngineType0 | None):
            reloaded (bool):
     """

    inserted: int
    updated: int
    unchanged: int
    error_count: int
    errors: list[IntentImportResultErrorsItem]
    engine: IntentImportResultEngineType0 | None
    reloaded: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.intent_import_result_engine_type_0 import IntentImportResultEngineType0 # noqa: PLC0415
        from ..models.intent_import_result_errors_item import IntentImportResultErrorsItem # noqa: PLC0415
        inserted = self.inserted

        updated = self.updated

        unchanged = self.unchanged

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        engine: dict[str, Any] | None
        if isinstance(self.engine, IntentImportResultEngineType0):
            engine = self.engine.to_dict()
        else:
            engine = self.engine

        reloaded = self.reloaded


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inserted": inserted,
            "updated": updated,
            "unchanged": unchanged,
            "error_count": error_count,
            "errors": errors,
            "engine": engine,
            "reloaded": reloaded,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intent_import_result_engine_type_0 import IntentImportResultEngineType0 # noqa: PLC0415
        from ..models.intent_import_result_errors_item import IntentImportResultErrorsItem # noqa: PLC0415
        d = dict(src_dict)
        inserted = d.pop("inserted")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = IntentImportResultErrorsItem.from_dict(errors_item_data)



            errors.append(errors_item)


        def _parse_engine(data: object) -> IntentImportResultEngineType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                engine_type_0 = IntentImportResultEngineType0.from_dict(data)



                return engine_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntentImportResultEngineType0 | None, data)

        engine = _parse_engine(d.pop("engine"))


        reloaded = d.pop("reloaded")

        intent_import_result = cls(
            inserted=inserted,
            updated=updated,
            unchanged=unchanged,
            error_count=error_count,
            errors=errors,
            engine=engine,
            reloaded=reloaded,
        )


        intent_import_result.additional_properties = d
        return intent_import_result

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
