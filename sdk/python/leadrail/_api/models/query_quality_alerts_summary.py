from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="QueryQualityAlertsSummary")



@_attrs_define
class QueryQualityAlertsSummary:
    """ 
        Attributes:
            total_alerts (int):
            active_alerts (int):
            critical_alerts (int):
            warning_alerts (int):
            info_alerts (int):
     """

    total_alerts: int
    active_alerts: int
    critical_alerts: int
    warning_alerts: int
    info_alerts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total_alerts = self.total_alerts

        active_alerts = self.active_alerts

        critical_alerts = self.critical_alerts

        warning_alerts = self.warning_alerts

        info_alerts = self.info_alerts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total_alerts": total_alerts,
            "active_alerts": active_alerts,
            "critical_alerts": critical_alerts,
            "warning_alerts": warning_alerts,
            "info_alerts": info_alerts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_alerts = d.pop("total_alerts")

        active_alerts = d.pop("active_alerts")

        critical_alerts = d.pop("critical_alerts")

        warning_alerts = d.pop("warning_alerts")

        info_alerts = d.pop("info_alerts")

        query_quality_alerts_summary = cls(
            total_alerts=total_alerts,
            active_alerts=active_alerts,
            critical_alerts=critical_alerts,
            warning_alerts=warning_alerts,
            info_alerts=info_alerts,
        )


        query_quality_alerts_summary.additional_properties = d
        return query_quality_alerts_summary

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
