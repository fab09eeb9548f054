from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.analytics import Analytics
from ...models.error import Error
from ...models.get_analytics_group_by import check_get_analytics_group_by
from ...models.get_analytics_group_by import GetAnalyticsGroupBy
from ...models.get_analytics_include_test_leads import check_get_analytics_include_test_leads
from ...models.get_analytics_include_test_leads import GetAnalyticsIncludeTestLeads
from ...models.get_analytics_metric import check_get_analytics_metric
from ...models.get_analytics_metric import GetAnalyticsMetric
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    flow_id: str | Unset = UNSET,
    metric: GetAnalyticsMetric | Unset = UNSET,
    group_by: GetAnalyticsGroupBy | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    include_test_leads: GetAnalyticsIncludeTestLeads | Unset = 'false',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["flow_id"] = flow_id

    json_metric: str | Unset = UNSET
    if not isinstance(metric, Unset):
        json_metric = metric

    params["metric"] = json_metric

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by

    params["group_by"] = json_group_by

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

    json_include_test_leads: str | Unset = UNSET
    if not isinstance(include_test_leads, Unset):
        json_include_test_leads = include_test_leads

    params["include_test_leads"] = json_include_test_leads


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/analytics",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Analytics | Error | None:
    if response.status_code == 200:
        response_200 = Analytics.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Analytics | Error]:
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
    metric: GetAnalyticsMetric | Unset = UNSET,
    group_by: GetAnalyticsGroupBy | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    include_test_leads: GetAnalyticsIncludeTestLeads | Unset = 'false',

) -> Response[Analytics | Error]:
    """ Aggregated lead metrics

     Rates, conversions (from `converted` feedback events), cost, revenue (less `returned` amounts) and
    profit, grouped by source, campaign, recipient, day or hour. Live leads only unless
    `include_test_leads=true`. Grouped by recipient, a lead delivered to several recipients counts for
    each.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such); default all
        metric (GetAnalyticsMetric | Unset): Order the groups by this metric, highest first (ties
            by group key). Every row carries every metric, as in the reference
        group_by (GetAnalyticsGroupBy | Unset): Group rows by this key (day and hour in UTC);
            default one row for the period
        start_date (datetime.date | datetime.datetime | Unset): First day (UTC) or instant of the
            period; default 30 days before end_date Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Last day (UTC, inclusive) or instant
            of the period; default today (or start_date's day when that is later); not before
            start_date (400 invalid_range) Example: 2024-01-31.
        include_test_leads (GetAnalyticsIncludeTestLeads | Unset): Count test-mode leads too
            (default false) Default: 'false'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Analytics | Error]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
metric=metric,
group_by=group_by,
start_date=start_date,
end_date=end_date,
include_test_leads=include_test_leads,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    metric: GetAnalyticsMetric | Unset = UNSET,
    group_by: GetAnalyticsGroupBy | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    include_test_leads: GetAnalyticsIncludeTestLeads | Unset = 'false',

) -> Analytics | Error | None:
    """ Aggregated lead metrics

     Rates, conversions (from `converted` feedback events), cost, revenue (less `returned` amounts) and
    profit, grouped by source, campaign, recipient, day or hour. Live leads only unless
    `include_test_leads=true`. Grouped by recipient, a lead delivered to several recipients counts for
    each.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such); default all
        metric (GetAnalyticsMetric | Unset): Order the groups by this metric, highest first (ties
            by group key). Every row carries every metric, as in the reference
        group_by (GetAnalyticsGroupBy | Unset): Group rows by this key (day and hour in UTC);
            default one row for the period
        start_date (datetime.date | datetime.datetime | Unset): First day (UTC) or instant of the
            period; default 30 days before end_date Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Last day (UTC, inclusive) or instant
            of the period; default today (or start_date's day when that is later); not before
            start_date (400 invalid_range) Example: 2024-01-31.
        include_test_leads (GetAnalyticsIncludeTestLeads | Unset): Count test-mode leads too
            (default false) Default: 'false'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Analytics | Error
     """


    return sync_detailed(
        client=client,
flow_id=flow_id,
metric=metric,
group_by=group_by,
start_date=start_date,
end_date=end_date,
include_test_leads=include_test_leads,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    metric: GetAnalyticsMetric | Unset = UNSET,
    group_by: GetAnalyticsGroupBy | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    include_test_leads: GetAnalyticsIncludeTestLeads | Unset = 'false',

) -> Response[Analytics | Error]:
    """ Aggregated lead metrics

     Rates, conversions (from `converted` feedback events), cost, revenue (less `returned` amounts) and
    profit, grouped by source, campaign, recipient, day or hour. Live leads only unless
    `include_test_leads=true`. Grouped by recipient, a lead delivered to several recipients counts for
    each.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such); default all
        metric (GetAnalyticsMetric | Unset): Order the groups by this metric, highest first (ties
            by group key). Every row carries every metric, as in the reference
        group_by (GetAnalyticsGroupBy | Unset): Group rows by this key (day and hour in UTC);
            default one row for the period
        start_date (datetime.date | datetime.datetime | Unset): First day (UTC) or instant of the
            period; default 30 days before end_date Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Last day (UTC, inclusive) or instant
            of the period; default today (or start_date's day when that is later); not before
            start_date (400 invalid_range) Example: 2024-01-31.
        include_test_leads (GetAnalyticsIncludeTestLeads | Unset): Count test-mode leads too
            (default false) Default: 'false'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Analytics | Error]
     """


    kwargs = _get_kwargs(
        flow_id=flow_id,
metric=metric,
group_by=group_by,
start_date=start_date,
end_date=end_date,
include_test_leads=include_test_leads,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    flow_id: str | Unset = UNSET,
    metric: GetAnalyticsMetric | Unset = UNSET,
    group_by: GetAnalyticsGroupBy | Unset = UNSET,
    start_date: datetime.date | datetime.datetime | Unset = UNSET,
    end_date: datetime.date | datetime.datetime | Unset = UNSET,
    include_test_leads: GetAnalyticsIncludeTestLeads | Unset = 'false',

) -> Analytics | Error | None:
    """ Aggregated lead metrics

     Rates, conversions (from `converted` feedback events), cost, revenue (less `returned` amounts) and
    profit, grouped by source, campaign, recipient, day or hour. Live leads only unless
    `include_test_leads=true`. Grouped by recipient, a lead delivered to several recipients counts for
    each.

    Args:
        flow_id (str | Unset): One flow (404 if the account has none such); default all
        metric (GetAnalyticsMetric | Unset): Order the groups by this metric, highest first (ties
            by group key). Every row carries every metric, as in the reference
        group_by (GetAnalyticsGroupBy | Unset): Group rows by this key (day and hour in UTC);
            default one row for the period
        start_date (datetime.date | datetime.datetime | Unset): First day (UTC) or instant of the
            period; default 30 days before end_date Example: 2024-01-01.
        end_date (datetime.date | datetime.datetime | Unset): Last day (UTC, inclusive) or instant
            of the period; default today (or start_date's day when that is later); not before
            start_date (400 invalid_range) Example: 2024-01-31.
        include_test_leads (GetAnalyticsIncludeTestLeads | Unset): Count test-mode leads too
            (default false) Default: 'false'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Analytics | Error
     """


    return (await asyncio_detailed(
        client=client,
flow_id=flow_id,
metric=metric,
group_by=group_by,
start_date=start_date,
end_date=end_date,
include_test_leads=include_test_leads,

    )).parsed
