from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IntentQueryRequestFilters")



@_attrs_define
class IntentQueryRequestFilters:
    """ 
        Attributes:
            industries (list[str] | Unset):
            company_size (list[str] | Unset):
            location (list[str] | str | Unset):
            exclude (list[str] | Unset):
            technologies (list[str] | Unset):
            job_titles (list[str] | Unset):
     """

    industries: list[str] | Unset = UNSET
    company_size: list[str] | Unset = UNSET
    location: list[str] | str | Unset = UNSET
    exclude: list[str] | Unset = UNSET
    technologies: list[str] | Unset = UNSET
    job_titles: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = self.industries



        company_size: list[str] | Unset = UNSET
        if not isinstance(self.company_size, Unset):
            company_size = self.company_size



        location: list[str] | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, list):
            location = self.location


        else:
            location = self.location

        exclude: list[str] | Unset = UNSET
        if not isinstance(self.exclude, Unset):
            exclude = self.exclude



        technologies: list[str] | Unset = UNSET
        if not isinstance(self.technologies, Unset):
            technologies = self.technologies



        job_titles: list[str] | Unset = UNSET
        if not isinstance(self.job_titles, Unset):
            job_titles = self.job_titles




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if industries is not UNSET:
            field_dict["industries"] = industries
        if company_size is not UNSET:
            field_dict["company_size"] = company_size
        if location is not UNSET:
            field_dict["location"] = location
        if exclude is not UNSET:
            field_dict["exclude"] = exclude
        if technologies is not UNSET:
            field_dict["technologies"] = technologies
        if job_titles is not UNSET:
            field_dict["job_titles"] = job_titles

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        industries = cast(list[str], d.pop("industries", UNSET))


        company_size = cast(list[str], d.pop("company_size", UNSET))


        def _parse_location(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                location_type_1 = cast(list[str], data)

                return location_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        exclude = cast(list[str], d.pop("exclude", UNSET))


        technologies = cast(list[str], d.pop("technologies", UNSET))


        job_titles = cast(list[str], d.pop("job_titles", UNSET))


        intent_query_request_filters = cls(
            industries=industries,
            company_size=company_size,
            location=location,
            exclude=exclude,
            technologies=technologies,
            job_titles=job_titles,
        )

        return intent_query_request_filters

