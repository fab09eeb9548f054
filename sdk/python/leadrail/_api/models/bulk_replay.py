from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.bulk_replay_status import BulkReplayStatus
from ..models.bulk_replay_status import check_bulk_replay_status
from typing import cast






T = TypeVar("T", bound="BulkReplay")



@_attrs_define
class BulkReplay:
    """ 
        Attributes:
            id (str):
            status (BulkReplayStatus):
            processed (float):
            delivered (float):
            still_failed (float):
            skipped (float):
            errors (float):
            started_at (None | str):
            finished_at (None | str):
     """

    id: str
    status: BulkReplayStatus
    processed: float
    delivered: float
    still_failed: float
    skipped: float
    errors: float
    started_at: None | str
    finished_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        processed = self.processed

        delivered = self.delivered

        still_failed = self.still_failed

        skipped = self.skipped

        errors = self.errors

        started_at: None | str
        started_at = self.started_at

        finished_at: None | str
        finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "processed": processed,
            "delivered": delivered,
            "still_failed": still_failed,
            "skipped": skipped,
            "errors": errors,
            "started_at": started_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_bulk_replay_status(d.pop("status"))




        processed = d.pop("processed")

        delivered = d.pop("delivered")

        still_failed = d.pop("still_failed")

        skipped = d.pop("skipped")

        errors = d.pop("errors")

        def _parse_started_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_finished_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        bulk_replay = cls(
            id=id,
            status=status,
            processed=processed,
            delivered=delivered,
            still_failed=still_failed,
            skipped=skipped,
            errors=errors,
            started_at=started_at,
            finished_at=finished_at,
        )


        bulk_replay.additional_properties = d
        return bulk_replay

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
