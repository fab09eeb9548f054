from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.analytics_metrics import AnalyticsMetrics
  from ..models.analytics_period import AnalyticsPeriod





T = TypeVar("T", bound="Analytics")



@_attrs_define
class Analytics:
    """ 
        Attributes:
            period (AnalyticsPeriod):
            metrics (list[AnalyticsMetrics]):
     """

    period: AnalyticsPeriod
    metrics: list[AnalyticsMetrics]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.analytics_metrics import AnalyticsMetrics # noqa: PLC0415
        from ..models.analytics_period import AnalyticsPeriod # noqa: PLC0415
        period = self.period.to_dict()

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "period": period,
            "metrics": metrics,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analytics_metrics import AnalyticsMetrics # noqa: PLC0415
        from ..models.analytics_period import AnalyticsPeriod # noqa: PLC0415
        d = dict(src_dict)
        period = AnalyticsPeriod.from_dict(d.pop("period"))




        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in (_metrics):
            metrics_item = AnalyticsMetrics.from_dict(metrics_item_data)



            metrics.append(metrics_item)


        analytics = cls(
            period=period,
            metrics=metrics,
        )


        analytics.additional_properties = d
        return analytics

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
