"""One ingester per source and desk. `Ingester` runs a source on this console only
while the console holds the source's lease for the desk (app/sources/leases.py):
it starts the source when it gains the lease and stops it when it loses it, so a
serial line (a truck scale) is opened by one console of the room only. It is also
the source's sink: records go through the ledger (stored once per (source,
natural id), whoever ingests them: a take-over never doubles a record) and refused
records to the quarantine.

`step()` does one round (renew or take the lease, start or stop the source); the
ingester's thread calls it every ttl / 3, so when the holding console goes another
takes over within twice the source's interval (ttl = the interval by default)."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.errors import DatabaseUnavailable
from app.sources import Rejection, SourceRecord
from app.sources.leases import LeaseKeeper, SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import Quarantine
from datasources.base import Source

log = logging.getLogger("customs.datasources")

Store = Callable[[Session, SourceRecord], None]


class Ingester:
    def __init__(self, source: Source[Any], desk_id: int, leases: SourceLeases,
                 ledger: IngestLedger, quarantine: Quarantine, store: Store | None = None,
                 ttl: timedelta | None = None) -> None:
        self.source = source
        self.desk_id = desk_id
        self.ledger = ledger
        self.quarantine = quarantine
        self.store = store
        self.keeper = LeaseKeeper(leases, source.source_id, desk_id,
                                  ttl or timedelta(seconds=source.settings.interval_s))
        self.stored = 0
        self.duplicates = 0
        self._running = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        source.sink = self

    @property
    def ingesting(self) -> bool:
        """This console holds the lease and runs the source."""
        return self._running

    def step(self) -> bool:
        """One round: renew or take the lease, then start or stop the source."""
        try:
            held = self.keeper.step()
        except DatabaseUnavailable as exc:
            # Cannot renew: another console may take over, so we stop reading.
            log.warning("%s: lease not renewed (%s)", self.source.source_id, exc)
            held = False
        if held and not self._running:
            log.info("%s: this console ingests it", self.source.source_id)
            self.source.start()
            self._running = True
        elif not held and self._running:
            log.info("%s: another console ingests it", self.source.source_id)
            self.source.stop()
            self._running = False
        return held

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, daemon=True,
                                            name=f"ingester {self.source.source_id}")
            self._thread.start()

    def _run(self) -> None:
        interval = self.keeper.interval.total_seconds()
        while not self._stop.is_set():
            try:
                self.step()
            except Exception:  # a bug must not end the room's only ingester silently
                log.exception("%s: ingester step failed", self.source.source_id)
            self._stop.wait(interval)

    def stop(self, timeout: float = 10.0) -> bool:
        """Stops the source and gives the lease up (another console takes over now)."""
        thread, self._thread = self._thread, None
        self._stop.set()
        if thread is not None:
            thread.join(timeout)
        stopped = self.source.stop(timeout)
        self._running = False
        with contextlib.suppress(DatabaseUnavailable):   # else it expires by itself
            self.keeper.release()
        return stopped and (thread is None or not thread.is_alive())

    # -- the source's sink (on the source's thread) -------------------------------------
    def records(self, source_id: str, records: Sequence[SourceRecord]) -> None:
        result = self.ledger.ingest(records, self.store, self.desk_id)
        self.stored += result.stored
        self.duplicates += result.duplicates

    def rejected(self, rejection: Rejection) -> None:
        self.quarantine.put(rejection, self.desk_id)


__all__ = ["Ingester", "Store"]
