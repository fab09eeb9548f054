from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bulk_replay import BulkReplay
from ...models.error import Error
from typing import cast



def _get_kwargs(
    replay_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/replays/{replay_id}".format(replay_id=quote(str(replay_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkReplay | Error | None:
    if response.status_code == 202:
        response_202 = BulkReplay.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BulkReplay | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    replay_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[BulkReplay | Error]:
    """ Cancel a bulk replay (stops after the lead in progress)

     Cancelling does not delete the replay: GET keeps answering it (cancelled, or completed if it had
    finished), with the counts of what it did.

    Args:
        replay_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkReplay | Error]
     """


    kwargs = _get_kwargs(
        replay_id=replay_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    replay_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> BulkReplay | Error | None:
    """ Cancel a bulk replay (stops after the lead in progress)

     Cancelling does not delete the replay: GET keeps answering it (cancelled, or completed if it had
    finished), with the counts of what it did.

    Args:
        replay_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkReplay | Error
     """


    return sync_detailed(
        replay_id=replay_id,
client=client,

    ).parsed

async def asyncio_detailed(
    replay_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[BulkReplay | Error]:
    """ Cancel a bulk replay (stops after the lead in progress)

     Cancelling does not delete the replay: GET keeps answering it (cancelled, or completed if it had
    finished), with the counts of what it did.

    Args:
        replay_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkReplay | Error]
     """


    kwargs = _get_kwargs(
        replay_id=replay_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    replay_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> BulkReplay | Error | None:
    """ Cancel a bulk replay (stops after the lead in progress)

     Cancelling does not delete the replay: GET keeps answering it (cancelled, or completed if it had
    finished), with the counts of what it did.

    Args:
        replay_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkReplay | Error
     """


    return (await asyncio_detailed(
        replay_id=replay_id,
client=client,

    )).parsed
