from typing import Literal

LeadBatchResultResultsItemStatus = Literal['error', 'pending', 'skipped', 'success']

LEAD_BATCH_RESULT_RESULTS_ITEM_STATUS_VALUES: set[LeadBatchResultResultsItemStatus] = { 'error', 'pending', 'skipped', 'success',  }

def check_lead_batch_result_results_item_status(value: str) -> LeadBatchResultResultsItemStatus:
    if value in LEAD_BATCH_RESULT_RESULTS_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEAD_BATCH_RESULT_RESULTS_ITEM_STATUS_VALUES!r}")
