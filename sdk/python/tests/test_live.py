"""The Python SDK against the live stack (started by test/sdk/python-sdk.test.ts, which sets the env)."""

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


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def receiver():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks"
    server.shutdown()


@pytest.fixture(scope="module")
def flow_id(receiver):
    created = httpx.post(
        f"{BASE}/flows",
        headers={"Authorization": f"Bearer {KEY}"},
        json={"name": "Python SDK", "settings": {"notifications": {"webhook_url": receiver, "events": ["lead.received"]}}},
    )
    assert created.status_code == 201, created.text
    return created.json()["id"]


@pytest.fixture(scope="module")
def client():
    return LeadrailClient(api_key=KEY, base_url=BASE)


def a_lead():
    return {"first_name": "Ana", "email": f"ana.{uuid.uuid4().hex[:8]}@example.com"}


def test_submit_lead(client, flow_id):
    lead = client.submit_lead(flow_id, a_lead(), external_id=f"py-{uuid.uuid4()}")
    assert lead["id"].startswith("lead_")
    assert lead["status"] == "accepted"


def test_submit_batch(client, flow_id):
    result = client.submit_batch(flow_id, [{"lead": a_lead()} for _ in range(3)])
    assert result["total_leads"] == 3
    assert result["successful"] == 3


def test_iter_leads_pages_through_every_lead(client, flow_id):
    for _ in range(3):
        client.submit_lead(flow_id, a_lead())
    paged = [lead["lead_id"] for lead in client.iter_leads(flow_id=flow_id, page_size=2)]
    total = client.search_leads(flow_id=flow_id, limit=1)["total"]
    assert total >= 4
    assert len(paged) == total
    assert len(set(paged)) == total


def test_typed_error_carries_code_and_request_id(client):
    with pytest.raises(LeadrailApiError) as raised:
        client.get_lead("lead_missing")
    assert raised.value.status == 404
    assert raised.value.code == "not_found"
    assert raised.value.request_id.startswith("req_")


def test_replay_of_unknown_lead_is_a_typed_error(client):
    with pytest.raises(LeadrailApiError) as raised:
        client.replay_lead("lead_missing")
    assert raised.value.code == "not_found"


def test_intent_errors_in_their_own_format(client):
    # This stack runs no intent service: the intent API answers 503 in its own error format.
    with pytest.raises(LeadrailApiError) as raised:
        client.query_intent("SaaS companies evaluating a CRM")
    assert raised.value.status == 503
    assert raised.value.code == "SERVICE_UNAVAILABLE"
    assert raised.value.request_id.startswith("req_")


def wait_for_webhook(lead_id):
    for _ in range(300):
        for headers, body in Receiver.received:
            if json.loads(body).get("lead_id") == lead_id:
                return headers, body
        time.sleep(0.1)
    raise AssertionError(f"no webhook for {lead_id}")


def test_webhook_verified_across_a_secret_rotation(client, flow_id):
    before = client.get_webhook_secret()["secret"]
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    assert verify_webhook(before, body, headers["X-Leadrail-Signature"])
    assert not verify_webhook("whsec_wrong", body, headers["X-Leadrail-Signature"])

    rotated = client.rotate_webhook_secret(overlap_seconds=3600)
    after = rotated["secret"]
    assert rotated["previous"]["secret"] == before
    headers, body = wait_for_webhook(client.submit_lead(flow_id, a_lead())["id"])
    assert headers["X-Leadrail-Signature"].count("v1=") == 2
    assert verify_webhook(before, body, headers["X-Leadrail-Signature"])
    assert verify_webhook(after, body, headers["X-Leadrail-Signature"])
