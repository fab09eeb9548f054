from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.intent_query_request_filters import IntentQueryRequestFilters





T = TypeVar("T", bound="IntentQueryRequest")



@_attrs_define
class IntentQueryRequest:
    """ 
        Attributes:
            query (str):
            limit (int | Unset):  Default: 25.
            filters (IntentQueryRequestFilters | Unset):
     """

    query: str
    limit: int | Unset = 25
    filters: IntentQueryRequestFilters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.intent_query_request_filters import IntentQueryRequestFilters # noqa: PLC0415
        query = self.query

        limit = self.limit

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "query": query,
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if filters is not UNSET:
            field_dict["filters"] = filters

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intent_query_request_filters import IntentQueryRequestFilters # noqa: PLC0415
        d = dict(src_dict)
        query = d.pop("query")

        limit = d.pop("limit", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: IntentQueryRequestFilters | Unset
        if isinstance(_filters,  Unset):
            filters = UNSET
        else:
            filters = IntentQueryRequestFilters.from_dict(_filters)




        intent_query_request = cls(
            query=query,
            limit=limit,
            filters=filters,
        )


        intent_query_request.additional_properties = d
        return intent_query_request

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
