from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_database import check_health_database
from ..models.health_database import HealthDatabase
from ..models.health_llm_service import check_health_llm_service
from ..models.health_llm_service import HealthLlmService
from ..models.health_status import check_health_status
from ..models.health_status import HealthStatus
from ..models.health_temporal import check_health_temporal
from ..models.health_temporal import HealthTemporal
from typing import cast






T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (HealthStatus):
            timestamp (str):
            version (str):
            uptime_seconds (float):
            database (HealthDatabase):
            temporal (HealthTemporal):
            llm_service (HealthLlmService):
     """

    status: HealthStatus
    timestamp: str
    version: str
    uptime_seconds: float
    database: HealthDatabase
    temporal: HealthTemporal
    llm_service: HealthLlmService
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        timestamp = self.timestamp

        version = self.version

        uptime_seconds = self.uptime_seconds

        database: str = self.database

        temporal: str = self.temporal

        llm_service: str = self.llm_service


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "timestamp": timestamp,
            "version": version,
            "uptime_seconds": uptime_seconds,
            "database": database,
            "temporal": temporal,
            "llm_service": llm_service,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_health_status(d.pop("status"))




        timestamp = d.pop("timestamp")

        version = d.pop("version")

        uptime_seconds = d.pop("uptime_seconds")

        database = check_health_database(d.pop("database"))




        temporal = check_health_temporal(d.pop("temporal"))




        llm_service = check_health_llm_service(d.pop("llm_service"))




        health = cls(
            status=status,
            timestamp=timestamp,
            version=version,
            uptime_seconds=uptime_seconds,
            database=database,
            temporal=temporal,
            llm_service=llm_service,
        )


        health.additional_properties = d
        return health

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
