from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.http_recipient_input import HttpRecipientInput
from ...models.ping_post_recipient_input import PingPostRecipientInput
from ...models.recipient import Recipient
from typing import cast



def _get_kwargs(
    *,
    body: HttpRecipientInput | PingPostRecipientInput,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/recipients",
    }

    
    if isinstance(body, HttpRecipientInput):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Recipient | None:
    if response.status_code == 201:
        response_201 = Recipient.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Recipient]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HttpRecipientInput | PingPostRecipientInput,

) -> Response[Error | Recipient]:
    """ Create a recipient (a buyer’s HTTP endpoint, or a ping/post buyer for auctions)

     A `ping_post` recipient is pinged for a bid with its `ping_fields` only, then posted the lead at
    `url` when its bid wins an auction (flow distribution mode `auction`). Personal fields in
    `ping_fields` are refused with 422 `personal_ping_fields` unless `allow_personal_ping_fields`.

    Args:
        body (HttpRecipientInput | PingPostRecipientInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Recipient]
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
    body: HttpRecipientInput | PingPostRecipientInput,

) -> Error | Recipient | None:
    """ Create a recipient (a buyer’s HTTP endpoint, or a ping/post buyer for auctions)

     A `ping_post` recipient is pinged for a bid with its `ping_fields` only, then posted the lead at
    `url` when its bid wins an auction (flow distribution mode `auction`). Personal fields in
    `ping_fields` are refused with 422 `personal_ping_fields` unless `allow_personal_ping_fields`.

    Args:
        body (HttpRecipientInput | PingPostRecipientInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Recipient
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HttpRecipientInput | PingPostRecipientInput,

) -> Response[Error | Recipient]:
    """ Create a recipient (a buyer’s HTTP endpoint, or a ping/post buyer for auctions)

     A `ping_post` recipient is pinged for a bid with its `ping_fields` only, then posted the lead at
    `url` when its bid wins an auction (flow distribution mode `auction`). Personal fields in
    `ping_fields` are refused with 422 `personal_ping_fields` unless `allow_personal_ping_fields`.

    Args:
        body (HttpRecipientInput | PingPostRecipientInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Recipient]
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
    body: HttpRecipientInput | PingPostRecipientInput,

) -> Error | Recipient | None:
    """ Create a recipient (a buyer’s HTTP endpoint, or a ping/post buyer for auctions)

     A `ping_post` recipient is pinged for a bid with its `ping_fields` only, then posted the lead at
    `url` when its bid wins an auction (flow distribution mode `auction`). Personal fields in
    `ping_fields` are refused with 422 `personal_ping_fields` unless `allow_personal_ping_fields`.

    Args:
        body (HttpRecipientInput | PingPostRecipientInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Recipient
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
