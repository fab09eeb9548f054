from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AnalyticsMetrics")



@_attrs_define
class AnalyticsMetrics:
    """ 
        Attributes:
            source (None | str | Unset):
            campaign (None | str | Unset):
            recipient (None | str | Unset): Recipient id (null: leads delivered to no recipient)
            recipient_name (None | str | Unset):
            day (str | Unset): YYYY-MM-DD (UTC)
            hour (str | Unset): YYYY-MM-DDTHH:00:00Z
            total_leads (int | Unset):
            accepted_leads (int | Unset):
            delivered_leads (int | Unset):
            converted_leads (int | Unset):
            returned_leads (int | Unset):
            acceptance_rate (float | Unset): accepted / total
            delivery_rate (float | Unset): delivered / accepted
            conversion_rate (float | Unset): converted / delivered
            average_quality (float | None | Unset):
            cost (float | Unset): Sum of purchase prices (USD)
            revenue (float | Unset): Sum of sale prices less returned amounts (USD)
            profit (float | Unset): revenue - cost (USD)
            source_name (None | str | Unset): Grouped by source: the source’s name, if it is one
            pings (int | Unset): Inbound pings (POST /flows/{id}/ping)
            bids (int | Unset): Pings answered with a bid
            posted_pings (int | Unset): Bids taken by a post
            bid_rate (float | Unset): bids / pings
            post_rate (float | Unset): posted_pings / bids
     """

    source: None | str | Unset = UNSET
    campaign: None | str | Unset = UNSET
    recipient: None | str | Unset = UNSET
    recipient_name: None | str | Unset = UNSET
    day: str | Unset = UNSET
    hour: str | Unset = UNSET
    total_leads: int | Unset = UNSET
    accepted_leads: int | Unset = UNSET
    delivered_leads: int | Unset = UNSET
    converted_leads: int | Unset = UNSET
    returned_leads: int | Unset = UNSET
    acceptance_rate: float | Unset = UNSET
    delivery_rate: float | Unset = UNSET
    conversion_rate: float | Unset = UNSET
    average_quality: float | None | Unset = UNSET
    cost: float | Unset = UNSET
    revenue: float | Unset = UNSET
    profit: float | Unset = UNSET
    source_name: None | str | Unset = UNSET
    pings: int | Unset = UNSET
    bids: int | Unset = UNSET
    posted_pings: int | Unset = UNSET
    bid_rate: float | Unset = UNSET
    post_rate: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        campaign: None | str | Unset
        if isinstance(self.campaign, Unset):
            campaign = UNSET
        else:
            campaign = self.campaign

        recipient: None | str | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        else:
            recipient = self.recipient

        recipient_name: None | str | Unset
        if isinstance(self.recipient_name, Unset):
            recipient_name = UNSET
        else:
            recipient_name = self.recipient_name

        day = self.day

        hour = self.hour

        total_leads = self.total_leads

        accepted_leads = self.accepted_leads

        delivered_leads = self.delivered_leads

        converted_leads = self.converted_leads

        returned_leads = self.returned_leads

        acceptance_rate = self.acceptance_rate

        delivery_rate = self.delivery_rate

        conversion_rate = self.conversion_rate

        average_quality: float | None | Unset
        if isinstance(self.average_quality, Unset):
            average_quality = UNSET
        else:
            average_quality = self.average_quality

        cost = self.cost

        revenue = self.revenue

        profit = self.profit

        source_name: None | str | Unset
        if isinstance(self.source_name, Unset):
            source_name = UNSET
        else:
            source_name = self.source_name

        pings = self.pings

        bids = self.bids

        posted_pings = self.posted_pings

        bid_rate = self.bid_rate

        post_rate = self.post_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if source is not UNSET:
            field_dict["source"] = source
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if recipient_name is not UNSET:
            field_dict["recipient_name"] = recipient_name
        if day is not UNSET:
            field_dict["day"] = day
        if hour is not UNSET:
            field_dict["hour"] = hour
        if total_leads is not UNSET:
            field_dict["total_leads"] = total_leads
        if accepted_leads is not UNSET:
            field_dict["accepted_leads"] = accepted_leads
        if delivered_leads is not UNSET:
            field_dict["delivered_leads"] = delivered_leads
        if converted_leads is not UNSET:
            field_dict["converted_leads"] = converted_leads
        if returned_leads is not UNSET:
            field_dict["returned_leads"] = returned_leads
        if acceptance_rate is not UNSET:
            field_dict["acceptance_rate"] = acceptance_rate
        if delivery_rate is not UNSET:
            field_dict["delivery_rate"] = delivery_rate
        if conversion_rate is not UNSET:
            field_dict["conversion_rate"] = conversion_rate
        if average_quality is not UNSET:
            field_dict["average_quality"] = average_quality
        if cost is not UNSET:
            field_dict["cost"] = cost
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if profit is not UNSET:
            field_dict["profit"] = profit
        if source_name is not UNSET:
            field_dict["source_name"] = source_name
        if pings is not UNSET:
            field_dict["pings"] = pings
        if bids is not UNSET:
            field_dict["bids"] = bids
        if posted_pings is not UNSET:
            field_dict["posted_pings"] = posted_pings
        if bid_rate is not UNSET:
            field_dict["bid_rate"] = bid_rate
        if post_rate is not UNSET:
            field_dict["post_rate"] = post_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        def _parse_campaign(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        campaign = _parse_campaign(d.pop("campaign", UNSET))


        def _parse_recipient(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))


        def _parse_recipient_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient_name = _parse_recipient_name(d.pop("recipient_name", UNSET))


        day = d.pop("day", UNSET)

        hour = d.pop("hour", UNSET)

        total_leads = d.pop("total_leads", UNSET)

        accepted_leads = d.pop("accepted_leads", UNSET)

        delivered_leads = d.pop("delivered_leads", UNSET)

        converted_leads = d.pop("converted_leads", UNSET)

        returned_leads = d.pop("returned_leads", UNSET)

        acceptance_rate = d.pop("acceptance_rate", UNSET)

        delivery_rate = d.pop("delivery_rate", UNSET)

        conversion_rate = d.pop("conversion_rate", UNSET)

        def _parse_average_quality(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_quality = _parse_average_quality(d.pop("average_quality", UNSET))


        cost = d.pop("cost", UNSET)

        revenue = d.pop("revenue", UNSET)

        profit = d.pop("profit", UNSET)

        def _parse_source_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_name = _parse_source_name(d.pop("source_name", UNSET))


        pings = d.pop("pings", UNSET)

        bids = d.pop("bids", UNSET)

        posted_pings = d.pop("posted_pings", UNSET)

        bid_rate = d.pop("bid_rate", UNSET)

        post_rate = d.pop("post_rate", UNSET)

        analytics_metrics = cls(
            source=source,
            campaign=campaign,
            recipient=recipient,
            recipient_name=recipient_name,
            day=day,
            hour=hour,
            total_leads=total_leads,
            accepted_leads=accepted_leads,
            delivered_leads=delivered_leads,
            converted_leads=converted_leads,
            returned_leads=returned_leads,
            acceptance_rate=acceptance_rate,
            delivery_rate=delivery_rate,
            conversion_rate=conversion_rate,
            average_quality=average_quality,
            cost=cost,
            revenue=revenue,
            profit=profit,
            source_name=source_name,
            pings=pings,
            bids=bids,
            posted_pings=posted_pings,
            bid_rate=bid_rate,
            post_rate=post_rate,
        )


        analytics_metrics.additional_properties = d
        return analytics_metrics

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
