from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.failed_deliveries import FailedDeliveries
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    flow_id: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["flow_id"] = flow_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/failed-deliveries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FailedDeliveries | None:
    if response.status_code == 200:
        response_200 = FailedDeliveries.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FailedDeliveries]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,

) -> Response[Error | FailedDeliveries]:
    """ Leads waiting for a replay, grouped by flow, recipient and reason

     Leads in delivery_failed (waiting for an operator replay), one group per flow, recipient that does
    not have the lead yet, and the reason of its latest failure. Replay them with POST /replays
    (flow_id, recipient_id) or one by one with POST /leads/{id}/replay.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailedDeliveries]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,

) -> Error | FailedDeliveries | None:
    """ Leads waiting for a replay, grouped by flow, recipient and reason

     Leads in delivery_failed (waiting for an operator replay), one group per flow, recipient that does
    not have the lead yet, and the reason of its latest failure. Replay them with POST /replays
    (flow_id, recipient_id) or one by one with POST /leads/{id}/replay.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailedDeliveries
     """


    return sync_detailed(
        client=client,
flow_id=flow_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,

) -> Response[Error | FailedDeliveries]:
    """ Leads waiting for a replay, grouped by flow, recipient and reason

     Leads in delivery_failed (waiting for an operator replay), one group per flow, recipient that does
    not have the lead yet, and the reason of its latest failure. Replay them with POST /replays
    (flow_id, recipient_id) or one by one with POST /leads/{id}/replay.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailedDeliveries]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,

) -> Error | FailedDeliveries | None:
    """ Leads waiting for a replay, grouped by flow, recipient and reason

     Leads in delivery_failed (waiting for an operator replay), one group per flow, recipient that does
    not have the lead yet, and the reason of its latest failure. Replay them with POST /replays
    (flow_id, recipient_id) or one by one with POST /leads/{id}/replay.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailedDeliveries
     """


    return (await asyncio_detailed(
        client=client,
flow_id=flow_id,

    )).parsed
