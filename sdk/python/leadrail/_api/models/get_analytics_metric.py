from typing import Literal

GetAnalyticsMetric = Literal['acceptance_rate', 'accepted_leads', 'average_quality', 'bid_rate', 'bids', 'conversion_rate', 'converted_leads', 'cost', 'delivered_leads', 'delivery_rate', 'pings', 'post_rate', 'posted_pings', 'profit', 'returned_leads', 'revenue', 'total_leads']

GET_ANALYTICS_METRIC_VALUES: set[GetAnalyticsMetric] = { 'acceptance_rate', 'accepted_leads', 'average_quality', 'bid_rate', 'bids', 'conversion_rate', 'converted_leads', 'cost', 'delivered_leads', 'delivery_rate', 'pings', 'post_rate', 'posted_pings', 'profit', 'returned_leads', 'revenue', 'total_leads',  }

def check_get_analytics_metric(value: str) -> GetAnalyticsMetric:
    if value in GET_ANALYTICS_METRIC_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ANALYTICS_METRIC_VALUES!r}")
