from typing import Literal

PingAnswerCodeType2Type1 = Literal['cap', 'criteria', 'price']

PING_ANSWER_CODE_TYPE_2_TYPE_1_VALUES: set[PingAnswerCodeType2Type1] = { 'cap', 'criteria', 'price',  }

def check_ping_answer_code_type_2_type_1(value: str) -> PingAnswerCodeType2Type1:
    if value in PING_ANSWER_CODE_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_ANSWER_CODE_TYPE_2_TYPE_1_VALUES!r}")
