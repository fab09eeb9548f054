"""Leadrail API client for Python.

``leadrail._api`` is generated from the API's OpenAPI document by openapi-python-client (``npm run
sdk:generate``; never edited by hand). This package is the thin idiomatic layer over it: snake_case
methods, a search iterator that pages for you, typed errors carrying ``code`` and ``request_id``, and
webhook signature verification.
"""

from .client import LeadrailClient
from .errors import LeadrailApiError
from .webhooks import verify_webhook

__all__ = ["LeadrailApiError", "LeadrailClient", "verify_webhook"]
