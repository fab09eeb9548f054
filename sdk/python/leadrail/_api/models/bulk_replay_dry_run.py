from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.bulk_replay_dry_run_leads_item import BulkReplayDryRunLeadsItem





T = TypeVar("T", bound="BulkReplayDryRun")



@_attrs_define
class BulkReplayDryRun:
    """ 
        Attributes:
            dry_run (bool):
            total (float):
            truncated (bool):
            leads (list[BulkReplayDryRunLeadsItem]):
     """

    dry_run: bool
    total: float
    truncated: bool
    leads: list[BulkReplayDryRunLeadsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bulk_replay_dry_run_leads_item import BulkReplayDryRunLeadsItem # noqa: PLC0415
        dry_run = self.dry_run

        total = self.total

        truncated = self.truncated

        leads = []
        for leads_item_data in self.leads:
            leads_item = leads_item_data.to_dict()
            leads.append(leads_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dry_run": dry_run,
            "total": total,
            "truncated": truncated,
            "leads": leads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_replay_dry_run_leads_item import BulkReplayDryRunLeadsItem # noqa: PLC0415
        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        total = d.pop("total")

        truncated = d.pop("truncated")

        leads = []
        _leads = d.pop("leads")
        for leads_item_data in (_leads):
            leads_item = BulkReplayDryRunLeadsItem.from_dict(leads_item_data)



            leads.append(leads_item)


        bulk_replay_dry_run = cls(
            dry_run=dry_run,
            total=total,
            truncated=truncated,
            leads=leads,
        )


        bulk_replay_dry_run.additional_properties = d
        return bulk_replay_dry_run

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
