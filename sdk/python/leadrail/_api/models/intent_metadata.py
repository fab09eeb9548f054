from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IntentMetadata")



@_attrs_define
class IntentMetadata:
    """ 
        Attributes:
            total_leads (int): Eligible companies with any evidence for the query
            query_processed (str):
            processing_time_ms (float): End-to-end time in the API, Temporal workflow included
            cost_usd (float): Cost model: measured CPU time x price + LLM tokens
            llm_calls (int):
            cache_hit_rate (float): Result-cache hits / lookups of this engine since it loaded
     """

    total_leads: int
    query_processed: str
    processing_time_ms: float
    cost_usd: float
    llm_calls: int
    cache_hit_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total_leads = self.total_leads

        query_processed = self.query_processed

        processing_time_ms = self.processing_time_ms

        cost_usd = self.cost_usd

        llm_calls = self.llm_calls

        cache_hit_rate = self.cache_hit_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_leads": total_leads,
            "query_processed": query_processed,
            "processing_time_ms": processing_time_ms,
            "cost_usd": cost_usd,
            "llm_calls": llm_calls,
            "cache_hit_rate": cache_hit_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_leads = d.pop("total_leads")

        query_processed = d.pop("query_processed")

        processing_time_ms = d.pop("processing_time_ms")

        cost_usd = d.pop("cost_usd")

        llm_calls = d.pop("llm_calls")

        cache_hit_rate = d.pop("cache_hit_rate")

        intent_metadata = cls(
            total_leads=total_leads,
            query_processed=query_processed,
            processing_time_ms=processing_time_ms,
            cost_usd=cost_usd,
            llm_calls=llm_calls,
            cache_hit_rate=cache_hit_rate,
        )


        intent_metadata.additional_properties = d
        return intent_metadata

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
