from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.query_quality_alert_severity import check_query_quality_alert_severity
from ..models.query_quality_alert_severity import QueryQualityAlertSeverity
from ..models.query_quality_alert_status import check_query_quality_alert_status
from ..models.query_quality_alert_status import QueryQualityAlertStatus
from ..models.query_quality_alert_type import check_query_quality_alert_type
from ..models.query_quality_alert_type import QueryQualityAlertType
from typing import cast






T = TypeVar("T", bound="QueryQualityAlert")



@_attrs_define
class QueryQualityAlert:
    """ 
        Attributes:
            alert_id (str):
            type_ (QueryQualityAlertType):
            severity (QueryQualityAlertSeverity):
            message (str):
            threshold (float):
            current_value (float): The metric in the latest bucket with data
            peak_value (float):
            created_at (str):
            resolved_at (None | str): null while the alert is still open
            status (QueryQualityAlertStatus):
     """

    alert_id: str
    type_: QueryQualityAlertType
    severity: QueryQualityAlertSeverity
    message: str
    threshold: float
    current_value: float
    peak_value: float
    created_at: str
    resolved_at: None | str
    status: QueryQualityAlertStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alert_id = self.alert_id

        type_: str = self.type_

        severity: str = self.severity

        message = self.message

        threshold = self.threshold

        current_value = self.current_value

        peak_value = self.peak_value

        created_at = self.created_at

        resolved_at: None | str
        resolved_at = self.resolved_at

        status: str = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alert_id": alert_id,
            "type": type_,
            "severity": severity,
            "message": message,
            "threshold": threshold,
            "current_value": current_value,
            "peak_value": peak_value,
            "created_at": created_at,
            "resolved_at": resolved_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alert_id = d.pop("alert_id")

        type_ = check_query_quality_alert_type(d.pop("type"))




        severity = check_query_quality_alert_severity(d.pop("severity"))




        message = d.pop("message")

        threshold = d.pop("threshold")

        current_value = d.pop("current_value")

        peak_value = d.pop("peak_value")

        created_at = d.pop("created_at")

        def _parse_resolved_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        status = check_query_quality_alert_status(d.pop("status"))




        query_quality_alert = cls(
            alert_id=alert_id,
            type_=type_,
            severity=severity,
            message=message,
            threshold=threshold,
            current_value=current_value,
            peak_value=peak_value,
            created_at=created_at,
            resolved_at=resolved_at,
            status=status,
        )


        query_quality_alert.additional_properties = d
        return query_quality_alert

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
