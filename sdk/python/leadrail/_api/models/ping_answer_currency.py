from typing import Literal

PingAnswerCurrency = Literal['USD']

PING_ANSWER_CURRENCY_VALUES: set[PingAnswerCurrency] = { 'USD',  }

def check_ping_answer_currency(value: str) -> PingAnswerCurrency:
    if value in PING_ANSWER_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PING_ANSWER_CURRENCY_VALUES!r}")
