from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.intent_error import IntentError
from ...models.intent_query_request import IntentQueryRequest
from ...models.intent_query_response import IntentQueryResponse
from typing import cast



def _get_kwargs(
    *,
    body: IntentQueryRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IntentError | IntentQueryResponse | None:
    if response.status_code == 200:
        response_200 = IntentQueryResponse.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = IntentError.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = IntentError.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = IntentError.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = IntentError.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = IntentError.from_dict(response.json())



        return response_415

    if response.status_code == 429:
        response_429 = IntentError.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = IntentError.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = IntentError.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IntentError | IntentQueryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IntentQueryRequest,

) -> Response[IntentError | IntentQueryResponse]:
    """ Rank companies by purchase intent for a free-text prompt

     Runs one short-lived `intentQueryWorkflow` on the intent task queue and answers its result. Counts
    against the intent limits (token bucket 1,000 burst / 100 per minute, 10,000 per day, cost limits).

    Args:
        body (IntentQueryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntentError | IntentQueryResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: IntentQueryRequest,

) -> IntentError | IntentQueryResponse | None:
    """ Rank companies by purchase intent for a free-text prompt

     Runs one short-lived `intentQueryWorkflow` on the intent task queue and answers its result. Counts
    against the intent limits (token bucket 1,000 burst / 100 per minute, 10,000 per day, cost limits).

    Args:
        body (IntentQueryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntentError | IntentQueryResponse
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IntentQueryRequest,

) -> Response[IntentError | IntentQueryResponse]:
    """ Rank companies by purchase intent for a free-text prompt

     Runs one short-lived `intentQueryWorkflow` on the intent task queue and answers its result. Counts
    against the intent limits (token bucket 1,000 burst / 100 per minute, 10,000 per day, cost limits).

    Args:
        body (IntentQueryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntentError | IntentQueryResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IntentQueryRequest,

) -> IntentError | IntentQueryResponse | None:
    """ Rank companies by purchase intent for a free-text prompt

     Runs one short-lived `intentQueryWorkflow` on the intent task queue and answers its result. Counts
    against the intent limits (token bucket 1,000 burst / 100 per minute, 10,000 per day, cost limits).

    Args:
        body (IntentQueryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntentError | IntentQueryResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
