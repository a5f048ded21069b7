"""The data sources this console runs (datasources/), on the GUI side: it builds them
from the workstation's settings, starts them after login, and every few seconds
reads their health, shows it and hands it to the outage watch
(app/source_health.py), whose writes (an outage opened or closed, with its duty-log
entry and notice) run on the runner's serial lane. A console nobody sits at (a
--screenshot run) shows the health and writes nothing."""

from __future__ import annotations

import socket
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from app import logs
from app.auth import Permission
from app.mail import MailSettings
from app.source_health import SourceInfo, SourceWatch
from app.sources import SourceHealth
from app.sources.quarantine import Quarantine
from datasources.base import Source
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
        self.health: list[SourceHealth] = []
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._round_running = False
        self._configure()

    # -- which sources --------------------------------------------------------------
    def _configure(self) -> None:
        mail = MailSettings.from_settings(self.session.ctx.settings)
        if mail.host:
            settings = MailRelaySettings.from_mail(mail)
            self.add(MailRelaySource(settings, self.session.ctx.clock), source_info(settings))

    def add(self, source: Source, info: SourceInfo) -> None:  # type: ignore[type-arg]
        """A source this console runs, described for its outage records."""
        self.registry.add(source)
        self.infos[source.source_id] = info
        self.stale_after[source.source_id] = source.settings.stale_after
        self.session.ctx.source_outages.describe(info)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        if self._timer.isActive():
            return
        for source in self.registry:
            source.start()
        if not self.session.unattended and self.session.online:
            self.session.runner.submit(self.watch.adopt, None,
                                       background_failure("source outages: adopt"),
                                       owner=self)
        self._timer.start()
        QTimer.singleShot(0, self.tick)

    def stop(self) -> None:
        self._timer.stop()
        # a probe may be waiting on a timeout: the sources end on a thread of their own
        threading.Thread(target=self.registry.stop_all, name="sources-stop",
                         daemon=True).start()

    # -- every few seconds ---------------------------------------------------------------------
    def tick(self) -> None:
        self.health = self.registry.health()
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
