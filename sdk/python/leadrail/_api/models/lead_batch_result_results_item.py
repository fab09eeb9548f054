from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lead_batch_result_results_item_status import check_lead_batch_result_results_item_status
from ..models.lead_batch_result_results_item_status import LeadBatchResultResultsItemStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lead_batch_result_results_item_error import LeadBatchResultResultsItemError





T = TypeVar("T", bound="LeadBatchResultResultsItem")



@_attrs_define
class LeadBatchResultResultsItem:
    """ 
        Attributes:
            external_id (None | str):
            status (LeadBatchResultResultsItemStatus):
            lead_id (str | Unset):
            lead_status (str | Unset):
            quality_score (float | None | Unset):
            error (LeadBatchResultResultsItemError | Unset):
     """

    external_id: None | str
    status: LeadBatchResultResultsItemStatus
    lead_id: str | Unset = UNSET
    lead_status: str | Unset = UNSET
    quality_score: float | None | Unset = UNSET
    error: LeadBatchResultResultsItemError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_batch_result_results_item_error import LeadBatchResultResultsItemError # noqa: PLC0415
        external_id: None | str
        external_id = self.external_id

        status: str = self.status

        lead_id = self.lead_id

        lead_status = self.lead_status

        quality_score: float | None | Unset
        if isinstance(self.quality_score, Unset):
            quality_score = UNSET
        else:
            quality_score = self.quality_score

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "external_id": external_id,
            "status": status,
        })
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if lead_status is not UNSET:
            field_dict["lead_status"] = lead_status
        if quality_score is not UNSET:
            field_dict["quality_score"] = quality_score
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_batch_result_results_item_error import LeadBatchResultResultsItemError # noqa: PLC0415
        d = dict(src_dict)
        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))


        status = check_lead_batch_result_results_item_status(d.pop("status"))




        lead_id = d.pop("lead_id", UNSET)

        lead_status = d.pop("lead_status", UNSET)

        def _parse_quality_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        quality_score = _parse_quality_score(d.pop("quality_score", UNSET))


        _error = d.pop("error", UNSET)
        error: LeadBatchResultResultsItemError | Unset
        if isinstance(_error,  Unset):
            error = UNSET
        else:
            error = LeadBatchResultResultsItemError.from_dict(_error)




        lead_batch_result_results_item = cls(
            external_id=external_id,
            status=status,
            lead_id=lead_id,
            lead_status=lead_status,
            quality_score=quality_score,
            error=error,
        )


        lead_batch_result_results_item.additional_properties = d
        return lead_batch_result_results_item

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
