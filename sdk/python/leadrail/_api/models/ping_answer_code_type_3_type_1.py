from typing import Literal

PingAnswerCodeType3Type1 = Literal['cap', 'criteria', 'price']

PING_ANSWER_CODE_TYPE_3_TYPE_1_VALUES: set[PingAnswerCodeType3Type1] = { 'cap', 'criteria', 'price',  }

def check_ping_answer_code_type_3_type_1(value: str) -> PingAnswerCodeType3Type1:
    if value in PING_ANSWER_CODE_TYPE_3_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_ANSWER_CODE_TYPE_3_TYPE_1_VALUES!r}")
