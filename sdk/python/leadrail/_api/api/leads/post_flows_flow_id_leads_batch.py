from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.lead_batch import LeadBatch
from ...models.lead_batch_result import LeadBatchResult
from typing import cast



def _get_kwargs(
    flow_id: str,
    *,
    body: LeadBatch,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/flows/{flow_id}/leads/batch".format(flow_id=quote(str(flow_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | LeadBatchResult | None:
    if response.status_code == 207:
        response_207 = LeadBatchResult.from_dict(response.json())



        return response_207

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | LeadBatchResult]:
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
    body: LeadBatch,

) -> Response[Error | LeadBatchResult]:
    """ Submit up to 1000 leads in one call

     Answers 207 with one result per lead, in input order, echoing external_id. Leads run concurrently
    (options.max_concurrent). With continue_on_error=false, leads after the first error are not
    submitted (status "skipped"). A batch counts once against the rate limit. Waiting for outcomes is
    bounded by a 120 s budget for the whole batch: leads still undecided then, or started after, are
    answered "pending" (poll GET /leads/{id}); the starts themselves are not counted.

    Args:
        flow_id (str):
        body (LeadBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LeadBatchResult]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeadBatch,

) -> Error | LeadBatchResult | None:
    """ Submit up to 1000 leads in one call

     Answers 207 with one result per lead, in input order, echoing external_id. Leads run concurrently
    (options.max_concurrent). With continue_on_error=false, leads after the first error are not
    submitted (status "skipped"). A batch counts once against the rate limit. Waiting for outcomes is
    bounded by a 120 s budget for the whole batch: leads still undecided then, or started after, are
    answered "pending" (poll GET /leads/{id}); the starts themselves are not counted.

    Args:
        flow_id (str):
        body (LeadBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LeadBatchResult
     """


    return sync_detailed(
        flow_id=flow_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeadBatch,

) -> Response[Error | LeadBatchResult]:
    """ Submit up to 1000 leads in one call

     Answers 207 with one result per lead, in input order, echoing external_id. Leads run concurrently
    (options.max_concurrent). With continue_on_error=false, leads after the first error are not
    submitted (status "skipped"). A batch counts once against the rate limit. Waiting for outcomes is
    bounded by a 120 s budget for the whole batch: leads still undecided then, or started after, are
    answered "pending" (poll GET /leads/{id}); the starts themselves are not counted.

    Args:
        flow_id (str):
        body (LeadBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LeadBatchResult]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeadBatch,

) -> Error | LeadBatchResult | None:
    """ Submit up to 1000 leads in one call

     Answers 207 with one result per lead, in input order, echoing external_id. Leads run concurrently
    (options.max_concurrent). With continue_on_error=false, leads after the first error are not
    submitted (status "skipped"). A batch counts once against the rate limit. Waiting for outcomes is
    bounded by a 120 s budget for the whole batch: leads still undecided then, or started after, are
    answered "pending" (poll GET /leads/{id}); the starts themselves are not counted.

    Args:
        flow_id (str):
        body (LeadBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LeadBatchResult
     """


    return (await asyncio_detailed(
        flow_id=flow_id,
client=client,
body=body,

    )).parsed
