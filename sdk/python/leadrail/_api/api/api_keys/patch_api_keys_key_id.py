from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key import ApiKey
from ...models.api_key_update import ApiKeyUpdate
from ...models.error import Error
from typing import cast



def _get_kwargs(
    key_id: str,
    *,
    body: ApiKeyUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api-keys/{key_id}".format(key_id=quote(str(key_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKey | Error | None:
    if response.status_code == 200:
        response_200 = ApiKey.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKey | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> Response[ApiKey | Error]:
    """ Change an API key: name, scopes, IP allow-list, rate limits

     Only the settings given change, at once for requests that follow. The secret and the mode never
    change (rotate for a new secret; create a key for another mode). A key cannot take `admin` away from
    itself, nor set an allow-list that excludes the address it is calling from (409), so an account is
    not locked out of its own keys by mistake.

    Args:
        key_id (str):
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Error]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> ApiKey | Error | None:
    """ Change an API key: name, scopes, IP allow-list, rate limits

     Only the settings given change, at once for requests that follow. The secret and the mode never
    change (rotate for a new secret; create a key for another mode). A key cannot take `admin` away from
    itself, nor set an allow-list that excludes the address it is calling from (409), so an account is
    not locked out of its own keys by mistake.

    Args:
        key_id (str):
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Error
     """


    return sync_detailed(
        key_id=key_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> Response[ApiKey | Error]:
    """ Change an API key: name, scopes, IP allow-list, rate limits

     Only the settings given change, at once for requests that follow. The secret and the mode never
    change (rotate for a new secret; create a key for another mode). A key cannot take `admin` away from
    itself, nor set an allow-list that excludes the address it is calling from (409), so an account is
    not locked out of its own keys by mistake.

    Args:
        key_id (str):
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Error]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyUpdate,

) -> ApiKey | Error | None:
    """ Change an API key: name, scopes, IP allow-list, rate limits

     Only the settings given change, at once for requests that follow. The secret and the mode never
    change (rotate for a new secret; create a key for another mode). A key cannot take `admin` away from
    itself, nor set an allow-list that excludes the address it is calling from (409), so an account is
    not locked out of its own keys by mistake.

    Args:
        key_id (str):
        body (ApiKeyUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Error
     """


    return (await asyncio_detailed(
        key_id=key_id,
client=client,
body=body,

    )).parsed
