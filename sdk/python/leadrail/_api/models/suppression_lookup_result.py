from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.suppression_lookup_result_results_item import SuppressionLookupResultResultsItem





T = TypeVar("T", bound="SuppressionLookupResult")



@_attrs_define
class SuppressionLookupResult:
    """ 
        Attributes:
            list_id (str):
            results (list[SuppressionLookupResultResultsItem]):
     """

    list_id: str
    results: list[SuppressionLookupResultResultsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.suppression_lookup_result_results_item import SuppressionLookupResultResultsItem # noqa: PLC0415
        list_id = self.list_id

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "list_id": list_id,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suppression_lookup_result_results_item import SuppressionLookupResultResultsItem # noqa: PLC0415
        d = dict(src_dict)
        list_id = d.pop("list_id")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SuppressionLookupResultResultsItem.from_dict(results_item_data)



            results.append(results_item)


        suppression_lookup_result = cls(
            list_id=list_id,
            results=results,
        )


        suppression_lookup_result.additional_properties = d
        return suppression_lookup_result

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
