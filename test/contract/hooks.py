"""Schemathesis hooks for Leadrail's contract check (test/contract/api-contract.test.ts).

The document names formats JSON Schema cannot spell out (a CEL expression, an IANA time zone, an RE2
pattern, an IP address or CIDR range); these strategies teach the fuzzer to write valid ones, the way a
client reading the descriptions would. Identifiers of real resources are mixed into path parameters so
requests reach the handlers' logic, and the other tenant's ids are offered too: a custom check fails
the run if any of them is ever answered with success or shows up in a response body.
"""

import json
import os
import string

import schemathesis
from hypothesis import strategies as st

DATA = json.loads(os.environ.get("LEADRAIL_CONTRACT_DATA", "{}"))
OWN = DATA.get("own", {})
OTHER = DATA.get("other", {})

# --- formats -------------------------------------------------------------------------------------

# CEL over a lead: comparisons of fields with literals, joined with && and ||, optionally negated.
# Every expression is boolean, as the flow schema requires.
_FIELD = st.sampled_from(
    ["lead.age", "lead.income", "lead.state", "lead.email", "lead.first_name", "parsed.email.domain"]
)
_STRING = st.text(alphabet=string.ascii_letters + string.digits + " _-", max_size=12).map(json.dumps)
_NUMBER = st.integers(min_value=-1000, max_value=100000).map(str)
_COMPARISON = st.one_of(
    st.builds("{} == {}".format, _FIELD, _STRING),
    st.builds("{} != {}".format, _FIELD, _STRING),
    st.builds("{} >= {}".format, st.sampled_from(["lead.age", "lead.income"]), _NUMBER),
    st.builds("{} < {}".format, st.sampled_from(["lead.age", "lead.income"]), _NUMBER),
    st.builds("has({})".format, _FIELD),
    st.builds("{} in [{}]".format, st.sampled_from(["source", "campaign", "lead.state"]),
              st.lists(_STRING, min_size=1, max_size=3).map(", ".join)),
    st.builds('{}.matches("^[a-z]+$")'.format, st.sampled_from(["source", "lead.state"])),
    st.builds("submission.hour >= {}".format, st.integers(0, 23)),
    st.sampled_from(["true", "false"]),
)
_CEL = st.recursive(
    _COMPARISON,
    lambda inner: st.one_of(
        st.builds("{} && {}".format, inner, inner),
        st.builds("{} || {}".format, inner, inner),
        st.builds("!({})".format, inner),
    ),
    max_leaves=4,
)
schemathesis.openapi.format("cel-expression", _CEL)

# A fixed, reviewed sample of zone names (including odd offsets), not the server's own list.
schemathesis.openapi.format(
    "iana-time-zone",
    st.sampled_from(
        [
            "UTC",
            "America/Chicago",
            "America/New_York",
            "America/Los_Angeles",
            "America/St_Johns",
            "America/Argentina/Buenos_Aires",
            "Europe/London",
            "Europe/Paris",
            "Europe/Kyiv",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Asia/Tokyo",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Pacific/Kiritimati",
            "Etc/GMT+12",
            "Etc/GMT-14",
        ]
    ),
)

schemathesis.openapi.format(
    "re2-regex",
    st.one_of(
        st.sampled_from(["success", "^ok$", "accepted|approved", "(?i)lead (received|accepted)", r"\bsold\b", "[0-9]+"]),
        st.text(alphabet=string.ascii_letters + string.digits + " ", min_size=1, max_size=20),
    ),
)


def _ip_or_cidr():
    v4 = st.ip_addresses(v=4).map(str)
    v6 = st.ip_addresses(v=6).map(str)
    return st.one_of(
        v4,
        v6,
        st.builds("{}/{}".format, v4, st.integers(0, 32)),
        st.builds("{}/{}".format, v6, st.integers(0, 128)),
    )


schemathesis.openapi.format("ip-or-cidr", _ip_or_cidr())

# --- real identifiers ----------------------------------------------------------------------------


def _ids(tenant, name):
    value = tenant.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# Per operation and path parameter: which of our own resources the fuzzer may point at. Lead
# submissions go to the flow that accepts every lead; rewrites to a flow kept for them; key changes to
# spare keys (never the key the fuzzer uses).
_OWN_BY_PARAMETER = {
    ("POST", "/flows/{flow_id}/leads", "flow_id"): ["openFlowId"],
    ("POST", "/flows/{flow_id}/leads/batch", "flow_id"): ["openFlowId"],
    ("PUT", "/flows/{flow_id}", "flow_id"): ["editableFlowId"],
    ("PUT", "/flows/{flow_id}/settings", "flow_id"): ["editableFlowId"],
    ("GET", "/flows/{flow_id}", "flow_id"): ["openFlowId", "editableFlowId"],
    ("GET", "/flows/{flow_id}/events", "flow_id"): ["openFlowId", "failingFlowId"],
    ("GET", "/leads/{lead_id}", "lead_id"): ["deliveredLeadId", "failedLeadId"],
    ("POST", "/leads/{lead_id}/feedback", "lead_id"): ["deliveredLeadId"],
    ("POST", "/leads/{lead_id}/replay", "lead_id"): ["failedLeadId", "deliveredLeadId"],
    ("GET", "/recipients/{recipient_id}", "recipient_id"): ["recipientIds"],
    ("PUT", "/recipients/{recipient_id}", "recipient_id"): ["spareRecipientId"],
    ("DELETE", "/recipients/{recipient_id}", "recipient_id"): ["spareRecipientId", "recipientIds"],
    ("GET", "/api-keys/{key_id}", "key_id"): ["spareKeyIds"],
    ("PATCH", "/api-keys/{key_id}", "key_id"): ["spareKeyIds"],
    ("POST", "/api-keys/{key_id}/rotate", "key_id"): ["spareKeyIds"],
    ("DELETE", "/api-keys/{key_id}", "key_id"): ["spareKeyIds"],
    ("GET", "/replays/{replay_id}", "replay_id"): ["replayId"],
    ("DELETE", "/replays/{replay_id}", "replay_id"): ["replayId"],
}

# Resource kind of a parameter, for offering the other tenant's ids.
_OTHER_BY_PARAMETER = {
    "flow_id": ["openFlowId", "editableFlowId", "failingFlowId"],
    "lead_id": ["deliveredLeadId", "failedLeadId"],
    "recipient_id": ["recipientIds"],
    "key_id": ["keyId", "spareKeyIds"],
    "replay_id": ["replayId"],
}


def _operation(context):
    operation = context.operation
    return operation.method.upper(), operation.path


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    if not path_parameters:
        return st.just(path_parameters)
    method, path = _operation(context)
    choices = {}
    for name, generated in path_parameters.items():
        own = [i for key in _OWN_BY_PARAMETER.get((method, path, name), []) for i in _ids(OWN, key)]
        other = [i for key in _OTHER_BY_PARAMETER.get(name, []) for i in _ids(OTHER, key)]
        # Mostly real ids of our own, sometimes the other tenant's, sometimes what was generated.
        options = [st.sampled_from(own)] * 4 if own else []
        if other:
            options.append(st.sampled_from(other))
        options.append(st.just(generated))
        choices[name] = st.one_of(*options)
    return st.fixed_dictionaries(choices)


@schemathesis.hook
def before_call(context, case, **kwargs):
    """Never rotate, change or revoke the key the fuzzer itself calls with, whatever phase or link chose
    the id (a rotation of it once locked the rest of a run out with 401s): such a call goes to a spare
    key instead."""
    if case.operation.path.startswith("/api-keys/{key_id}") and case.method.upper() != "GET":
        own_key = _ids(OWN, "keyId")
        spares = _ids(OWN, "spareKeyIds")
        if spares and (case.path_parameters or {}).get("key_id") in own_key:
            case.path_parameters = {**case.path_parameters, "key_id": spares[0]}


# --- cross-field rules JSON Schema cannot state ----------------------------------------------------

# Per path: the range's two parameters, and whether they must differ (/leads' created_before is an
# exclusive bound "after created_after"; the others end on an inclusive day and may equal the start).
_RANGES = {
    "/leads": ("created_after", "created_before", True),
    "/analytics": ("start_date", "end_date", False),
    "/flows/{flow_id}/events": ("start_date", "end_date", False),
}


@schemathesis.hook
def map_query(context, query):
    """Date ranges are documented as start before end; a client writes them in that order."""
    _, path = _operation(context)
    rule = _RANGES.get(path)
    if query and rule and rule[0] in query and rule[1] in query:
        first, last, strict = rule
        start, end = query[first], query[last]
        if isinstance(start, str) and isinstance(end, str):
            query[first], query[last] = min(start, end), max(start, end)
            if strict and start == end:
                del query[last]  # an empty range is documented as 400 invalid_range
    return query


# --- tenant isolation ------------------------------------------------------------------------------

_FOREIGN = sorted(
    {i for key in ["openFlowId", "editableFlowId", "failingFlowId", "deliveredLeadId", "failedLeadId",
                   "recipientIds", "keyId", "spareKeyIds", "replayId", "accountId", "key"]
     for i in _ids(OTHER, key)}
)


@schemathesis.check
def tenant_isolation(ctx, response, case):
    """Another tenant's resources are never served, changed or mentioned."""
    named = [v for v in (case.path_parameters or {}).values() if v in _FOREIGN]
    if named and 200 <= response.status_code < 300:
        raise AssertionError(f"Another tenant's resource {named[0]} answered {response.status_code}")
    body = response.text or ""
    leaked = [i for i in _FOREIGN if i in body and i not in named]
    if leaked:
        raise AssertionError(f"Response mentions another tenant's resource {leaked[0]}")
    return None


# --- what JSON Schema cannot state, for the coverage phase ----------------------------------------

# The coverage phase draws boundary values (the shortest string, the longest, ...) from the keywords
# and skips hooks and, next to other keywords, the format strategies above. A value it calls valid
# that only a named format's own check refuses, or that breaks a documented cross-field rule, is
# that phase's blind spot, not a drift: such failures, and only those, are dropped.
_NAMED_FORMAT_REFUSALS = (
    "Invalid expression",  # cel-expression (compiled when the flow is saved)
    "must be an IANA time zone",  # iana-time-zone
    "must be a regular expression in RE2 syntax",  # re2-regex
    "must be an IP address or a CIDR range",  # ip-or-cidr
)


def _details(response):
    try:
        body = response.json()
    except Exception:
        return None
    details = (body or {}).get("error", {}).get("details") if isinstance(body, dict) else None
    return details if isinstance(details, list) and details else None


def _blind_spot(detail):
    if not isinstance(detail, dict):
        return False
    message = str(detail.get("message", ""))
    return detail.get("code") == "invalid_range" or any(m in message for m in _NAMED_FORMAT_REFUSALS)


def _lead_rejected_by_flow(response):
    try:
        body = response.json()
    except Exception:
        return False
    error = body.get("error") if isinstance(body, dict) else None
    return (
        isinstance(error, dict)
        and error.get("message") == "Lead validation failed"
        and isinstance(error.get("lead_id"), str)
    )


@schemathesis.hook
def filter_failure(context, failure, case, response):
    phase = getattr(getattr(getattr(case, "meta", None), "phase", None), "name", None)
    phase = getattr(phase, "value", phase)
    if type(failure).__name__ == "RejectedPositiveData" and phase == "coverage" and response.status_code == 400:
        details = _details(response)
        if details and all(_blind_spot(d) for d in details):
            return False
    # A lead the flow's own fields reject is 400 "Lead validation failed" with the lead's id (the
    # reference's contract; docs/api-contract.md): the flow defines those fields, not the document. The
    # stateful phase submits leads to flows it created itself, with random required fields.
    if (
        type(failure).__name__ == "RejectedPositiveData"
        and case.operation.path in ("/flows/{flow_id}/leads", "/flows/{flow_id}/leads/batch")
        and response.status_code == 400
        and _lead_rejected_by_flow(response)
    ):
        return False
    # A resource just created (a flow) answering 404 in the stateful phase is a drift only when the 404
    # is about it: one naming a field of the request body (a random `source_id` the flow has no source
    # by) is about that reference, which the document answers 404 `not_found` for, naming the field.
    if (
        type(failure).__name__ == "EnsureResourceAvailability"
        and response.status_code == 404
        and (details := _details(response))
        and all(isinstance(d, dict) and d.get("field") and d.get("code") == "not_found" for d in details)
    ):
        return False
    # A text/csv or JSONL body is bytes on the wire: the "wrong type" variants (an object or a number
    # where the schema says string) arrive as text, which is what the schema asks for.
    if (
        type(failure).__name__ == "AcceptedNegativeData"
        and case.operation.path == "/intent/import"
        and ("incorrect type" in (failure.message or "") or "violates `type`" in (failure.message or ""))
    ):
        return False
    return True
