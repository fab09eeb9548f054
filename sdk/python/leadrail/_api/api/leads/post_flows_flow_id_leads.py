from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.accepted_lead import AcceptedLead
from ...models.error import Error
from ...models.post_flows_flow_id_leads_data_body import PostFlowsFlowIdLeadsDataBody
from ...models.submit_lead import SubmitLead
from ...models.submitted_lead import SubmittedLead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    flow_id: str,
    *,
    body:    SubmitLead  |     PostFlowsFlowIdLeadsDataBody  | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/flows/{flow_id}/leads".format(flow_id=quote(str(flow_id), safe=""),),
    }

    if isinstance(body, SubmitLead):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, PostFlowsFlowIdLeadsDataBody):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AcceptedLead | Error | SubmittedLead | None:
    if response.status_code == 201:
        response_201 = SubmittedLead.from_dict(response.json())



        return response_201

    if response.status_code == 202:
        response_202 = AcceptedLead.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AcceptedLead | Error | SubmittedLead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    SubmitLead  |     PostFlowsFlowIdLeadsDataBody  | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AcceptedLead | Error | SubmittedLead]:
    """ Submit a lead to a flow

     Synchronous by default: answers 201 once the outcome is decided (after deliveries, before webhooks).
    With options.async, or when options.timeout passes first, answers 202 with a Location and keeps
    processing. Rejections answer 400 validation_failed, 409 duplicate_detected, or 422
    lead_rejected/cap_reached, each with the lead id. Accepts JSON, or application/x-www-form-urlencoded
    with lead fields at the top level. external_id or an Idempotency-Key header make resubmission safe.

    Args:
        flow_id (str):
        idempotency_key (str | Unset):
        body (SubmitLead):
        body (PostFlowsFlowIdLeadsDataBody): Lead fields at the top level (or as lead.<name>),
            plus external_id, trusted_form_cert_url and options.async, options.test_mode,
            options.timeout

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AcceptedLead | Error | SubmittedLead]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    SubmitLead  |     PostFlowsFlowIdLeadsDataBody  | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AcceptedLead | Error | SubmittedLead | None:
    """ Submit a lead to a flow

     Synchronous by default: answers 201 once the outcome is decided (after deliveries, before webhooks).
    With options.async, or when options.timeout passes first, answers 202 with a Location and keeps
    processing. Rejections answer 400 validation_failed, 409 duplicate_detected, or 422
    lead_rejected/cap_reached, each with the lead id. Accepts JSON, or application/x-www-form-urlencoded
    with lead fields at the top level. external_id or an Idempotency-Key header make resubmission safe.

    Args:
        flow_id (str):
        idempotency_key (str | Unset):
        body (SubmitLead):
        body (PostFlowsFlowIdLeadsDataBody): Lead fields at the top level (or as lead.<name>),
            plus external_id, trusted_form_cert_url and options.async, options.test_mode,
            options.timeout

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AcceptedLead | Error | SubmittedLead
     """


    return sync_detailed(
        flow_id=flow_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    SubmitLead  |     PostFlowsFlowIdLeadsDataBody  | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AcceptedLead | Error | SubmittedLead]:
    """ Submit a lead to a flow

     Synchronous by default: answers 201 once the outcome is decided (after deliveries, before webhooks).
    With options.async, or when options.timeout passes first, answers 202 with a Location and keeps
    processing. Rejections answer 400 validation_failed, 409 duplicate_detected, or 422
    lead_rejected/cap_reached, each with the lead id. Accepts JSON, or application/x-www-form-urlencoded
    with lead fields at the top level. external_id or an Idempotency-Key header make resubmission safe.

    Args:
        flow_id (str):
        idempotency_key (str | Unset):
        body (SubmitLead):
        body (PostFlowsFlowIdLeadsDataBody): Lead fields at the top level (or as lead.<name>),
            plus external_id, trusted_form_cert_url and options.async, options.test_mode,
            options.timeout

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AcceptedLead | Error | SubmittedLead]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body:    SubmitLead  |     PostFlowsFlowIdLeadsDataBody  | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AcceptedLead | Error | SubmittedLead | None:
    """ Submit a lead to a flow

     Synchronous by default: answers 201 once the outcome is decided (after deliveries, before webhooks).
    With options.async, or when options.timeout passes first, answers 202 with a Location and keeps
    processing. Rejections answer 400 validation_failed, 409 duplicate_detected, or 422
    lead_rejected/cap_reached, each with the lead id. Accepts JSON, or application/x-www-form-urlencoded
    with lead fields at the top level. external_id or an Idempotency-Key header make resubmission safe.

    Args:
        flow_id (str):
        idempotency_key (str | Unset):
        body (SubmitLead):
        body (PostFlowsFlowIdLeadsDataBody): Lead fields at the top level (or as lead.<name>),
            plus external_id, trusted_form_cert_url and options.async, options.test_mode,
            options.timeout

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AcceptedLead | Error | SubmittedLead
     """


    return (await asyncio_detailed(
        flow_id=flow_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
