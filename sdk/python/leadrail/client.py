from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import httpx

from ._api.api.intent import post_query
from ._api.api.leads import get_leads, get_leads_lead_id, post_flows_flow_id_leads, post_flows_flow_id_leads_batch
from ._api.api.operations import post_leads_lead_id_replay
from ._api.api.webhooks import get_webhooks_secret, post_webhooks_secret_rotate
from ._api.client import AuthenticatedClient
from ._api.models.intent_query_request import IntentQueryRequest
from ._api.models.lead_batch import LeadBatch
from ._api.models.replay_request_type_1 import ReplayRequestType1
from ._api.models.submit_lead import SubmitLead
from ._api.models.webhook_secret_rotation import WebhookSecretRotation
from ._api.types import UNSET
from .errors import LeadrailApiError

JSON = dict[str, Any]


def _json(response: Any) -> Any:
    """The decoded body of a 2xx answer (the API's snake_case JSON); LeadrailApiError otherwise."""
    if response.status_code >= 400:
        raise LeadrailApiError.from_response(response)
    return json.loads(response.content) if response.content else None


def _given(**values: Any) -> JSON:
    return {name: value for name, value in values.items() if value is not None}


def _query_value(value: Any) -> Any:
    """A filter as the API reads it: lists comma-joined, booleans as true/false, dates as ISO 8601."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return ",".join(str(item) for item in value)
    return value


class LeadrailClient:
    """The Leadrail API. Each method returns the decoded JSON answer and raises LeadrailApiError otherwise.

    Requests go through the client generated from the API's OpenAPI document (``leadrail._api``), so a
    parameter or body the API no longer has is a TypeError here, not a silent 400.

    >>> client = LeadrailClient(api_key="lr_live_...", base_url="http://localhost:3000")
    >>> lead = client.submit_lead("flow_...", {"first_name": "John", "email": "john@example.com"})
    """

    def __init__(self, api_key: str, base_url: str = "http://localhost:3000", *, timeout: float = 30.0) -> None:
        if not api_key:
            raise ValueError("LeadrailClient needs an api_key")
        self._client = AuthenticatedClient(
            base_url=base_url.rstrip("/"), token=api_key, timeout=httpx.Timeout(timeout)
        )

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client, for operations this layer does not wrap (``leadrail._api.api.*``)."""
        return self._client

    def close(self) -> None:
        self._client.get_httpx_client().close()

    def __enter__(self) -> LeadrailClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Leads

    def submit_lead(
        self,
        flow_id: str,
        lead: Mapping[str, Any],
        *,
        external_id: str | None = None,
        trusted_form_cert_url: str | None = None,
        source_id: str | None = None,
        ping_id: str | None = None,
        test_mode: bool | None = None,
        asynchronous: bool | None = None,
        timeout: int | None = None,
        idempotency_key: str | None = None,
    ) -> JSON:
        """Submits one lead: 201 with its outcome, or 202 while it is still processing.

        ``asynchronous`` is the API's ``options.async`` (``async`` is a keyword in Python); ``timeout`` is
        how many milliseconds the API waits for the outcome before answering 202.
        """
        options = _given(test_mode=test_mode, timeout=timeout, **{"async": asynchronous})
        body = SubmitLead.from_dict(
            _given(
                lead=dict(lead),
                external_id=external_id,
                trusted_form_cert_url=trusted_form_cert_url,
                source_id=source_id,
                ping_id=ping_id,
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
        leads: Iterable[Mapping[str, Any]],
        *,
        continue_on_error: bool | None = None,
        max_concurrent: int | None = None,
        test_mode: bool | None = None,
        timeout: int | None = None,
    ) -> JSON:
        """Submits up to 1000 leads (each ``{"lead": {...}, "external_id": ...}``); 207 with a result per lead."""
        options = _given(
            continue_on_error=continue_on_error, max_concurrent=max_concurrent, test_mode=test_mode, timeout=timeout
        )
        body = LeadBatch.from_dict(_given(leads=[dict(item) for item in leads], options=options or None))
        return _json(post_flows_flow_id_leads_batch.sync_detailed(flow_id, client=self._client, body=body))

    def get_lead(self, lead_id: str) -> JSON:
        return _json(get_leads_lead_id.sync_detailed(lead_id, client=self._client))

    def search_leads(
        self,
        *,
        flow_id: str | None = None,
        status: str | Iterable[str] | None = None,
        source: str | None = None,
        campaign: str | None = None,
        external_id: str | None = None,
        test_mode: bool | None = None,
        created_after: datetime.date | datetime.datetime | None = None,
        created_before: datetime.date | datetime.datetime | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> JSON:
        """One page of ``GET /leads`` (``leads``, ``total_count``, ``per_page``, ``page_count``)."""
        filters = _given(
            flow_id=flow_id,
            status=status,
            source=source,
            campaign=campaign,
            external_id=external_id,
            test_mode=test_mode,
            created_after=created_after,
            created_before=created_before,
            limit=limit,
            offset=offset,
        )
        query = {name: _query_value(value) for name, value in filters.items()}
        return _json(get_leads.sync_detailed(client=self._client, **query))

    def iter_leads(self, *, page_size: int = 100, **filters: Any) -> Iterator[JSON]:
        """Every lead matching the filters (those of ``search_leads``), fetching page after page."""
        offset = filters.pop("offset", None) or 0
        while True:
            page = self.search_leads(**filters, limit=page_size, offset=offset)
            yield from page["leads"]
            offset += len(page["leads"])
            if not page["leads"] or offset >= page["total_count"]:
                return

    # Replays

    def replay_lead(
        self,
        lead_id: str,
        *,
        recipient_id: str | None = None,
        force: bool | None = None,
        url: str | None = None,
        idempotency_key: str | None = None,
    ) -> JSON:
        """Re-sends a lead's failed deliveries (``POST /leads/{id}/replay``); ``force`` needs ``recipient_id``."""
        body = ReplayRequestType1.from_dict(_given(recipient_id=recipient_id, force=force, url=url))
        return _json(
            post_leads_lead_id_replay.sync_detailed(
                lead_id, client=self._client, body=body, idempotency_key=idempotency_key or UNSET
            )
        )

    # Intent

    def query_intent(
        self,
        query: str,
        *,
        limit: int | None = None,
        industries: list[str] | None = None,
        company_size: list[str] | None = None,
        location: str | list[str] | None = None,
        technologies: list[str] | None = None,
        job_titles: list[str] | None = None,
        exclude: list[str] | None = None,
    ) -> JSON:
        """Ranks companies by purchase intent for a free-text query (``POST /query``), with optional filters."""
        filters = _given(
            industries=industries,
            company_size=company_size,
            location=location,
            technologies=technologies,
            job_titles=job_titles,
            exclude=exclude,
        )
        body = IntentQueryRequest.from_dict(_given(query=query, limit=limit, filters=filters or None))
        return _json(post_query.sync_detailed(client=self._client, body=body))

    # Uploads: a file as the body (CSV or JSONL), which the generated layer does not model; sent on its
    # HTTP client, so the key, base URL and timeout are the same

    def upload_list_values(
        self,
        list_id: str,
        csv: bytes | str | Iterable[bytes],
        *,
        action: str = "add",
        column: str | None = None,
    ) -> JSON:
        """Adds (or, ``action="remove"``, removes) the values of a CSV to a suppression list
        (``POST /lists/{id}/uploads``): the first column, or the one whose header is ``column``. An
        iterable of byte chunks is streamed, so a large file need not be in memory."""
        return self._upload(f"/lists/{list_id}/uploads", csv, "text/csv", _given(action=action, column=column))

    def import_intent_data(
        self,
        data: bytes | str | Iterable[bytes],
        *,
        format: str = "jsonl",
        kind: str | None = None,
    ) -> JSON:
        """Imports intent companies, contacts and signals (``POST /intent/import``, admin scope): JSONL
        rows with their ``kind``, or a CSV of one ``kind``. Bad rows are reported with their line."""
        content_type = "text/csv" if format == "csv" else "application/x-ndjson"
        return self._upload("/intent/import", data, content_type, _given(format=format, kind=kind))

    def _upload(self, path: str, body: bytes | str | Iterable[bytes], content_type: str, params: JSON) -> JSON:
        content = body.encode() if isinstance(body, str) else body
        http = self._client.get_httpx_client()
        return _json(http.post(path, content=content, params=params, headers={"Content-Type": content_type}))

    # Webhook signing secret (admin scope, live key); verify deliveries with leadrail.verify_webhook

    def get_webhook_secret(self) -> JSON:
        """The secret signing the account's webhooks and, during a rotation's overlap, the previous one."""
        return _json(get_webhooks_secret.sync_detailed(client=self._client))

    def rotate_webhook_secret(self, *, overlap_seconds: int | None = None) -> JSON:
        """A new signing secret; the replaced one keeps signing for ``overlap_seconds`` (two ``v1=``)."""
        body = WebhookSecretRotation.from_dict(_given(overlap_seconds=overlap_seconds))
        return _json(post_webhooks_secret_rotate.sync_detailed(client=self._client, body=body))
