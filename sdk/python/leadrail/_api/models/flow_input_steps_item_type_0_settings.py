from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputStepsItemType0Settings")



@_attrs_define
class FlowInputStepsItemType0Settings:
    """ 
        Attributes:
            require_valid (bool | Unset):  Default: False.
            check_mx (bool | Unset):  Default: True.
            reject_disposable (bool | Unset):  Default: False.
            fields (list[str] | Unset):
            lookback_days (int | Unset):  Default: 30.
            claim_url (None | str | Unset): trustedform: claim certificates at this service (off when null)
            max_age_days (int | Unset): trustedform: oldest certificate accepted Default: 90.
     """

    require_valid: bool | Unset = False
    check_mx: bool | Unset = True
    reject_disposable: bool | Unset = False
    fields: list[str] | Unset = UNSET
    lookback_days: int | Unset = 30
    claim_url: None | str | Unset = UNSET
    max_age_days: int | Unset = 90
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        require_valid = self.require_valid

        check_mx = self.check_mx

        reject_disposable = self.reject_disposable

        fields: list[str] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields



        lookback_days = self.lookback_days

        claim_url: None | str | Unset
        if isinstance(self.claim_url, Unset):
            claim_url = UNSET
        else:
            claim_url = self.claim_url

        max_age_days = self.max_age_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if require_valid is not UNSET:
            field_dict["require_valid"] = require_valid
        if check_mx is not UNSET:
            field_dict["check_mx"] = check_mx
        if reject_disposable is not UNSET:
            field_dict["reject_disposable"] = reject_disposable
        if fields is not UNSET:
            field_dict["fields"] = fields
        if lookback_days is not UNSET:
            field_dict["lookback_days"] = lookback_days
        if claim_url is not UNSET:
            field_dict["claim_url"] = claim_url
        if max_age_days is not UNSET:
            field_dict["max_age_days"] = max_age_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        require_valid = d.pop("require_valid", UNSET)

        check_mx = d.pop("check_mx", UNSET)

        reject_disposable = d.pop("reject_disposable", UNSET)

        fields = cast(list[str], d.pop("fields", UNSET))


        lookback_days = d.pop("lookback_days", UNSET)

        def _parse_claim_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claim_url = _parse_claim_url(d.pop("claim_url", UNSET))


        max_age_days = d.pop("max_age_days", UNSET)

        flow_input_steps_item_type_0_settings = cls(
            require_valid=require_valid,
            check_mx=check_mx,
            reject_disposable=reject_disposable,
            fields=fields,
            lookback_days=lookback_days,
            claim_url=claim_url,
            max_age_days=max_age_days,
        )


        flow_input_steps_item_type_0_settings.additional_properties = d
        return flow_input_steps_item_type_0_settings

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
