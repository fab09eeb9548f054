from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_flows_flow_id_leads_data_body_options_async import check_post_flows_flow_id_leads_data_body_options_async
from ..models.post_flows_flow_id_leads_data_body_options_async import PostFlowsFlowIdLeadsDataBodyOptionsAsync
from ..models.post_flows_flow_id_leads_data_body_options_test_mode import check_post_flows_flow_id_leads_data_body_options_test_mode
from ..models.post_flows_flow_id_leads_data_body_options_test_mode import PostFlowsFlowIdLeadsDataBodyOptionsTestMode
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PostFlowsFlowIdLeadsDataBody")



@_attrs_define
class PostFlowsFlowIdLeadsDataBody:
    """ Lead fields at the top level (or as lead.<name>), plus external_id, trusted_form_cert_url and options.async,
    options.test_mode, options.timeout

        Attributes:
            external_id (str | Unset):
            trusted_form_cert_url (str | Unset):
            xx_trusted_form_cert_url (str | Unset):
            source_id (str | Unset):
            ping_id (str | Unset):
            options_async (PostFlowsFlowIdLeadsDataBodyOptionsAsync | Unset):
            options_test_mode (PostFlowsFlowIdLeadsDataBodyOptionsTestMode | Unset):
            options_timeout (str | Unset): Milliseconds, 100 to 120000
     """

    external_id: str | Unset = UNSET
    trusted_form_cert_url: str | Unset = UNSET
    xx_trusted_form_cert_url: str | Unset = UNSET
    source_id: str | Unset = UNSET
    ping_id: str | Unset = UNSET
    options_async: PostFlowsFlowIdLeadsDataBodyOptionsAsync | Unset = UNSET
    options_test_mode: PostFlowsFlowIdLeadsDataBodyOptionsTestMode | Unset = UNSET
    options_timeout: str | Unset = UNSET
    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        trusted_form_cert_url = self.trusted_form_cert_url

        xx_trusted_form_cert_url = self.xx_trusted_form_cert_url

        source_id = self.source_id

        ping_id = self.ping_id

        options_async: str | Unset = UNSET
        if not isinstance(self.options_async, Unset):
            options_async = self.options_async


        options_test_mode: str | Unset = UNSET
        if not isinstance(self.options_test_mode, Unset):
            options_test_mode = self.options_test_mode


        options_timeout = self.options_timeout


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if trusted_form_cert_url is not UNSET:
            field_dict["trusted_form_cert_url"] = trusted_form_cert_url
        if xx_trusted_form_cert_url is not UNSET:
            field_dict["xxTrustedFormCertUrl"] = xx_trusted_form_cert_url
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if ping_id is not UNSET:
            field_dict["ping_id"] = ping_id
        if options_async is not UNSET:
            field_dict["options.async"] = options_async
        if options_test_mode is not UNSET:
            field_dict["options.test_mode"] = options_test_mode
        if options_timeout is not UNSET:
            field_dict["options.timeout"] = options_timeout

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_id = d.pop("external_id", UNSET)

        trusted_form_cert_url = d.pop("trusted_form_cert_url", UNSET)

        xx_trusted_form_cert_url = d.pop("xxTrustedFormCertUrl", UNSET)

        source_id = d.pop("source_id", UNSET)

        ping_id = d.pop("ping_id", UNSET)

        _options_async = d.pop("options.async", UNSET)
        options_async: PostFlowsFlowIdLeadsDataBodyOptionsAsync | Unset
        if isinstance(_options_async,  Unset):
            options_async = UNSET
        else:
            options_async = check_post_flows_flow_id_leads_data_body_options_async(_options_async)




        _options_test_mode = d.pop("options.test_mode", UNSET)
        options_test_mode: PostFlowsFlowIdLeadsDataBodyOptionsTestMode | Unset
        if isinstance(_options_test_mode,  Unset):
            options_test_mode = UNSET
        else:
            options_test_mode = check_post_flows_flow_id_leads_data_body_options_test_mode(_options_test_mode)




        options_timeout = d.pop("options.timeout", UNSET)

        post_flows_flow_id_leads_data_body = cls(
            external_id=external_id,
            trusted_form_cert_url=trusted_form_cert_url,
            xx_trusted_form_cert_url=xx_trusted_form_cert_url,
            source_id=source_id,
            ping_id=ping_id,
            options_async=options_async,
            options_test_mode=options_test_mode,
            options_timeout=options_timeout,
        )


        post_flows_flow_id_leads_data_body.additional_properties = d
        return post_flows_flow_id_leads_data_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
