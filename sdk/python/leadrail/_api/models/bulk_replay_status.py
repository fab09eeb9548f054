from typing import Literal

BulkReplayStatus = Literal['cancelled', 'completed', 'failed', 'running']

BULK_REPLAY_STATUS_VALUES: set[BulkReplayStatus] = { 'cancelled', 'completed', 'failed', 'running',  }

def check_bulk_replay_status(value: str) -> BulkReplayStatus:
    if value in BULK_REPLAY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BULK_REPLAY_STATUS_VALUES!r}")
