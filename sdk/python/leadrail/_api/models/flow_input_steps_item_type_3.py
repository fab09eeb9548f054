from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_steps_item_type_3_action import check_flow_input_steps_item_type_3_action
from ..models.flow_input_steps_item_type_3_action import FlowInputStepsItemType3Action
from ..models.flow_input_steps_item_type_3_type import check_flow_input_steps_item_type_3_type
from ..models.flow_input_steps_item_type_3_type import FlowInputStepsItemType3Type
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputStepsItemType3")



@_attrs_define
class FlowInputStepsItemType3:
    """ 
        Attributes:
            type_ (FlowInputStepsItemType3Type):
            list_ids (list[str]): Suppression lists of this account to check, in order
            name (str | Unset):
            fields (list[str] | None | Unset): Lead fields to check, read as the list's type; null: by list type (phone
                lists every phone field, email lists every email field, domain lists the email domains and URL fields)
            action (FlowInputStepsItemType3Action | Unset): reject: the lead stops here; flag: the lead goes on, marked in
                its enhancements and events Default: 'reject'.
     """

    type_: FlowInputStepsItemType3Type
    list_ids: list[str]
    name: str | Unset = UNSET
    fields: list[str] | None | Unset = UNSET
    action: FlowInputStepsItemType3Action | Unset = 'reject'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        list_ids = self.list_ids



        name = self.name

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = self.fields


        else:
            fields = self.fields

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "list_ids": list_ids,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if fields is not UNSET:
            field_dict["fields"] = fields
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_flow_input_steps_item_type_3_type(d.pop("type"))




        list_ids = cast(list[str], d.pop("list_ids"))


        name = d.pop("name", UNSET)

        def _parse_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = cast(list[str], data)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))


        _action = d.pop("action", UNSET)
        action: FlowInputStepsItemType3Action | Unset
        if isinstance(_action,  Unset):
            action = UNSET
        else:
            action = check_flow_input_steps_item_type_3_action(_action)




        flow_input_steps_item_type_3 = cls(
            type_=type_,
            list_ids=list_ids,
            name=name,
            fields=fields,
            action=action,
        )


        flow_input_steps_item_type_3.additional_properties = d
        return flow_input_steps_item_type_3

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
