from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import httpx

from ._api.api.intent import post_query
from ._api.api.leads import get_leads, get_leads_lead_id, post_flows_flow_id_leads, post_flows_flow_id_leads_batch
from ._api.api.operations import post_leads_lead_id_replay
from ._api.api.webhooks import get_webhooks_secret, post_webhooks_secret_rotate
from ._api.client import AuthenticatedClient
from ._api.models.intent_query_request import IntentQueryRequest
from ._api.models.lead_batch import LeadBatch
from ._api.models.submit_lead import SubmitLead
from ._api.models.webhook_secret_rotation import WebhookSecretRotation
from ._api.types import UNSET
from .errors import LeadrailApiError

JSON = dict[str, Any]


def _json(response: Any) -> Any:
    if response.status_code >= 400:
        raise LeadrailApiError.from_response(response)
    return json.loads(response.content) if response.content else None


def _given(**values: Any) -> JSON:
    return {name: value for name, value in values.items() if value is not None}


class LeadrailClient:
    """The Leadrail API. Every method returns the decoded JSON answer and raises LeadrailApiError otherwise.

    >>> client = LeadrailClient(api_key="lr_live_...", base_url="http://localhost:3000")
    >>> lead = client.submit_lead("flow_...", {"first_name": "John", "email": "john@example.com"})
    """

    def __init__(self, api_key: str, base_url: str = "http://localhost:3000", *, timeout: float = 30.0) -> None:
        if not api_key:
            raise ValueError("LeadrailClient needs an api_key")
        self._client = AuthenticatedClient(base_url=base_url.rstrip("/"), token=api_key, timeout=httpx.Timeout(timeout))

    # Leads

    def submit_lead(
        self,
        flow_id: str,
        lead: Mapping[str, Any],
        *,
        external_id: str | None = None,
        trusted_form_cert_url: str | None = None,
        test_mode: bool | None = None,
        asynchronous: bool | None = None,
        timeout: int | None = None,
        idempotency_key: str | None = None,
    ) -> JSON:
        """Submits one lead: 201 with its outcome, or 202 while it is still processing."""
        options = _given(test_mode=test_mode, timeout=timeout, **{"async": asynchronous})
        body = SubmitLead.from_dict(
            _given(
                lead=dict(lead),
                external_id=external_id,
                trusted_form_cert_url=trusted_form_cert_url,
                options=options or None,
            )
        )
        return _json(
            post_flows_flow_id_leads.sync_detailed(
                flow_id, client=self._client, body=body, idempotency_key=idempotency_key or UNSET
            )
        )

    def submit_batch(
        self,
        flow_id: str,
        leads: list[Mapping[str, Any]],
        *,
        continue_on_error: bool | None = None,
        test_mode: bool | None = None,
    ) -> JSON:
        """Submits up to 1000 leads (each ``{"lead": {...}, "external_id": ...}``); 207 with a result per lead."""
        options = _given(continue_on_error=continue_on_error, test_mode=test_mode)
        body = LeadBatch.from_dict(_given(leads=[dict(item) for item in leads], options=options or None))
        return _json(post_flows_flow_id_leads_batch.sync_detailed(flow_id, client=self._client, body=body))

    def get_lead(self, lead_id: str) -> JSON:
        return _json(get_leads_lead_id.sync_detailed(lead_id, client=self._client))

    def search_leads(self, **filters: Any) -> JSON:
        """One page of ``GET /leads``: filters flow_id, status, source, campaign, external_id, test_mode,
        created_after, created_before, limit, offset."""
        return _json(get_leads.sync_detailed(client=self._client, **{k: v for k, v in filters.items() if v is not None}))

    def iter_leads(self, *, page_size: int = 100, **filters: Any) -> Iterator[JSON]:
        """Every lead matching the filters, fetching page after page."""
        offset = 0
        while True:
            page = self.search_leads(**filters, limit=page_size, offset=offset)
            yield from page["leads"]
            offset += len(page["leads"])
            if not page["leads"] or offset >= page["total"]:
                return

    # Operations

    def replay_lead(self, lead_id: str, *, recipient_id: str | None = None, force: bool | None = None) -> JSON:
        """Re-sends a failed delivery (``POST /leads/{id}/replay``)."""
        from ._api.models.replay_request_type_0 import ReplayRequestType0

        body = ReplayRequestType0.from_dict(_given(recipient_id=recipient_id, force=force))
        return _json(post_leads_lead_id_replay.sync_detailed(lead_id, client=self._client, body=body))

    # Intent

    def query_intent(self, prompt: str, **options: Any) -> JSON:
        """Ranks companies by purchase intent (``POST /query``); options: filters, limit, ..."""
        body = IntentQueryRequest.from_dict({"prompt": prompt, **options})
        return _json(post_query.sync_detailed(client=self._client, body=body))

    # Webhook signing secret (admin scope, live key)

    def get_webhook_secret(self) -> JSON:
        return _json(get_webhooks_secret.sync_detailed(client=self._client))

    def rotate_webhook_secret(self, *, overlap_seconds: int | None = None) -> JSON:
        body = WebhookSecretRotation.from_dict(_given(overlap_seconds=overlap_seconds))
        return _json(post_webhooks_secret_rotate.sync_detailed(client=self._client, body=body))
