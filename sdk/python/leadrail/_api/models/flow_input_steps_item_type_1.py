from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flow_input_steps_item_type_1_outcome import check_flow_input_steps_item_type_1_outcome
from ..models.flow_input_steps_item_type_1_outcome import FlowInputStepsItemType1Outcome
from ..models.flow_input_steps_item_type_1_type import check_flow_input_steps_item_type_1_type
from ..models.flow_input_steps_item_type_1_type import FlowInputStepsItemType1Type
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FlowInputStepsItemType1")



@_attrs_define
class FlowInputStepsItemType1:
    """ 
        Attributes:
            type_ (FlowInputStepsItemType1Type):
            criteria (str): Leads matching this expression stop here. A CEL (cel.dev) expression that compiles to a boolean
                over `lead`, `parsed`, `source`, `campaign` and `submission`; checked when the flow is saved (400 with line and
                column).
            reason (str):
            name (str | Unset):
            outcome (FlowInputStepsItemType1Outcome | Unset):  Default: 'failure'.
     """

    type_: FlowInputStepsItemType1Type
    criteria: str
    reason: str
    name: str | Unset = UNSET
    outcome: FlowInputStepsItemType1Outcome | Unset = 'failure'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        criteria = self.criteria

        reason = self.reason

        name = self.name

        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "criteria": criteria,
            "reason": reason,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_flow_input_steps_item_type_1_type(d.pop("type"))




        criteria = d.pop("criteria")

        reason = d.pop("reason")

        name = d.pop("name", UNSET)

        _outcome = d.pop("outcome", UNSET)
        outcome: FlowInputStepsItemType1Outcome | Unset
        if isinstance(_outcome,  Unset):
            outcome = UNSET
        else:
            outcome = check_flow_input_steps_item_type_1_outcome(_outcome)




        flow_input_steps_item_type_1 = cls(
            type_=type_,
            criteria=criteria,
            reason=reason,
            name=name,
            outcome=outcome,
        )


        flow_input_steps_item_type_1.additional_properties = d
        return flow_input_steps_item_type_1

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
