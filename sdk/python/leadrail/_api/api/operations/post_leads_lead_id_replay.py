from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.replay_request_type_0 import ReplayRequestType0
from ...models.replay_request_type_1 import ReplayRequestType1
from ...models.replay_result import ReplayResult
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    lead_id: str,
    *,
    body: ReplayRequestType0 | ReplayRequestType1 | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/leads/{lead_id}/replay".format(lead_id=quote(str(lead_id), safe=""),),
    }

    
    if isinstance(body, ReplayRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ReplayResult | None:
    if response.status_code == 200:
        response_200 = ReplayResult.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | ReplayResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lead_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequestType0 | ReplayRequestType1 | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | ReplayResult]:
    """ Replay a lead’s failed deliveries and get the new outcome

     For a lead in delivery_failed (waiting) or failed (closed after its replay window). A recipient that
    already has the lead is skipped unless force is set. To fix credentials, edit the recipient first.

    Args:
        lead_id (str):
        idempotency_key (str | Unset): Makes a retried replay request safe: the same key gets the
            same replay back
        body (ReplayRequestType0 | ReplayRequestType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReplayResult]
     """


    kwargs = _get_kwargs(
        lead_id=lead_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    lead_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequestType0 | ReplayRequestType1 | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Error | ReplayResult | None:
    """ Replay a lead’s failed deliveries and get the new outcome

     For a lead in delivery_failed (waiting) or failed (closed after its replay window). A recipient that
    already has the lead is skipped unless force is set. To fix credentials, edit the recipient first.

    Args:
        lead_id (str):
        idempotency_key (str | Unset): Makes a retried replay request safe: the same key gets the
            same replay back
        body (ReplayRequestType0 | ReplayRequestType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReplayResult
     """


    return sync_detailed(
        lead_id=lead_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    lead_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequestType0 | ReplayRequestType1 | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | ReplayResult]:
    """ Replay a lead’s failed deliveries and get the new outcome

     For a lead in delivery_failed (waiting) or failed (closed after its replay window). A recipient that
    already has the lead is skipped unless force is set. To fix credentials, edit the recipient first.

    Args:
        lead_id (str):
        idempotency_key (str | Unset): Makes a retried replay request safe: the same key gets the
            same replay back
        body (ReplayRequestType0 | ReplayRequestType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReplayResult]
     """


    kwargs = _get_kwargs(
        lead_id=lead_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    lead_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequestType0 | ReplayRequestType1 | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Error | ReplayResult | None:
    """ Replay a lead’s failed deliveries and get the new outcome

     For a lead in delivery_failed (waiting) or failed (closed after its replay window). A recipient that
    already has the lead is skipped unless force is set. To fix credentials, edit the recipient first.

    Args:
        lead_id (str):
        idempotency_key (str | Unset): Makes a retried replay request safe: the same key gets the
            same replay back
        body (ReplayRequestType0 | ReplayRequestType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReplayResult
     """


    return (await asyncio_detailed(
        lead_id=lead_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
