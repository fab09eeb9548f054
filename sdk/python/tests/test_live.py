"""The Python SDK against the live stack: started by test/sdk/python-sdk.test.ts, which sets the env
(LEADRAIL_API_URL: the API on a real port with real Temporal and Postgres; LEADRAIL_API_KEY: a fresh
tenant's admin key). Every network wait here has a deadline, so a stuck stack fails a test instead of
hanging the run."""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
import uuid

import httpx
import pytest

from leadrail import LeadrailApiError, LeadrailClient, verify_webhook

BASE = os.environ["LEADRAIL_API_URL"]
KEY = os.environ["LEADRAIL_API_KEY"]
WAIT_SECONDS = 60.0


class Receiver(http.server.BaseHTTPRequestHandler):
    """A webhook receiver and a buyer in one local server: /hooks records webhooks, /buyer answers 500
    until ``buyer_up`` is set (a buyer that is down, then recovers)."""

    webhooks: list[tuple[dict[str, str], bytes]] = []
    buyer_up = threading.Event()
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path.startswith("/hooks"):
            with Receiver.lock:
                Receiver.webhooks.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self._answer(200, b"{}")
        elif Receiver.buyer_up.is_set():
            self._answer(200, b'{"outcome":"success"}')
        else:
            self._answer(500, b'{"error":"down for maintenance"}')

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def receiver():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def client():
    with LeadrailClient(api_key=KEY, base_url=BASE, timeout=60.0) as sdk:
        yield sdk


def create_flow(body: dict) -> str:
    """Flows are set up with plain HTTP: the SDK under test is not used to arrange its own tests."""
    created = httpx.post(f"{BASE}/flows", headers={"Authorization": f"Bearer {KEY}"}, json=body, timeout=30.0)
    assert created.status_code == 201, created.text
    return created.json()["id"]


@pytest.fixture(scope="module")
def flow_id(receiver):
    return create_flow(
        {
            "name": "Python SDK",
            "settings": {"notifications": {"webhook_url": f"{receiver}/hooks", "events": ["lead.received"]}},
        }
    )


def test_the_sdk_under_test_is_the_installed_package():
    # The suite installs the wheel and says where (LEADRAIL_SDK_SITE); a run from a source checkout doesn't.
    site = os.environ.get("LEADRAIL_SDK_SITE")
    import leadrail

    if site:
        assert leadrail.__file__ == os.path.join(site, "leadrail", "__init__.py")
    assert callable(leadrail.verify_webhook)


def test_generated_layer_parses_live_answers_into_its_models(client, flow_id):
    # Anything the idiomatic layer does not wrap is one generated function away, with typed models.
    from leadrail._api.api.api_keys import get_me
    from leadrail._api.api.flows import get_flows_flow_id
    from leadrail._api.models.current_key import CurrentKey
    from leadrail._api.models.flow import Flow

    flow = get_flows_flow_id.sync(flow_id, client=client.generated)
    assert isinstance(flow, Flow)
    assert flow.id == flow_id
    assert flow.name == "Python SDK"

    me = get_me.sync(client=client.generated)
    assert isinstance(me, CurrentKey)
    assert me.account_id.startswith("acct_")
    assert me.mode == "live"
    assert "admin" in me.scopes


def a_lead() -> dict:
    return {"first_name": "Ana", "email": f"ana.{uuid.uuid4().hex[:8]}@example.com"}


def test_submit_lead_returns_its_outcome_and_honours_the_idempotency_key(client, flow_id):
    external_id = f"py-{uuid.uuid4()}"
    fields = a_lead()
    lead = client.submit_lead(flow_id, fields, external_id=external_id, idempotency_key=external_id)
    assert lead["id"].startswith("lead_")
    assert lead["status"] == "accepted"
    again = client.submit_lead(flow_id, fields, external_id=external_id, idempotency_key=external_id)
    assert again["id"] == lead["id"]
    assert client.get_lead(lead["id"])["external_id"] == external_id
    with pytest.raises(LeadrailApiError) as conflict:
        client.submit_lead(flow_id, a_lead(), external_id=external_id, idempotency_key=external_id)
    assert conflict.value.status == 409
    assert conflict.value.code == "idempotency_conflict"


def test_submit_lead_asynchronously_answers_before_the_outcome(client, flow_id):
    accepted = client.submit_lead(flow_id, a_lead(), asynchronous=True)
    assert accepted["status"] == "received"
    assert accepted["location"] == f"/leads/{accepted['id']}"


def test_submit_batch_reports_each_lead(client, flow_id):
    leads = [{"lead": a_lead(), "external_id": f"batch-{i}-{uuid.uuid4().hex[:6]}"} for i in range(3)]
    result = client.submit_batch(flow_id, leads, continue_on_error=True)
    assert result["total_leads"] == 3
    assert result["successful"] == 3
    assert [r["external_id"] for r in result["results"]] == [item["external_id"] for item in leads]


def test_iter_leads_pages_through_every_lead_of_a_flow(client):
    own_flow = create_flow({"name": "Python SDK paging"})
    submitted = {client.submit_lead(own_flow, a_lead())["id"] for _ in range(5)}
    first_page = client.search_leads(flow_id=own_flow, limit=2)
    assert first_page["total_count"] == 5
    assert len(first_page["leads"]) == 2
    paged = [lead["id"] for lead in client.iter_leads(flow_id=own_flow, page_size=2)]
    assert len(paged) == 5
    assert set(paged) == submitted
    assert [lead["id"] for lead in client.iter_leads(flow_id=own_flow, status=["rejected"])] == []
    accepted = list(client.iter_leads(flow_id=own_flow, status=["accepted", "delivered"], test_mode=False))
    assert len(accepted) == 5


def test_errors_are_typed_with_code_message_and_request_id(client):
    with pytest.raises(LeadrailApiError) as missing:
        client.get_lead("lead_missing")
    assert missing.value.status == 404
    assert missing.value.code == "not_found"
    assert missing.value.message
    assert missing.value.request_id.startswith("req_")

    with pytest.raises(LeadrailApiError) as invalid:
        client.search_leads(limit=5000)
    assert invalid.value.status == 400
    assert invalid.value.code == "validation_failed"
    assert any(detail.get("field") == "limit" for detail in invalid.value.details)


def test_replay_delivers_a_lead_whose_buyer_recovered(client, receiver):
    buyer_flow = httpx.post(
        f"{BASE}/flows",
        headers={"Authorization": f"Bearer {KEY}"},
        json={
            "name": "Python SDK replay",
            "delivery_retry": {
                "maximum_attempts": 2,
                "initial_interval_ms": 100,
                "maximum_interval_ms": 100,
                "replay_window_seconds": 3600,
            },
            "steps": [{"type": "delivery", "recipient": {"name": "Night buyer", "config": {"url": f"{receiver}/buyer"}}}],
        },
        timeout=30.0,
    )
    assert buyer_flow.status_code == 201, buyer_flow.text
    lead = client.submit_lead(buyer_flow.json()["id"], a_lead())
    assert lead["status"] == "delivery_failed"

    Receiver.buyer_up.set()
    replay = client.replay_lead(lead["id"], idempotency_key=f"replay-{lead['id']}")
    assert replay["lead_id"] == lead["id"]
    assert replay["status"] == "delivered"
    assert [attempt["outcome"] for attempt in replay["attempts"]] == ["success"]

    with pytest.raises(LeadrailApiError) as again:
        client.replay_lead("lead_missing")
    assert again.value.code == "not_found"


def test_intent_query_ranks_with_filters_and_errors_in_the_intent_format(client):
    ranked = client.query_intent("software companies hiring engineers", limit=10, company_size=["51-200"])
    assert len(ranked["leads"]) > 0
    assert {company["company_size"] for company in ranked["leads"]} == {"51-200"}
    assert len(ranked["leads"]) <= 10
    assert ranked["metadata"]["total_leads"] >= len(ranked["leads"])
    # The intent API's own error format (request_id beside error) reads into the same exception.
    with pytest.raises(LeadrailApiError) as raised:
        client.query_intent("x")
    assert raised.value.status == 400
    assert raised.value.request_id.startswith("req_")


def test_uploads_a_csv_to_a_suppression_list_and_streams_a_removal(client):
    http = client.generated.get_httpx_client()
    created = http.post("/lists", json={"name": f"Do not call {uuid.uuid4().hex[:6]}", "type": "phone"})
    assert created.status_code == 201, created.text
    list_id = created.json()["id"]
    added = client.upload_list_values(list_id, "phone,name\n(512) 555-0100,A\n512-555-0101,B\nnot a phone,C\n", column="phone")
    assert added["added"] == 2
    assert http.get(f"/lists/{list_id}").json()["item_count"] == 2
    removed = client.upload_list_values(list_id, iter([b"+15125550100\n"]), action="remove")
    assert removed["removed"] == 1
    assert http.get(f"/lists/{list_id}").json()["item_count"] == 1
    with pytest.raises(LeadrailApiError) as raised:
        client.upload_list_values("list_does_not_exist", "5125550100\n")
    assert raised.value.status == 404


def test_imports_intent_data_and_reports_bad_rows_by_line(client):
    bad = json.dumps({"kind": "company", "company_id": f"sdk-{uuid.uuid4().hex[:6]}"}) + "\n"
    result = client.import_intent_data(bad)
    assert result["inserted"] == 0
    assert result["error_count"] >= 1
    assert result["errors"][0]["line"] == 1
    with pytest.raises(LeadrailApiError) as raised:
        client.import_intent_data("", format="csv")
    assert raised.value.status == 400


def wait_for_webhook(lead_id: str) -> tuple[dict[str, str], bytes]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        with Receiver.lock:
            for headers, body in Receiver.webhooks:
                if json.loads(body).get("lead_id") == lead_id:
                    return headers, body
        time.sleep(0.05)
    raise AssertionError(f"no webhook for {lead_id} within {WAIT_SECONDS}s")


def test_webhook_verified_across_a_secret_rotation(client, flow_id):
    before = client.get_webhook_secret()["secret"]
    assert before.startswith("whsec_")
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    signature = headers["x-leadrail-signature"]
    assert signature.count("v1=") == 1
    assert verify_webhook(before, body, signature)
    assert not verify_webhook("whsec_wrong", body, signature)
    assert not verify_webhook(before, body + b" ", signature)

    rotated = client.rotate_webhook_secret(overlap_seconds=3600)
    after = rotated["secret"]
    assert after != before
    assert rotated["previous"]["secret"] == before

    # In the overlap both secrets sign: a receiver holding either one verifies the same delivery.
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    signature = headers["x-leadrail-signature"]
    assert signature.count("v1=") == 2
    assert verify_webhook(before, body, signature)
    assert verify_webhook(after, body, signature)

    # Rotating with no overlap stops the old secrets at once: only the newest verifies.
    newest = client.rotate_webhook_secret(overlap_seconds=0)["secret"]
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    signature = headers["x-leadrail-signature"]
    assert signature.count("v1=") == 1
    assert verify_webhook(newest, body, signature)
    assert not verify_webhook(after, body, signature)
    assert not verify_webhook(before, body, signature)


def test_verify_webhook_refuses_a_stale_timestamp(client, flow_id):
    secret = client.get_webhook_secret()["secret"]
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    signature = headers["x-leadrail-signature"]
    t = int(dict(part.split("=", 1) for part in signature.split(",") if part.startswith("t="))["t"])
    assert verify_webhook(secret, body, signature, now=t + 299)
    assert not verify_webhook(secret, body, signature, now=t + 301)
