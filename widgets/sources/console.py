"""The data sources this console runs (datasources/), on the GUI side: it builds them
from the workstation's settings, starts them after login, and every few seconds
reads their health, shows it and hands it to the outage watch
(app/source_health.py), whose writes (an outage opened or closed, with its duty-log
entry and notice) run on the runner's serial lane. A console nobody sits at (a
--screenshot run) shows the health and writes no outage.

Sources that bring records (the customs gateway's feeds) run under an `Ingester`
for the console's desk: only the console holding the feed's lease reads it, its
records go through the ledger into the store (app/customs/store.py), refused ones
to the quarantine, and its cursor is kept in the database (resumed after a
restart)."""

from __future__ import annotations

import socket
import threading
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from app import logs
from app.auth import Permission
from app.customs.records import Feed
from app.customs.store import CustomsStore
from app.mail import MailSettings
from app.source_health import SourceInfo, SourceWatch
from app.sources import SourceHealth
from app.sources.cursors import SourceCursors
from app.sources.leases import SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import Quarantine
from datasources.base import Source
from datasources.customs_gateway import CustomsFeedSettings, CustomsFeedSource
from datasources.customs_gateway import source_info as feed_info
from datasources.ingest import Ingester
from datasources.mail_relay import MailRelaySettings, MailRelaySource, source_info
from datasources.registry import SourceRegistry
from widgets.messages import background_failure
from widgets.session import ConsoleSession

log = logs.get("sources")

TICK_MS = 5_000


class SourceConsole(QObject):
    healthChanged = Signal(list)      # list[SourceHealth], on the GUI thread
    outageRecorded = Signal()         # this console opened or closed an outage

    def __init__(self, session: ConsoleSession, console: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        ctx = session.ctx
        self.console = console or socket.gethostname()
        self.registry = SourceRegistry(ctx.clock)
        self.infos: dict[str, SourceInfo] = {}
        self.stale_after: dict[str, float] = {}
        self.watch = SourceWatch(ctx.source_outages, ctx.clock,
                                 threshold_s=ctx.settings.camera_outage_after_s)
        self.quarantine = Quarantine(ctx.db, ctx.clock, self.console)
        self.cursors = SourceCursors(ctx.db, ctx.clock, self.console)
        #: sources that bring records: run by an Ingester for the desk, not directly
        self.ingesting: set[str] = set()
        self.ingesters: dict[str, Ingester] = {}
        self.health: list[SourceHealth] = []
        #: per source: (monotonic time, records, rejects) of the last minute's ticks
        self._counts: dict[str, deque[tuple[float, int, int]]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._round_running = False
        self._configure()

    # -- which sources --------------------------------------------------------------
    def _configure(self) -> None:
        ctx = self.session.ctx
        mail = MailSettings.from_settings(ctx.settings)
        if mail.host:
            settings = MailRelaySettings.from_mail(mail)
            self.add(MailRelaySource(settings, ctx.clock), source_info(settings))
        url = ctx.settings.customs_gateway_url
        if url:
            for feed in Feed:
                st = CustomsFeedSettings.for_feed(
                    feed, url, ctx.settings.customs_gateway_token,
                    unit_code=ctx.settings.customs_gateway_unit,
                    interval_s=ctx.settings.customs_gate_poll_s if feed == Feed.GATE
                    else ctx.settings.customs_poll_s)
                self.add(CustomsFeedSource(st, ctx.clock, cursors=self.cursors),
                         feed_info(st), ingest=True,
                         outage_after_s=2 * ctx.settings.customs_poll_s)

    def add(self, source: Source, info: SourceInfo,  # type: ignore[type-arg]
            ingest: bool = False, outage_after_s: float | None = None) -> None:
        """A source this console runs, described for its outage records; `ingest`: its
        records are stored for the desk (an Ingester runs it while holding its lease);
        `outage_after_s`: out of service that long, an outage is recorded (else the
        console's threshold)."""
        self.registry.add(source)
        if outage_after_s is not None:
            self.watch.monitor.set_threshold(source.source_id, outage_after_s)
        self.infos[source.source_id] = info
        self.stale_after[source.source_id] = source.settings.stale_after
        self.session.ctx.source_outages.describe(info)
        if ingest:
            self.ingesting.add(source.source_id)

    def feed(self, feed: Feed) -> CustomsFeedSource | None:
        """The customs gateway's source of a feed, if this console has it."""
        source = next((s for s in self.registry if isinstance(s, CustomsFeedSource)
                       and s.feed == feed), None)
        return source

    def _start_ingest(self) -> None:
        s = self.session
        if s.desk is None or not self.ingesting:
            return
        ctx, desk_id = s.ctx, s.desk.id
        self.cursors.desk_id = desk_id
        leases = SourceLeases(ctx.db, ctx.clock, self.console)
        ledger = IngestLedger(ctx.db, ctx.clock, self.console)
        store = CustomsStore(ctx.clock, desk_id).store
        for source in self.registry:
            if source.source_id in self.ingesting and source.source_id not in self.ingesters:
                ingester = Ingester(source, desk_id, leases, ledger, self.quarantine, store)
                self.ingesters[source.source_id] = ingester
                ingester.start()

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        if self._timer.isActive():
            return
        for source in self.registry:
            if source.source_id not in self.ingesting:
                source.start()
        self._start_ingest()
        if not self.session.unattended and self.session.online:
            self.session.runner.submit(self.watch.adopt, None,
                                       background_failure("source outages: adopt"),
                                       owner=self)
        self._timer.start()
        QTimer.singleShot(0, self.tick)

    def stop(self) -> None:
        self._timer.stop()
        # a probe may be waiting on a timeout: the sources end on a thread of their own
        ingesters, self.ingesters = list(self.ingesters.values()), {}

        def stop_all() -> None:
            for ingester in ingesters:      # gives the leases up: another console takes over
                ingester.stop()
            self.registry.stop_all()

        threading.Thread(target=stop_all, name="sources-stop", daemon=True).start()

    # -- every few seconds ---------------------------------------------------------------------
    def rates(self, source_id: str) -> tuple[float, float] | None:
        """(records, refused) per minute over the last minute of ticks; None before two."""
        seen = self._counts.get(source_id)
        if not seen or len(seen) < 2 or seen[-1][0] <= seen[0][0]:
            return None
        (t0, r0, j0), (t1, r1, j1) = seen[0], seen[-1]
        minutes = (t1 - t0) / 60.0
        return (r1 - r0) / minutes, (j1 - j0) / minutes

    def tick(self) -> None:
        self.health = self.registry.health()
        now = time.monotonic()
        for h in self.health:
            seen = self._counts.setdefault(h.source_id, deque())
            seen.append((now, h.records, h.rejects))
            while len(seen) > 2 and now - seen[1][0] >= 60:
                seen.popleft()
        for h in self.health:
            self.watch.observe(h, self.stale_after.get(h.source_id))
        self.healthChanged.emit(self.health)
        s = self.session
        user = s.user
        if (s.unattended or not s.online or s.desk is None or user is None
                or not user.can(Permission.LOG_WRITE) or self._round_running):
            return
        desk_id = s.desk.id
        self._round_running = True

        def done(round_) -> None:  # type: ignore[no-untyped-def]
            self._round_running = False
            if round_.opened or round_.closed:
                self.outageRecorded.emit()

        report = background_failure("source outages")

        def failed(exc: BaseException) -> None:
            self._round_running = False
            report(exc)

        s.runner.submit(lambda: self.watch.run_once(user, desk_id), done, failed,
                        serial=True, owner=self)


__all__ = ["SourceConsole"]
