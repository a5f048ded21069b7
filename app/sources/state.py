"""What every source says about itself, as plain values that video/ and datasources/
both produce without importing each other: its state with a reason (`SourceState`,
`SourceHealth`), the records it emits (`SourceRecord`, subclassed per feature) and
what it refused (`Rejection`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SourceState(StrEnum):
    """A source's state. The value is kept in `source_outage.state`."""

    STARTING = "starting"              # not known yet (first connection, a retry)
    LIVE = "live"                      # answers; records or heartbeats arrive
    STALE = "stale"                    # connected, but no heartbeat for too long
    DOWN = "down"                      # cannot be reached (refused, timeout, closed)
    AUTH_FAILED = "auth_failed"        # reached, but refuses our credentials
    PROTOCOL_ERROR = "protocol_error"  # reached, but does not speak the protocol
    STOPPED = "stopped"                # stopped by us (not an outage)


#: States in which a source counts as out of service (an outage once it lasts).
OUTAGE_STATES = frozenset({SourceState.STALE, SourceState.DOWN, SourceState.AUTH_FAILED,
                           SourceState.PROTOCOL_ERROR})

# Duty-log wording (record text, not UI).
STATE_VI: dict[SourceState, str] = {
    SourceState.STARTING: "đang kết nối",
    SourceState.LIVE: "hoạt động bình thường",
    SourceState.STALE: "không có tín hiệu hoạt động (không nhận được dữ liệu kiểm tra định kỳ)",
    SourceState.DOWN: "mất kết nối",
    SourceState.AUTH_FAILED: "không đăng nhập được (lỗi xác thực)",
    SourceState.PROTOCOL_ERROR: "trả lời sai giao thức (lỗi giao thức)",
    SourceState.STOPPED: "đã dừng",
}


@dataclass(frozen=True)
class SourceHealth:
    """One reading of a source's health. `since` is when it entered `state`;
    `last_heartbeat_at` is the last time the source was seen working (a probe
    answered, a record arrived), which tells a quiet night from an outage."""

    source_id: str
    state: SourceState
    reason: str = ""
    since: datetime | None = None
    records: int = 0
    rejects: int = 0
    last_record_at: datetime | None = None
    last_heartbeat_at: datetime | None = None

    @property
    def out_of_service(self) -> bool:
        return self.state in OUTAGE_STATES


@dataclass(frozen=True, kw_only=True)
class SourceRecord:
    """A record a source emits. `natural_id` identifies it at the source (a message
    id, a declaration number and version…): the ledger stores a record once per
    (source, natural id). `observed_at` is the source's time (UTC naive)."""

    source_id: str
    natural_id: str
    observed_at: datetime

    @property
    def kind(self) -> str:
        """The record type, as the ledger keeps it."""
        return type(self).__name__


@dataclass(frozen=True)
class Rejection:
    """A record refused by validation: the bytes as received and why."""

    source_id: str
    raw: bytes
    reason: str
    received_at: datetime
    details: dict[str, str] = field(default_factory=dict)


__all__ = ["OUTAGE_STATES", "STATE_VI", "Rejection", "SourceHealth", "SourceRecord",
           "SourceState"]
