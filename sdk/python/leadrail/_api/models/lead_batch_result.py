from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.lead_batch_result_results_item import LeadBatchResultResultsItem





T = TypeVar("T", bound="LeadBatchResult")



@_attrs_define
class LeadBatchResult:
    """ 
        Attributes:
            batch_id (str):
            total_leads (float):
            successful (float):
            failed (float):
            results (list[LeadBatchResultResultsItem]):
     """

    batch_id: str
    total_leads: float
    successful: float
    failed: float
    results: list[LeadBatchResultResultsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_batch_result_results_item import LeadBatchResultResultsItem # noqa: PLC0415
        batch_id = self.batch_id

        total_leads = self.total_leads

        successful = self.successful

        failed = self.failed

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "batch_id": batch_id,
            "total_leads": total_leads,
            "successful": successful,
            "failed": failed,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_batch_result_results_item import LeadBatchResultResultsItem # noqa: PLC0415
        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        total_leads = d.pop("total_leads")

        successful = d.pop("successful")

        failed = d.pop("failed")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = LeadBatchResultResultsItem.from_dict(results_item_data)



            results.append(results_item)


        lead_batch_result = cls(
            batch_id=batch_id,
            total_leads=total_leads,
            successful=successful,
            failed=failed,
            results=results,
        )


        lead_batch_result.additional_properties = d
        return lead_batch_result

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
