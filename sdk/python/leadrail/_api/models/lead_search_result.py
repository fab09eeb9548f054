from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.lead_summary import LeadSummary





T = TypeVar("T", bound="LeadSearchResult")



@_attrs_define
class LeadSearchResult:
    """ 
        Attributes:
            total_count (int):
            page_count (int):
            current_page (int): 1-based; offset / limit + 1
            per_page (int):
            leads (list[LeadSummary]):
     """

    total_count: int
    page_count: int
    current_page: int
    per_page: int
    leads: list[LeadSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_summary import LeadSummary # noqa: PLC0415
        total_count = self.total_count

        page_count = self.page_count

        current_page = self.current_page

        per_page = self.per_page

        leads = []
        for leads_item_data in self.leads:
            leads_item = leads_item_data.to_dict()
            leads.append(leads_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_count": total_count,
            "page_count": page_count,
            "current_page": current_page,
            "per_page": per_page,
            "leads": leads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_summary import LeadSummary # noqa: PLC0415
        d = dict(src_dict)
        total_count = d.pop("total_count")

        page_count = d.pop("page_count")

        current_page = d.pop("current_page")

        per_page = d.pop("per_page")

        leads = []
        _leads = d.pop("leads")
        for leads_item_data in (_leads):
            leads_item = LeadSummary.from_dict(leads_item_data)



            leads.append(leads_item)


        lead_search_result = cls(
            total_count=total_count,
            page_count=page_count,
            current_page=current_page,
            per_page=per_page,
            leads=leads,
        )


        lead_search_result.additional_properties = d
        return lead_search_result

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
