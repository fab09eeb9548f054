from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_leads_test_mode import check_get_leads_test_mode
from ...models.get_leads_test_mode import GetLeadsTestMode
from ...models.lead_search_result import LeadSearchResult
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    flow_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    source: str | Unset = UNSET,
    campaign: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    test_mode: GetLeadsTestMode | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["flow_id"] = flow_id

    params["status"] = status

    params["source"] = source

    params["campaign"] = campaign

    params["external_id"] = external_id

    json_test_mode: str | Unset = UNSET
    if not isinstance(test_mode, Unset):
        json_test_mode = test_mode

    params["test_mode"] = json_test_mode

    json_created_after: str | Unset
    if isinstance(created_after, Unset):
        json_created_after = UNSET
    elif isinstance(created_after, datetime.date):
        json_created_after = created_after.isoformat()
    else:
        json_created_after = created_after.isoformat()

    params["created_after"] = json_created_after

    json_created_before: str | Unset
    if isinstance(created_before, Unset):
        json_created_before = UNSET
    elif isinstance(created_before, datetime.date):
        json_created_before = created_before.isoformat()
    else:
        json_created_before = created_before.isoformat()

    params["created_before"] = json_created_before

    params["limit"] = limit

    params["offset"] = offset


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/leads",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | LeadSearchResult | None:
    if response.status_code == 200:
        response_200 = LeadSearchResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | LeadSearchResult]:
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
    status: str | Unset = UNSET,
    source: str | Unset = UNSET,
    campaign: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    test_mode: GetLeadsTestMode | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Response[Error | LeadSearchResult]:
    """ Search leads

     Newest first. Pages by limit/offset; total_count counts every match.

    Args:
        flow_id (str | Unset): Only leads of this flow (404 if the account has none such)
        status (str | Unset): Lead status; one or more (comma-separated) of received, accepted,
            rejected, delivered, delivery_failed, failed
        source (str | Unset):
        campaign (str | Unset):
        external_id (str | Unset):
        test_mode (GetLeadsTestMode | Unset): Only test-mode leads (true) or only live ones
            (false); default both
        created_after (datetime.date | datetime.datetime | Unset): Leads created at or after this
            date (its midnight, UTC) or date-time Example: 2024-01-01.
        created_before (datetime.date | datetime.datetime | Unset): Leads created before this date
            (its midnight, UTC) or date-time; must be after created_after (400 invalid_range) Example:
            2024-02-01.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LeadSearchResult]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
status=status,
source=source,
campaign=campaign,
external_id=external_id,
test_mode=test_mode,
created_after=created_after,
created_before=created_before,
limit=limit,
offset=offset,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    source: str | Unset = UNSET,
    campaign: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    test_mode: GetLeadsTestMode | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Error | LeadSearchResult | None:
    """ Search leads

     Newest first. Pages by limit/offset; total_count counts every match.

    Args:
        flow_id (str | Unset): Only leads of this flow (404 if the account has none such)
        status (str | Unset): Lead status; one or more (comma-separated) of received, accepted,
            rejected, delivered, delivery_failed, failed
        source (str | Unset):
        campaign (str | Unset):
        external_id (str | Unset):
        test_mode (GetLeadsTestMode | Unset): Only test-mode leads (true) or only live ones
            (false); default both
        created_after (datetime.date | datetime.datetime | Unset): Leads created at or after this
            date (its midnight, UTC) or date-time Example: 2024-01-01.
        created_before (datetime.date | datetime.datetime | Unset): Leads created before this date
            (its midnight, UTC) or date-time; must be after created_after (400 invalid_range) Example:
            2024-02-01.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LeadSearchResult
     """


    return sync_detailed(
        client=client,
flow_id=flow_id,
status=status,
source=source,
campaign=campaign,
external_id=external_id,
test_mode=test_mode,
created_after=created_after,
created_before=created_before,
limit=limit,
offset=offset,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    source: str | Unset = UNSET,
    campaign: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    test_mode: GetLeadsTestMode | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Response[Error | LeadSearchResult]:
    """ Search leads

     Newest first. Pages by limit/offset; total_count counts every match.

    Args:
        flow_id (str | Unset): Only leads of this flow (404 if the account has none such)
        status (str | Unset): Lead status; one or more (comma-separated) of received, accepted,
            rejected, delivered, delivery_failed, failed
        source (str | Unset):
        campaign (str | Unset):
        external_id (str | Unset):
        test_mode (GetLeadsTestMode | Unset): Only test-mode leads (true) or only live ones
            (false); default both
        created_after (datetime.date | datetime.datetime | Unset): Leads created at or after this
            date (its midnight, UTC) or date-time Example: 2024-01-01.
        created_before (datetime.date | datetime.datetime | Unset): Leads created before this date
            (its midnight, UTC) or date-time; must be after created_after (400 invalid_range) Example:
            2024-02-01.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LeadSearchResult]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
status=status,
source=source,
campaign=campaign,
external_id=external_id,
test_mode=test_mode,
created_after=created_after,
created_before=created_before,
limit=limit,
offset=offset,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    source: str | Unset = UNSET,
    campaign: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    test_mode: GetLeadsTestMode | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,

) -> Error | LeadSearchResult | None:
    """ Search leads

     Newest first. Pages by limit/offset; total_count counts every match.

    Args:
        flow_id (str | Unset): Only leads of this flow (404 if the account has none such)
        status (str | Unset): Lead status; one or more (comma-separated) of received, accepted,
            rejected, delivered, delivery_failed, failed
        source (str | Unset):
        campaign (str | Unset):
        external_id (str | Unset):
        test_mode (GetLeadsTestMode | Unset): Only test-mode leads (true) or only live ones
            (false); default both
        created_after (datetime.date | datetime.datetime | Unset): Leads created at or after this
            date (its midnight, UTC) or date-time Example: 2024-01-01.
        created_before (datetime.date | datetime.datetime | Unset): Leads created before this date
            (its midnight, UTC) or date-time; must be after created_after (400 invalid_range) Example:
            2024-02-01.
        limit (int | Unset): Page size, 1 to 1000 (default 100)
        offset (int | Unset): Rows to skip (default 0)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LeadSearchResult
     """


    return (await asyncio_detailed(
        client=client,
flow_id=flow_id,
status=status,
source=source,
campaign=campaign,
external_id=external_id,
test_mode=test_mode,
created_after=created_after,
created_before=created_before,
limit=limit,
offset=offset,

    )).parsed
