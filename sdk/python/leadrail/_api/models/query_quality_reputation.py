from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.query_quality_reputation_throttle_status import check_query_quality_reputation_throttle_status
from ..models.query_quality_reputation_throttle_status import QueryQualityReputationThrottleStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.query_quality_reputation_components import QueryQualityReputationComponents





T = TypeVar("T", bound="QueryQualityReputation")



@_attrs_define
class QueryQualityReputation:
    """ 
        Attributes:
            api_key (str): The key’s display prefix, never the secret
            reputation_score (float):
            total_queries (int):
            successful_queries (int):
            failed_queries (int):
            average_response_time_ms (float | None): Mean query latency over the window; null when the key made no query in
                it
            cost_efficiency (float):
            throttle_status (QueryQualityReputationThrottleStatus):
            throttle_reason (None | str): Why the key is throttled; null when it is not
            recommendations (list[str]):
            threshold (float): Throttled under this score
            window_hours (int):
            components (QueryQualityReputationComponents):
     """

    api_key: str
    reputation_score: float
    total_queries: int
    successful_queries: int
    failed_queries: int
    average_response_time_ms: float | None
    cost_efficiency: float
    throttle_status: QueryQualityReputationThrottleStatus
    throttle_reason: None | str
    recommendations: list[str]
    threshold: float
    window_hours: int
    components: QueryQualityReputationComponents
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.query_quality_reputation_components import QueryQualityReputationComponents # noqa: PLC0415
        api_key = self.api_key

        reputation_score = self.reputation_score

        total_queries = self.total_queries

        successful_queries = self.successful_queries

        failed_queries = self.failed_queries

        average_response_time_ms: float | None
        average_response_time_ms = self.average_response_time_ms

        cost_efficiency = self.cost_efficiency

        throttle_status: str = self.throttle_status

        throttle_reason: None | str
        throttle_reason = self.throttle_reason

        recommendations = self.recommendations



        threshold = self.threshold

        window_hours = self.window_hours

        components = self.components.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_key": api_key,
            "reputation_score": reputation_score,
            "total_queries": total_queries,
            "successful_queries": successful_queries,
            "failed_queries": failed_queries,
            "average_response_time_ms": average_response_time_ms,
            "cost_efficiency": cost_efficiency,
            "throttle_status": throttle_status,
            "throttle_reason": throttle_reason,
            "recommendations": recommendations,
            "threshold": threshold,
            "window_hours": window_hours,
            "components": components,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_quality_reputation_components import QueryQualityReputationComponents # noqa: PLC0415
        d = dict(src_dict)
        api_key = d.pop("api_key")

        reputation_score = d.pop("reputation_score")

        total_queries = d.pop("total_queries")

        successful_queries = d.pop("successful_queries")

        failed_queries = d.pop("failed_queries")

        def _parse_average_response_time_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_response_time_ms = _parse_average_response_time_ms(d.pop("average_response_time_ms"))


        cost_efficiency = d.pop("cost_efficiency")

        throttle_status = check_query_quality_reputation_throttle_status(d.pop("throttle_status"))




        def _parse_throttle_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        throttle_reason = _parse_throttle_reason(d.pop("throttle_reason"))


        recommendations = cast(list[str], d.pop("recommendations"))


        threshold = d.pop("threshold")

        window_hours = d.pop("window_hours")

        components = QueryQualityReputationComponents.from_dict(d.pop("components"))




        query_quality_reputation = cls(
            api_key=api_key,
            reputation_score=reputation_score,
            total_queries=total_queries,
            successful_queries=successful_queries,
            failed_queries=failed_queries,
            average_response_time_ms=average_response_time_ms,
            cost_efficiency=cost_efficiency,
            throttle_status=throttle_status,
            throttle_reason=throttle_reason,
            recommendations=recommendations,
            threshold=threshold,
            window_hours=window_hours,
            components=components,
        )


        query_quality_reputation.additional_properties = d
        return query_quality_reputation

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
