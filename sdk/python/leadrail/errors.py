from __future__ import annotations

import json
from typing import Any


class LeadrailApiError(Exception):
    """A non-2xx answer, with the documented error fields (both the lead API's and the intent API's format)."""

    def __init__(self, status: int, body: Any, headers: dict[str, str]) -> None:
        error = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
        self.status = status
        self.code: str = error.get("code") or "http_error"
        self.message: str = error.get("message") or f"HTTP {status}"
        self.details: Any = error.get("details")
        top = body if isinstance(body, dict) else {}
        self.request_id: str | None = error.get("request_id") or top.get("request_id") or headers.get("x-request-id")
        retry_after = headers.get("retry-after")
        self.retry_after: float | None = float(retry_after) if retry_after is not None else None
        self.body = body
        super().__init__(f"{status} {self.code}: {self.message}")

    @classmethod
    def from_response(cls, response: Any) -> LeadrailApiError:
        try:
            body = json.loads(response.content) if response.content else None
        except ValueError:
            body = response.content.decode("utf-8", "replace")
        return cls(int(response.status_code), body, {k.lower(): v for k, v in response.headers.items()})
