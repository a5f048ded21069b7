"""The sources' core (no Qt; it owns their SQL): what every external system says
about itself and emits (`state`: `SourceState`, `SourceHealth`, `SourceRecord`,
`Rejection`), the quarantine of refused records, the leases that name the one
console ingesting a source for a desk, and the ledger that stores a record once.
Adapters live in datasources/, cameras in video/; both produce these values.
Outages of sources are followed by app/source_health.py."""

from app.sources.state import (
    OUTAGE_STATES,
    STATE_VI,
    Rejection,
    SourceHealth,
    SourceRecord,
    SourceState,
)

__all__ = ["OUTAGE_STATES", "STATE_VI", "Rejection", "SourceHealth", "SourceRecord",
           "SourceState"]
