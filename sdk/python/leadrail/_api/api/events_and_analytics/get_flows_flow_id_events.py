from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.flow_events import FlowEvents
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    flow_id: str,
    *,
    event_type: str | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["event_type"] = event_type

    json_start_date: str | Unset
    if isinstance(start_date, Unset):
        json_start_date = UNSET
    elif isinstance(start_date, datetime.date):
        json_start_date = start_date.isoformat()
    else:
        json_start_date = start_date.isoformat()

    params["start_date"] = json_start_date

    json_end_date: str | Unset
    if isinstance(end_date, Unset):
        json_end_date = UNSET
    elif isinstance(end_date, datetime.date):
        json_end_date = end_date.isoformat()
    else:
        json_end_date = end_date.isoformat()

    params["end_date"] = json_end_date

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/flows/{flow_id}/events".format(flow_id=quote(str(flow_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FlowEvents | None:
    if response.status_code == 200:
        response_200 = FlowEvents.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FlowEvents]:
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
    event_type: str | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Response[Error | FlowEvents]:
    """ Events of a flow’s leads

     Newest first. Requires `leads:read`: events describe what happened to leads.

    Args:
        flow_id (str):
        event_type (str | Unset): One or more (comma-separated) of received, enhanced, accepted,
            rejected, skipped, delivered, delivery_failed, converted, returned
        start_date (datetime.date | datetime.datetime | Unset): Events at or after this date (UTC)
            or datetime Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Events up to and including this date
            (UTC) or date-time; not before start_date (400 invalid_range) Example: 2024-01-31.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FlowEvents]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
event_type=event_type,
start_date=start_date,
end_date=end_date,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    event_type: str | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Error | FlowEvents | None:
    """ Events of a flow’s leads

     Newest first. Requires `leads:read`: events describe what happened to leads.

    Args:
        flow_id (str):
        event_type (str | Unset): One or more (comma-separated) of received, enhanced, accepted,
            rejected, skipped, delivered, delivery_failed, converted, returned
        start_date (datetime.date | datetime.datetime | Unset): Events at or after this date (UTC)
            or datetime Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Events up to and including this date
            (UTC) or date-time; not before start_date (400 invalid_range) Example: 2024-01-31.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FlowEvents
     """


    return sync_detailed(
        flow_id=flow_id,
client=client,
event_type=event_type,
start_date=start_date,
end_date=end_date,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    event_type: str | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Response[Error | FlowEvents]:
    """ Events of a flow’s leads

     Newest first. Requires `leads:read`: events describe what happened to leads.

    Args:
        flow_id (str):
        event_type (str | Unset): One or more (comma-separated) of received, enhanced, accepted,
            rejected, skipped, delivered, delivery_failed, converted, returned
        start_date (datetime.date | datetime.datetime | Unset): Events at or after this date (UTC)
            or datetime Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Events up to and including this date
            (UTC) or date-time; not before start_date (400 invalid_range) Example: 2024-01-31.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FlowEvents]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
event_type=event_type,
start_date=start_date,
end_date=end_date,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    flow_id: str,
    *,
    client: AuthenticatedClient | Client,
    event_type: str | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Error | FlowEvents | None:
    """ Events of a flow’s leads

     Newest first. Requires `leads:read`: events describe what happened to leads.

    Args:
        flow_id (str):
        event_type (str | Unset): One or more (comma-separated) of received, enhanced, accepted,
            rejected, skipped, delivered, delivery_failed, converted, returned
        start_date (datetime.date | datetime.datetime | Unset): Events at or after this date (UTC)
            or datetime Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Events up to and including this date
            (UTC) or date-time; not before start_date (400 invalid_range) Example: 2024-01-31.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FlowEvents
     """


    return (await asyncio_detailed(
        flow_id=flow_id,
client=client,
event_type=event_type,
start_date=start_date,
end_date=end_date,
limit=limit,
offset=offset,

    )).parsed
