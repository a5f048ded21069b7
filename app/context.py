"""Application bootstrap: builds every core service in one logged place from the
settings, and opens the shared database (migrating it) or the offline cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from pathlib import Path

from sqlalchemy import select

from app import logs
from app.anchor import Anchor, LocalHeadStore, SigningKeys
from app.auth import AccountService, CurrentUser
from app.cache import CachedShift, OfflineCache
from app.camera_health import CameraHealth, CameraOutageItems
from app.cameras.checklists import Checklists
from app.cameras.image_check import ImageChecks
from app.cameras.map_service import CameraMap
from app.cameras.ptz_check import PtzCheck, PtzPositionItems
from app.cameras.ptz_holds import PtzHolds
from app.cameras.registry import CameraRegistry
from app.clock import ConsoleClock, SystemClock
from app.customs.alerts import AlertService
from app.customs.gate import GateChecks
from app.customs.sampling import Sampling
from app.customs.views import CustomsViews
from app.db.changes import ChangeFeed
from app.db.engine import Database
from app.db.models import Desk, OrgUnit, Shift, UserAccount
from app.db.outbox import Outbox
from app.documents.issuer import DocumentIssuer
from app.dutylog import DutyLog
from app.errors import DatabaseUnavailable, DomainError
from app.evidence import EvidenceStore
from app.handover import (
    HandoverService,
    OpenCasesProvider,
    OpenItemRegistry,
    OpenNoticesProvider,
)
from app.logwriter import LogWriter
from app.notices import DocumentRegister, Notices
from app.org import ReferenceData
from app.roster import OfficeHours, Roster
from app.settings import Settings
from app.source_health import SourceOutageItems, SourceOutages
from app.topics import Change
from app.workflow.daily_reports import DailyReports
from app.workflow.directives import DirectiveService
from app.workflow.incidents import IncidentService
from app.workflow.open_items import PhoneOpinionItems, WorkflowOpenItems
from app.workflow.requests import RequestService

log = logs.get("db")


@dataclass
class AppContext:
    settings: Settings
    clock: ConsoleClock
    db: Database
    data_dir: Path
    accounts: AccountService = field(init=False)
    reference: ReferenceData = field(init=False)
    roster: Roster = field(init=False)
    dutylog: DutyLog = field(init=False)
    open_items: OpenItemRegistry = field(init=False)
    handover: HandoverService = field(init=False)
    signing_keys: SigningKeys = field(init=False)
    anchor: Anchor = field(init=False)
    notices: Notices = field(init=False)
    documents: DocumentRegister = field(init=False)
    outbox: Outbox = field(init=False)
    writer: LogWriter = field(init=False)
    incidents: IncidentService = field(init=False)
    requests: RequestService = field(init=False)
    cache: OfflineCache = field(init=False)
    cameras: CameraRegistry = field(init=False)
    ptz_holds: PtzHolds = field(init=False)
    camera_health: CameraHealth = field(init=False)
    source_outages: SourceOutages = field(init=False)
    customs: CustomsViews = field(init=False)
    alerts: AlertService = field(init=False)
    gate_checks: GateChecks = field(init=False)
    sampling: Sampling = field(init=False)
    evidence: EvidenceStore = field(init=False)
    checklists: Checklists = field(init=False)
    camera_map: CameraMap = field(init=False)
    ptz_check: PtzCheck = field(init=False)
    image_checks: ImageChecks = field(init=False)
    directives: DirectiveService = field(init=False)
    daily_reports: DailyReports = field(init=False)

    def __post_init__(self) -> None:
        self.accounts = AccountService(
            self.db, self.clock,
            role_prefix=self.settings.database_role_prefix if self.db.personal_login else None)
        self.reference = ReferenceData(self.db, self.clock, self.accounts)
        self.roster = Roster(self.db, self.clock, self.settings.shift_start_time())
        self.dutylog = DutyLog(self.db, self.clock, self.roster.ensure_shift_at)
        self.open_items = OpenItemRegistry()
        self.open_items.register(OpenCasesProvider(self.dutylog))
        self.open_items.register(OpenNoticesProvider(self.db))
        self.signing_keys = SigningKeys(self.db, self.clock)
        self.accounts.on_login.append(self.signing_keys.unlock_at_login)
        self.accounts.on_password_set.append(self.signing_keys.rewrap_in)
        self.anchor = Anchor(self.db, self.clock, self.dutylog, self.signing_keys,
                             LocalHeadStore(self.data_dir / "signed-heads.json"),
                             self.settings.checkpoint_every)
        self.handover = HandoverService(self.db, self.clock, self.dutylog, self.open_items,
                                        self.roster.leader_of, self.signing_keys, self.anchor)
        self.notices = Notices(self.db, self.clock)
        self.incidents = IncidentService(self.db, self.clock, self.dutylog)
        self.requests = RequestService(self.db, self.clock, self.dutylog, ack_minutes=30)
        self.open_items.register(WorkflowOpenItems(self.incidents, self.requests))
        self.open_items.register(PhoneOpinionItems(self.incidents))
        self.documents = DocumentRegister(self.db, self.clock, self._desk_code)
        self.outbox = Outbox(self.data_dir / "outbox.sqlite", self.clock)
        self.writer = LogWriter(self.dutylog, self.outbox, self.clock, self._replays_for)
        self.cache = OfflineCache(self.data_dir / "offline-cache.json", self.clock,
                                  self.accounts.throttle)
        self.cameras = CameraRegistry(self.db, self.clock, self.data_dir)
        self.ptz_holds = PtzHolds(self.db, self.clock)
        self.camera_health = CameraHealth(self.db, self.clock, self.dutylog)
        self.open_items.register(CameraOutageItems(self.camera_health))
        self.source_outages = SourceOutages(self.db, self.clock, self.dutylog)
        self.customs = CustomsViews(self.db)
        self.alerts = AlertService(self.db, self.clock, self.dutylog)
        self.gate_checks = GateChecks(self.db, self.clock, self.dutylog)
        self.sampling = Sampling(self.db, self.clock, self.dutylog)
        self.open_items.register(SourceOutageItems(self.source_outages))
        evidence_dir = (Path(self.settings.evidence_dir) if self.settings.evidence_dir
                        else self.data_dir / "evidence")
        self.evidence = EvidenceStore(self.db, self.clock, self.dutylog, evidence_dir)
        self.checklists = Checklists(self.db, self.clock, self.dutylog, self.cameras)
        self.camera_map = CameraMap(self.db, self.clock, self.cameras)
        self.ptz_check = PtzCheck(self.db, self.clock, self.dutylog, self.camera_map)
        self.open_items.register(PtzPositionItems(self.ptz_check))
        self.image_checks = ImageChecks(self.db, self.clock, self.dutylog)
        self.directives = DirectiveService(self.db, self.clock, self.dutylog, self.requests)
        self.daily_reports = DailyReports(self.db, self.clock, self.dutylog, self.data_dir,
                                          self.settings.shift_start_time())

    def _replays_for(self) -> int | None:
        """With one database login per person, the outbox replays its author's
        entries only (app/logwriter.py)."""
        if not self.accounts.personal:
            return None
        try:
            user_id = self.accounts.login_user_id()
        except DomainError:              # the database is away: nothing replays now
            user_id = None
        return -1 if user_id is None else user_id

    @cached_property
    def issuer(self) -> DocumentIssuer:
        """Issues Appendices II–V (app/documents/issuer.py). Built on first use: the
        templates are read then, and reportlab loads only when a document is printed."""
        return DocumentIssuer(self.db, self.clock, self.dutylog, self.documents, self.requests,
                              self.data_dir)

    @cached_property
    def mailer(self): # app.mail.DocumentMailer
        from app.mail import DocumentMailer, MailSettings  # noqa: PLC0415

        return DocumentMailer(MailSettings.from_settings(self.settings))

    def _desk_code(self, desk_id: int) -> str:
        with self.db.read() as s:
            return s.scalar(select(Desk.code).where(Desk.id == desk_id)) or str(desk_id)

    @classmethod
    def create(cls, settings: Settings, clock: ConsoleClock | None = None) -> AppContext:
        data_dir = settings.resolved_data_dir()
        data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.resolved_database_url(),
                      personal_login=settings.database_personal_login)
        return cls(settings=settings, clock=clock or SystemClock(), db=db, data_dir=data_dir)

    def change_feed(self, on_changes: Callable[[list[Change]], None],
                    on_state: Callable[[str], None]) -> ChangeFeed:
        """The feed of the other consoles' changes, as the settings pace it (not
        started)."""
        return ChangeFeed(self.db, on_changes, on_state,
                          poll_s=self.settings.poll_interval_ms / 1000,
                          max_backoff_s=self.settings.reconnect_max_s)

    def connect(self) -> None:
        """Migrate the shared database and adopt its clock. Raises DatabaseUnavailable."""
        self.db.migrate()
        self.clock.sync(self.db.server_now())
        log.info("connected to %s (clock offset %s)", self.db.url.render_as_string(),
                 self.clock.offset)

    def office_hours(self) -> OfficeHours:
        start, end = self.settings.office_hours()
        try:
            holidays = frozenset(self.reference.holidays())
        except DatabaseUnavailable:
            holidays = frozenset()
        return OfficeHours(start, end, tuple(self.settings.office_days), holidays)

    def refresh_cache(self, desk_id: int) -> None:
        """Keep what an offline start needs: users, desks, today's and tomorrow's shifts."""
        with self.db.read() as s:
            users = [{"id": u.id, "username": u.username, "full_name": u.full_name,
                      "roles": sorted(u.role_codes), "desk_id": u.desk_id, "unit_id": u.unit_id,
                      "password_hash": u.password_hash, "active": u.active}
                     for u in s.scalars(select(UserAccount))]
            desks = [{"id": d.id, "code": d.code, "name": d.name, "kind": d.kind,
                      "place": d.place, "duty_phone": d.duty_phone, "duty_fax": d.duty_fax}
                     for d in s.scalars(select(Desk))]
        shifts: list[CachedShift] = []
        today = self.roster.current_duty_date()
        for day in (today, today + timedelta(days=1)):
            shift = self.roster.ensure_shift(desk_id, day)
            shifts.append(self.cached_shift(shift))
        self.cache.save(users, desks, shifts)

    def cached_shift(self, shift: Shift) -> CachedShift:
        members = [(m.role, u.full_name, m.assignment) for m, u in self.roster.members(shift.id)]
        unit = ""
        if shift.duty_unit_id:
            with self.db.read() as s:
                unit = s.scalar(select(OrgUnit.name).where(OrgUnit.id == shift.duty_unit_id)) or ""
        return CachedShift(id=shift.id, desk_id=shift.desk_id, duty_date=shift.duty_date,
                           starts_at=shift.starts_at, ends_at=shift.ends_at, focus=shift.focus,
                           members=members, duty_unit=unit)

    def close(self) -> None:
        self.outbox.close()
        self.db.dispose()


__all__ = ["AppContext", "CurrentUser"]
