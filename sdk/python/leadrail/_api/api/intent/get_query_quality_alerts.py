from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_query_quality_alerts_status import check_get_query_quality_alerts_status
from ...models.get_query_quality_alerts_status import GetQueryQualityAlertsStatus
from ...models.intent_error import IntentError
from ...models.query_quality_alerts import QueryQualityAlerts
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: GetQueryQualityAlertsStatus | Unset = 'active',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/query-quality/alerts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IntentError | QueryQualityAlerts | None:
    if response.status_code == 200:
        response_200 = QueryQualityAlerts.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IntentError | QueryQualityAlerts]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: GetQueryQualityAlertsStatus | Unset = 'active',

) -> Response[IntentError | QueryQualityAlerts]:
    """ Query quality alerts of the calling API key (high cost, high latency, empty results)

    Args:
        status (GetQueryQualityAlertsStatus | Unset): Which alerts to list: the active ones
            (default, as the reference), resolved, or all Default: 'active'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntentError | QueryQualityAlerts]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    status: GetQueryQualityAlertsStatus | Unset = 'active',

) -> IntentError | QueryQualityAlerts | None:
    """ Query quality alerts of the calling API key (high cost, high latency, empty results)

    Args:
        status (GetQueryQualityAlertsStatus | Unset): Which alerts to list: the active ones
            (default, as the reference), resolved, or all Default: 'active'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntentError | QueryQualityAlerts
     """


    return sync_detailed(
        client=client,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: GetQueryQualityAlertsStatus | Unset = 'active',

) -> Response[IntentError | QueryQualityAlerts]:
    """ Query quality alerts of the calling API key (high cost, high latency, empty results)

    Args:
        status (GetQueryQualityAlertsStatus | Unset): Which alerts to list: the active ones
            (default, as the reference), resolved, or all Default: 'active'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntentError | QueryQualityAlerts]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: GetQueryQualityAlertsStatus | Unset = 'active',

) -> IntentError | QueryQualityAlerts | None:
    """ Query quality alerts of the calling API key (high cost, high latency, empty results)

    Args:
        status (GetQueryQualityAlertsStatus | Unset): Which alerts to list: the active ones
            (default, as the reference), resolved, or all Default: 'active'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntentError | QueryQualityAlerts
     """


    return (await asyncio_detailed(
        client=client,
status=status,

    )).parsed
