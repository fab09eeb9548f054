""" Contains all the data models used in inputs/outputs """

from .accepted_lead import AcceptedLead
from .analytics import Analytics
from .analytics_metrics import AnalyticsMetrics
from .analytics_period import AnalyticsPeriod
from .api_key import ApiKey
from .api_key_input import ApiKeyInput
from .api_key_input_mode import ApiKeyInputMode
from .api_key_input_rate_limit import ApiKeyInputRateLimit
from .api_key_input_scopes_item import ApiKeyInputScopesItem
from .api_key_list import ApiKeyList
from .api_key_mode import ApiKeyMode
from .api_key_rate_limit import ApiKeyRateLimit
from .api_key_rotation import ApiKeyRotation
from .api_key_scopes_item import ApiKeyScopesItem
from .api_key_status import ApiKeyStatus
from .api_key_update import ApiKeyUpdate
from .api_key_update_rate_limit import ApiKeyUpdateRateLimit
from .api_key_update_scopes_item import ApiKeyUpdateScopesItem
from .bulk_replay import BulkReplay
from .bulk_replay_dry_run import BulkReplayDryRun
from .bulk_replay_dry_run_leads_item import BulkReplayDryRunLeadsItem
from .bulk_replay_request_type_0 import BulkReplayRequestType0
from .bulk_replay_request_type_1 import BulkReplayRequestType1
from .bulk_replay_status import BulkReplayStatus
from .created_api_key import CreatedApiKey
from .created_source_api_key import CreatedSourceApiKey
from .current_key import CurrentKey
from .current_key_mode import CurrentKeyMode
from .current_key_scopes_item import CurrentKeyScopesItem
from .email_validation import EmailValidation
from .email_validation_mx import EmailValidationMx
from .email_validation_status import EmailValidationStatus
from .error import Error
from .error_error import ErrorError
from .error_error_details_item import ErrorErrorDetailsItem
from .failed_deliveries import FailedDeliveries
from .failed_deliveries_groups_item import FailedDeliveriesGroupsItem
from .feedback import Feedback
from .feedback_result import FeedbackResult
from .feedback_result_type import FeedbackResultType
from .feedback_type import FeedbackType
from .flow import Flow
from .flow_cap_usage import FlowCapUsage
from .flow_cap_usage_caps_item import FlowCapUsageCapsItem
from .flow_cap_usage_caps_item_per import FlowCapUsageCapsItemPer
from .flow_cap_usage_caps_item_scope import FlowCapUsageCapsItemScope
from .flow_configuration import FlowConfiguration
from .flow_configuration_caps_item import FlowConfigurationCapsItem
from .flow_configuration_delivery_retry import FlowConfigurationDeliveryRetry
from .flow_configuration_distribution import FlowConfigurationDistribution
from .flow_configuration_fields_item import FlowConfigurationFieldsItem
from .flow_configuration_pricing import FlowConfigurationPricing
from .flow_configuration_steps_item import FlowConfigurationStepsItem
from .flow_event import FlowEvent
from .flow_event_details_type_0 import FlowEventDetailsType0
from .flow_event_fields_type_0 import FlowEventFieldsType0
from .flow_event_recipient_type_0 import FlowEventRecipientType0
from .flow_events import FlowEvents
from .flow_input import FlowInput
from .flow_input_caps_item import FlowInputCapsItem
from .flow_input_caps_item_per import FlowInputCapsItemPer
from .flow_input_delivery_retry import FlowInputDeliveryRetry
from .flow_input_distribution import FlowInputDistribution
from .flow_input_distribution_auction import FlowInputDistributionAuction
from .flow_input_distribution_mode import FlowInputDistributionMode
from .flow_input_distribution_waterfall_order import FlowInputDistributionWaterfallOrder
from .flow_input_fields_item import FlowInputFieldsItem
from .flow_input_fields_item_type import FlowInputFieldsItemType
from .flow_input_pricing import FlowInputPricing
from .flow_input_pricing_currency import FlowInputPricingCurrency
from .flow_input_pricing_purchase import FlowInputPricingPurchase
from .flow_input_pricing_purchase_rules_item import FlowInputPricingPurchaseRulesItem
from .flow_input_settings import FlowInputSettings
from .flow_input_settings_notifications_type_0 import FlowInputSettingsNotificationsType0
from .flow_input_settings_notifications_type_0_events_item import FlowInputSettingsNotificationsType0EventsItem
from .flow_input_settings_volume_cap_type_0 import FlowInputSettingsVolumeCapType0
from .flow_input_status import FlowInputStatus
from .flow_input_steps_item_type_0 import FlowInputStepsItemType0
from .flow_input_steps_item_type_0_service import FlowInputStepsItemType0Service
from .flow_input_steps_item_type_0_settings import FlowInputStepsItemType0Settings
from .flow_input_steps_item_type_0_type import FlowInputStepsItemType0Type
from .flow_input_steps_item_type_1 import FlowInputStepsItemType1
from .flow_input_steps_item_type_1_outcome import FlowInputStepsItemType1Outcome
from .flow_input_steps_item_type_1_type import FlowInputStepsItemType1Type
from .flow_input_steps_item_type_3 import FlowInputStepsItemType3
from .flow_input_steps_item_type_3_action import FlowInputStepsItemType3Action
from .flow_input_steps_item_type_3_type import FlowInputStepsItemType3Type
from .flow_settings import FlowSettings
from .flow_settings_result import FlowSettingsResult
from .flow_settings_result_settings import FlowSettingsResultSettings
from .flow_settings_update import FlowSettingsUpdate
from .flow_settings_update_settings import FlowSettingsUpdateSettings
from .flow_settings_update_settings_notifications_type_0 import FlowSettingsUpdateSettingsNotificationsType0
from .flow_settings_update_settings_notifications_type_0_events_item import FlowSettingsUpdateSettingsNotificationsType0EventsItem
from .flow_settings_update_settings_volume_cap_type_0 import FlowSettingsUpdateSettingsVolumeCapType0
from .flow_versions import FlowVersions
from .flow_versions_versions_item import FlowVersionsVersionsItem
from .get_analytics_group_by import GetAnalyticsGroupBy
from .get_analytics_include_test_leads import GetAnalyticsIncludeTestLeads
from .get_analytics_metric import GetAnalyticsMetric
from .get_flows_response_200 import GetFlowsResponse200
from .get_flows_response_200_flows_item import GetFlowsResponse200FlowsItem
from .get_flows_response_200_flows_item_statistics import GetFlowsResponse200FlowsItemStatistics
from .get_leads_test_mode import GetLeadsTestMode
from .get_openapi_json_response_200 import GetOpenapiJsonResponse200
from .get_query_quality_alerts_status import GetQueryQualityAlertsStatus
from .health import Health
from .health_database import HealthDatabase
from .health_llm_service import HealthLlmService
from .health_status import HealthStatus
from .health_temporal import HealthTemporal
from .http_recipient_config import HttpRecipientConfig
from .http_recipient_config_basic_auth_type_0 import HttpRecipientConfigBasicAuthType0
from .http_recipient_config_caps_item import HttpRecipientConfigCapsItem
from .http_recipient_config_caps_item_per import HttpRecipientConfigCapsItemPer
from .http_recipient_config_field_mapping_type_0 import HttpRecipientConfigFieldMappingType0
from .http_recipient_config_format import HttpRecipientConfigFormat
from .http_recipient_config_headers import HttpRecipientConfigHeaders
from .http_recipient_config_method import HttpRecipientConfigMethod
from .http_recipient_config_response import HttpRecipientConfigResponse
from .http_recipient_input import HttpRecipientInput
from .http_recipient_input_type import HttpRecipientInputType
from .intent_error import IntentError
from .intent_error_error import IntentErrorError
from .intent_error_error_details import IntentErrorErrorDetails
from .intent_import_result import IntentImportResult
from .intent_import_result_engine_type_0 import IntentImportResultEngineType0
from .intent_import_result_errors_item import IntentImportResultErrorsItem
from .intent_lead import IntentLead
from .intent_lead_contact_info import IntentLeadContactInfo
from .intent_metadata import IntentMetadata
from .intent_query_request import IntentQueryRequest
from .intent_query_request_filters import IntentQueryRequestFilters
from .intent_query_response import IntentQueryResponse
from .lead import Lead
from .lead_batch import LeadBatch
from .lead_batch_leads_item import LeadBatchLeadsItem
from .lead_batch_leads_item_lead import LeadBatchLeadsItemLead
from .lead_batch_options import LeadBatchOptions
from .lead_batch_result import LeadBatchResult
from .lead_batch_result_results_item import LeadBatchResultResultsItem
from .lead_batch_result_results_item_error import LeadBatchResultResultsItemError
from .lead_batch_result_results_item_status import LeadBatchResultResultsItemStatus
from .lead_enhancements import LeadEnhancements
from .lead_enhancements_duplicate_check import LeadEnhancementsDuplicateCheck
from .lead_enhancements_trustedform import LeadEnhancementsTrustedform
from .lead_enhancements_trustedform_claim import LeadEnhancementsTrustedformClaim
from .lead_enhancements_trustedform_status import LeadEnhancementsTrustedformStatus
from .lead_event import LeadEvent
from .lead_event_details import LeadEventDetails
from .lead_event_outcome import LeadEventOutcome
from .lead_fields_type_0 import LeadFieldsType0
from .lead_lead_data import LeadLeadData
from .lead_pricing import LeadPricing
from .lead_pricing_currency import LeadPricingCurrency
from .lead_quality_metrics_type_0 import LeadQualityMetricsType0
from .lead_search_result import LeadSearchResult
from .lead_summary import LeadSummary
from .list_check_result import ListCheckResult
from .list_check_result_action import ListCheckResultAction
from .list_check_result_lists_item import ListCheckResultListsItem
from .list_check_result_lists_item_type import ListCheckResultListsItemType
from .list_check_result_result import ListCheckResultResult
from .parsed_field import ParsedField
from .phone_validation import PhoneValidation
from .phone_validation_status import PhoneValidationStatus
from .ping_answer import PingAnswer
from .ping_answer_code_type_1 import PingAnswerCodeType1
from .ping_answer_code_type_2_type_1 import PingAnswerCodeType2Type1
from .ping_answer_code_type_3_type_1 import PingAnswerCodeType3Type1
from .ping_answer_currency import PingAnswerCurrency
from .ping_answer_outcome import PingAnswerOutcome
from .ping_post_recipient_config import PingPostRecipientConfig
from .ping_post_recipient_config_basic_auth_type_0 import PingPostRecipientConfigBasicAuthType0
from .ping_post_recipient_config_bid import PingPostRecipientConfigBid
from .ping_post_recipient_config_caps_item import PingPostRecipientConfigCapsItem
from .ping_post_recipient_config_caps_item_per import PingPostRecipientConfigCapsItemPer
from .ping_post_recipient_config_field_mapping_type_0 import PingPostRecipientConfigFieldMappingType0
from .ping_post_recipient_config_format import PingPostRecipientConfigFormat
from .ping_post_recipient_config_headers import PingPostRecipientConfigHeaders
from .ping_post_recipient_config_method import PingPostRecipientConfigMethod
from .ping_post_recipient_config_response import PingPostRecipientConfigResponse
from .ping_post_recipient_input import PingPostRecipientInput
from .ping_post_recipient_input_type import PingPostRecipientInputType
from .ping_request import PingRequest
from .ping_request_lead import PingRequestLead
from .post_flows_flow_id_leads_data_body import PostFlowsFlowIdLeadsDataBody
from .post_flows_flow_id_leads_data_body_options_async import PostFlowsFlowIdLeadsDataBodyOptionsAsync
from .post_flows_flow_id_leads_data_body_options_test_mode import PostFlowsFlowIdLeadsDataBodyOptionsTestMode
from .post_intent_import_format import PostIntentImportFormat
from .post_intent_import_kind import PostIntentImportKind
from .post_lists_list_id_uploads_action import PostListsListIdUploadsAction
from .probe import Probe
from .probe_status import ProbeStatus
from .query_quality_alert import QueryQualityAlert
from .query_quality_alert_severity import QueryQualityAlertSeverity
from .query_quality_alert_status import QueryQualityAlertStatus
from .query_quality_alert_type import QueryQualityAlertType
from .query_quality_alerts import QueryQualityAlerts
from .query_quality_alerts_summary import QueryQualityAlertsSummary
from .query_quality_reputation import QueryQualityReputation
from .query_quality_reputation_components import QueryQualityReputationComponents
from .query_quality_reputation_throttle_status import QueryQualityReputationThrottleStatus
from .recipient import Recipient
from .recipient_config import RecipientConfig
from .recipient_list import RecipientList
from .recipient_type import RecipientType
from .replay_request_type_0 import ReplayRequestType0
from .replay_request_type_1 import ReplayRequestType1
from .replay_result import ReplayResult
from .replay_result_attempts_item import ReplayResultAttemptsItem
from .replay_result_attempts_item_outcome import ReplayResultAttemptsItemOutcome
from .source import Source
from .source_api_key import SourceApiKey
from .source_api_key_list import SourceApiKeyList
from .source_caps_item import SourceCapsItem
from .source_field_mappings import SourceFieldMappings
from .source_input import SourceInput
from .source_input_caps_item import SourceInputCapsItem
from .source_input_caps_item_per import SourceInputCapsItemPer
from .source_input_field_mappings import SourceInputFieldMappings
from .source_input_ping import SourceInputPing
from .source_input_ping_limits import SourceInputPingLimits
from .source_input_pricing_type_0 import SourceInputPricingType0
from .source_input_pricing_type_0_rules_item import SourceInputPricingType0RulesItem
from .source_key_input import SourceKeyInput
from .source_key_input_mode import SourceKeyInputMode
from .source_list import SourceList
from .source_ping import SourcePing
from .source_ping_limits import SourcePingLimits
from .source_pricing_type_0 import SourcePricingType0
from .source_pricing_type_0_rules_item import SourcePricingType0RulesItem
from .submit_lead import SubmitLead
from .submit_lead_lead import SubmitLeadLead
from .submit_lead_options import SubmitLeadOptions
from .submitted_lead import SubmittedLead
from .submitted_lead_pricing import SubmittedLeadPricing
from .submitted_lead_pricing_currency import SubmittedLeadPricingCurrency
from .suppression_items_input import SuppressionItemsInput
from .suppression_items_result import SuppressionItemsResult
from .suppression_items_result_invalid_items_item import SuppressionItemsResultInvalidItemsItem
from .suppression_list import SuppressionList
from .suppression_list_input import SuppressionListInput
from .suppression_list_input_type import SuppressionListInputType
from .suppression_list_list import SuppressionListList
from .suppression_list_type import SuppressionListType
from .suppression_list_update import SuppressionListUpdate
from .suppression_lookup_result import SuppressionLookupResult
from .suppression_lookup_result_results_item import SuppressionLookupResultResultsItem
from .webhook_secret import WebhookSecret
from .webhook_secret_previous_type_0 import WebhookSecretPreviousType0
from .webhook_secret_rotation import WebhookSecretRotation

__all__ = (
    "AcceptedLead",
    "Analytics",
    "AnalyticsMetrics",
    "AnalyticsPeriod",
    "ApiKey",
    "ApiKeyInput",
    "ApiKeyInputMode",
    "ApiKeyInputRateLimit",
    "ApiKeyInputScopesItem",
    "ApiKeyList",
    "ApiKeyMode",
    "ApiKeyRateLimit",
    "ApiKeyRotation",
    "ApiKeyScopesItem",
    "ApiKeyStatus",
    "ApiKeyUpdate",
    "ApiKeyUpdateRateLimit",
    "ApiKeyUpdateScopesItem",
    "BulkReplay",
    "BulkReplayDryRun",
    "BulkReplayDryRunLeadsItem",
    "BulkReplayRequestType0",
    "BulkReplayRequestType1",
    "BulkReplayStatus",
    "CreatedApiKey",
    "CreatedSourceApiKey",
    "CurrentKey",
    "CurrentKeyMode",
    "CurrentKeyScopesItem",
    "EmailValidation",
    "EmailValidationMx",
    "EmailValidationStatus",
    "Error",
    "ErrorError",
    "ErrorErrorDetailsItem",
    "FailedDeliveries",
    "FailedDeliveriesGroupsItem",
    "Feedback",
    "FeedbackResult",
    "FeedbackResultType",
    "FeedbackType",
    "Flow",
    "FlowCapUsage",
    "FlowCapUsageCapsItem",
    "FlowCapUsageCapsItemPer",
    "FlowCapUsageCapsItemScope",
    "FlowConfiguration",
    "FlowConfigurationCapsItem",
    "FlowConfigurationDeliveryRetry",
    "FlowConfigurationDistribution",
    "FlowConfigurationFieldsItem",
    "FlowConfigurationPricing",
    "FlowConfigurationStepsItem",
    "FlowEvent",
    "FlowEventDetailsType0",
    "FlowEventFieldsType0",
    "FlowEventRecipientType0",
    "FlowEvents",
    "FlowInput",
    "FlowInputCapsItem",
    "FlowInputCapsItemPer",
    "FlowInputDeliveryRetry",
    "FlowInputDistribution",
    "FlowInputDistributionAuction",
    "FlowInputDistributionMode",
    "FlowInputDistributionWaterfallOrder",
    "FlowInputFieldsItem",
    "FlowInputFieldsItemType",
    "FlowInputPricing",
    "FlowInputPricingCurrency",
    "FlowInputPricingPurchase",
    "FlowInputPricingPurchaseRulesItem",
    "FlowInputSettings",
    "FlowInputSettingsNotificationsType0",
    "FlowInputSettingsNotificationsType0EventsItem",
    "FlowInputSettingsVolumeCapType0",
    "FlowInputStatus",
    "FlowInputStepsItemType0",
    "FlowInputStepsItemType0Service",
    "FlowInputStepsItemType0Settings",
    "FlowInputStepsItemType0Type",
    "FlowInputStepsItemType1",
    "FlowInputStepsItemType1Outcome",
    "FlowInputStepsItemType1Type",
    "FlowInputStepsItemType3",
    "FlowInputStepsItemType3Action",
    "FlowInputStepsItemType3Type",
    "FlowSettings",
    "FlowSettingsResult",
    "FlowSettingsResultSettings",
    "FlowSettingsUpdate",
    "FlowSettingsUpdateSettings",
    "FlowSettingsUpdateSettingsNotificationsType0",
    "FlowSettingsUpdateSettingsNotificationsType0EventsItem",
    "FlowSettingsUpdateSettingsVolumeCapType0",
    "FlowVersions",
    "FlowVersionsVersionsItem",
    "GetAnalyticsGroupBy",
    "GetAnalyticsIncludeTestLeads",
    "GetAnalyticsMetric",
    "GetFlowsResponse200",
    "GetFlowsResponse200FlowsItem",
    "GetFlowsResponse200FlowsItemStatistics",
    "GetLeadsTestMode",
    "GetOpenapiJsonResponse200",
    "GetQueryQualityAlertsStatus",
    "Health",
    "HealthDatabase",
    "HealthLlmService",
    "HealthStatus",
    "HealthTemporal",
    "HttpRecipientConfig",
    "HttpRecipientConfigBasicAuthType0",
    "HttpRecipientConfigCapsItem",
    "HttpRecipientConfigCapsItemPer",
    "HttpRecipientConfigFieldMappingType0",
    "HttpRecipientConfigFormat",
    "HttpRecipientConfigHeaders",
    "HttpRecipientConfigMethod",
    "HttpRecipientConfigResponse",
    "HttpRecipientInput",
    "HttpRecipientInputType",
    "IntentError",
    "IntentErrorError",
    "IntentErrorErrorDetails",
    "IntentImportResult",
    "IntentImportResultEngineType0",
    "IntentImportResultErrorsItem",
    "IntentLead",
    "IntentLeadContactInfo",
    "IntentMetadata",
    "IntentQueryRequest",
    "IntentQueryRequestFilters",
    "IntentQueryResponse",
    "Lead",
    "LeadBatch",
    "LeadBatchLeadsItem",
    "LeadBatchLeadsItemLead",
    "LeadBatchOptions",
    "LeadBatchResult",
    "LeadBatchResultResultsItem",
    "LeadBatchResultResultsItemError",
    "LeadBatchResultResultsItemStatus",
    "LeadEnhancements",
    "LeadEnhancementsDuplicateCheck",
    "LeadEnhancementsTrustedform",
    "LeadEnhancementsTrustedformClaim",
    "LeadEnhancementsTrustedformStatus",
    "LeadEvent",
    "LeadEventDetails",
    "LeadEventOutcome",
    "LeadFieldsType0",
    "LeadLeadData",
    "LeadPricing",
    "LeadPricingCurrency",
    "LeadQualityMetricsType0",
    "LeadSearchResult",
    "LeadSummary",
    "ListCheckResult",
    "ListCheckResultAction",
    "ListCheckResultListsItem",
    "ListCheckResultListsItemType",
    "ListCheckResultResult",
    "ParsedField",
    "PhoneValidation",
    "PhoneValidationStatus",
    "PingAnswer",
    "PingAnswerCodeType1",
    "PingAnswerCodeType2Type1",
    "PingAnswerCodeType3Type1",
    "PingAnswerCurrency",
    "PingAnswerOutcome",
    "PingPostRecipientConfig",
    "PingPostRecipientConfigBasicAuthType0",
    "PingPostRecipientConfigBid",
    "PingPostRecipientConfigCapsItem",
    "PingPostRecipientConfigCapsItemPer",
    "PingPostRecipientConfigFieldMappingType0",
    "PingPostRecipientConfigFormat",
    "PingPostRecipientConfigHeaders",
    "PingPostRecipientConfigMethod",
    "PingPostRecipientConfigResponse",
    "PingPostRecipientInput",
    "PingPostRecipientInputType",
    "PingRequest",
    "PingRequestLead",
    "PostFlowsFlowIdLeadsDataBody",
    "PostFlowsFlowIdLeadsDataBodyOptionsAsync",
    "PostFlowsFlowIdLeadsDataBodyOptionsTestMode",
    "PostIntentImportFormat",
    "PostIntentImportKind",
    "PostListsListIdUploadsAction",
    "Probe",
    "ProbeStatus",
    "QueryQualityAlert",
    "QueryQualityAlerts",
    "QueryQualityAlertSeverity",
    "QueryQualityAlertsSummary",
    "QueryQualityAlertStatus",
    "QueryQualityAlertType",
    "QueryQualityReputation",
    "QueryQualityReputationComponents",
    "QueryQualityReputationThrottleStatus",
    "Recipient",
    "RecipientConfig",
    "RecipientList",
    "RecipientType",
    "ReplayRequestType0",
    "ReplayRequestType1",
    "ReplayResult",
    "ReplayResultAttemptsItem",
    "ReplayResultAttemptsItemOutcome",
    "Source",
    "SourceApiKey",
    "SourceApiKeyList",
    "SourceCapsItem",
    "SourceFieldMappings",
    "SourceInput",
    "SourceInputCapsItem",
    "SourceInputCapsItemPer",
    "SourceInputFieldMappings",
    "SourceInputPing",
    "SourceInputPingLimits",
    "SourceInputPricingType0",
    "SourceInputPricingType0RulesItem",
    "SourceKeyInput",
    "SourceKeyInputMode",
    "SourceList",
    "SourcePing",
    "SourcePingLimits",
    "SourcePricingType0",
    "SourcePricingType0RulesItem",
    "SubmitLead",
    "SubmitLeadLead",
    "SubmitLeadOptions",
    "SubmittedLead",
    "SubmittedLeadPricing",
    "SubmittedLeadPricingCurrency",
    "SuppressionItemsInput",
    "SuppressionItemsResult",
    "SuppressionItemsResultInvalidItemsItem",
    "SuppressionList",
    "SuppressionListInput",
    "SuppressionListInputType",
    "SuppressionListList",
    "SuppressionListType",
    "SuppressionListUpdate",
    "SuppressionLookupResult",
    "SuppressionLookupResultResultsItem",
    "WebhookSecret",
    "WebhookSecretPreviousType0",
    "WebhookSecretRotation",
)
