from __future__ import annotations

import hashlib
import hmac
import time


def verify_webhook(
    secret: str,
    raw_body: bytes | str,
    signature_header: str,
    *,
    tolerance_seconds: int = 300,
    now: float | None = None,
) -> bool:
    """Checks ``X-Leadrail-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`` against the raw body.

    Valid when any ``v1`` is HMAC-SHA256 of ``<t>.<raw body>`` with ``secret`` and ``t`` is within
    ``tolerance_seconds`` of now. During a secret rotation's overlap the header carries one ``v1`` per
    secret, so either the old or the new secret verifies.
    """
    body = raw_body.encode("utf-8") if isinstance(raw_body, str) else raw_body
    pairs = [part.strip().split("=", 1) for part in (signature_header or "").split(",") if "=" in part]
    timestamp = next((value for name, value in pairs if name == "t"), "")
    if not timestamp.isdigit():
        return False
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance_seconds:
        return False
    expected = hmac.new(secret.encode("utf-8"), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return any(name == "v1" and hmac.compare_digest(value, expected) for name, value in pairs)
