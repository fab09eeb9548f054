from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.query_quality_alert import QueryQualityAlert
  from ..models.query_quality_alerts_summary import QueryQualityAlertsSummary





T = TypeVar("T", bound="QueryQualityAlerts")



@_attrs_define
class QueryQualityAlerts:
    """ 
        Attributes:
            alerts (list[QueryQualityAlert]):
            summary (QueryQualityAlertsSummary):
            bucket_seconds (int):
            window_hours (int):
     """

    alerts: list[QueryQualityAlert]
    summary: QueryQualityAlertsSummary
    bucket_seconds: int
    window_hours: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.query_quality_alert import QueryQualityAlert # noqa: PLC0415
        from ..models.query_quality_alerts_summary import QueryQualityAlertsSummary # noqa: PLC0415
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)



        summary = self.summary.to_dict()

        bucket_seconds = self.bucket_seconds

        window_hours = self.window_hours


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alerts": alerts,
            "summary": summary,
            "bucket_seconds": bucket_seconds,
            "window_hours": window_hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_quality_alert import QueryQualityAlert # noqa: PLC0415
        from ..models.query_quality_alerts_summary import QueryQualityAlertsSummary # noqa: PLC0415
        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in (_alerts):
            alerts_item = QueryQualityAlert.from_dict(alerts_item_data)



            alerts.append(alerts_item)


        summary = QueryQualityAlertsSummary.from_dict(d.pop("summary"))




        bucket_seconds = d.pop("bucket_seconds")

        window_hours = d.pop("window_hours")

        query_quality_alerts = cls(
            alerts=alerts,
            summary=summary,
            bucket_seconds=bucket_seconds,
            window_hours=window_hours,
        )


        query_quality_alerts.additional_properties = d
        return query_quality_alerts

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
