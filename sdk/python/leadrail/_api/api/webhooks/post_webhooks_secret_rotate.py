from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.webhook_secret import WebhookSecret
from ...models.webhook_secret_rotation import WebhookSecretRotation
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: WebhookSecretRotation | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/secret/rotate",
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | WebhookSecret | None:
    if response.status_code == 200:
        response_200 = WebhookSecret.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | WebhookSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSecretRotation | Unset = UNSET,

) -> Response[Error | WebhookSecret]:
    """ Rotate the webhook signing secret

     A new secret signs from now on; the replaced one keeps signing too (a second `v1=` signature) for
    `overlap_seconds`, so receivers can switch without rejecting a webhook. Rotating again within the
    overlap drops the oldest secret (at most two sign). The body is optional.

    Args:
        body (WebhookSecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WebhookSecret]
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
    body: WebhookSecretRotation | Unset = UNSET,

) -> Error | WebhookSecret | None:
    """ Rotate the webhook signing secret

     A new secret signs from now on; the replaced one keeps signing too (a second `v1=` signature) for
    `overlap_seconds`, so receivers can switch without rejecting a webhook. Rotating again within the
    overlap drops the oldest secret (at most two sign). The body is optional.

    Args:
        body (WebhookSecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WebhookSecret
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSecretRotation | Unset = UNSET,

) -> Response[Error | WebhookSecret]:
    """ Rotate the webhook signing secret

     A new secret signs from now on; the replaced one keeps signing too (a second `v1=` signature) for
    `overlap_seconds`, so receivers can switch without rejecting a webhook. Rotating again within the
    overlap drops the oldest secret (at most two sign). The body is optional.

    Args:
        body (WebhookSecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WebhookSecret]
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
    body: WebhookSecretRotation | Unset = UNSET,

) -> Error | WebhookSecret | None:
    """ Rotate the webhook signing secret

     A new secret signs from now on; the replaced one keeps signing too (a second `v1=` signature) for
    `overlap_seconds`, so receivers can switch without rejecting a webhook. Rotating again within the
    overlap drops the oldest secret (at most two sign). The body is optional.

    Args:
        body (WebhookSecretRotation | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WebhookSecret
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
