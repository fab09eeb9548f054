from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ping_answer_code_type_1 import check_ping_answer_code_type_1
from ..models.ping_answer_code_type_1 import PingAnswerCodeType1
from ..models.ping_answer_code_type_2_type_1 import check_ping_answer_code_type_2_type_1
from ..models.ping_answer_code_type_2_type_1 import PingAnswerCodeType2Type1
from ..models.ping_answer_code_type_3_type_1 import check_ping_answer_code_type_3_type_1
from ..models.ping_answer_code_type_3_type_1 import PingAnswerCodeType3Type1
from ..models.ping_answer_currency import check_ping_answer_currency
from ..models.ping_answer_currency import PingAnswerCurrency
from ..models.ping_answer_outcome import check_ping_answer_outcome
from ..models.ping_answer_outcome import PingAnswerOutcome
from typing import cast






T = TypeVar("T", bound="PingAnswer")



@_attrs_define
class PingAnswer:
    """ 
        Attributes:
            ping_id (str):
            outcome (PingAnswerOutcome):
            bid (float | None): What the lead is bought for if posted before expires_at
            currency (PingAnswerCurrency):
            expires_at (None | str):
            reason (None | str): Why there is no bid
            code (None | PingAnswerCodeType1 | PingAnswerCodeType2Type1 | PingAnswerCodeType3Type1): no_bid: which rule said
                no
     """

    ping_id: str
    outcome: PingAnswerOutcome
    bid: float | None
    currency: PingAnswerCurrency
    expires_at: None | str
    reason: None | str
    code: None | PingAnswerCodeType1 | PingAnswerCodeType2Type1 | PingAnswerCodeType3Type1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ping_id = self.ping_id

        outcome: str = self.outcome

        bid: float | None
        bid = self.bid

        currency: str = self.currency

        expires_at: None | str
        expires_at = self.expires_at

        reason: None | str
        reason = self.reason

        code: None | str
        if isinstance(self.code, str):
            code = self.code
        elif isinstance(self.code, str):
            code = self.code
        elif isinstance(self.code, str):
            code = self.code
        else:
            code = self.code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ping_id": ping_id,
            "outcome": outcome,
            "bid": bid,
            "currency": currency,
            "expires_at": expires_at,
            "reason": reason,
            "code": code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ping_id = d.pop("ping_id")

        outcome = check_ping_answer_outcome(d.pop("outcome"))




        def _parse_bid(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        bid = _parse_bid(d.pop("bid"))


        currency = check_ping_answer_currency(d.pop("currency"))




        def _parse_expires_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_code(data: object) -> None | PingAnswerCodeType1 | PingAnswerCodeType2Type1 | PingAnswerCodeType3Type1:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_1 = check_ping_answer_code_type_1(data)



                return code_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_2_type_1 = check_ping_answer_code_type_2_type_1(data)



                return code_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_3_type_1 = check_ping_answer_code_type_3_type_1(data)



                return code_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PingAnswerCodeType1 | PingAnswerCodeType2Type1 | PingAnswerCodeType3Type1, data)

        code = _parse_code(d.pop("code"))


        ping_answer = cls(
            ping_id=ping_id,
            outcome=outcome,
            bid=bid,
            currency=currency,
            expires_at=expires_at,
            reason=reason,
            code=code,
        )


        ping_answer.additional_properties = d
        return ping_answer

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
