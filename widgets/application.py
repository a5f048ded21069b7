"""Start-up of the GUI, in one logged place: the Qt application, translations,
theme, connecting to the shared database (or starting offline from the cache)
off the GUI thread, login, the main window, and the --screenshot mode."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app import logs
from app.auth import CurrentUser
from app.cache import CachedShift
from app.clock import ConsoleClock
from app.context import AppContext
from app.errors import DatabaseUnavailable, DomainError
from app.roster import OfficeHours
from app.settings import Settings
from widgets import theme
from widgets.labels import db_state_label, role_label
from widgets.messages import install_excepthook, message_of
from widgets.qt_tasks import QtTaskRunner
from widgets.session import ConsoleSession, DeskInfo

log = logs.get("ui")
I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DEMO_USER = "truongca"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Vietnamese by default (our .qm and Qt's own), English as the second language."""
    out = []
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        for name in ("dutyroom_vi", "qt_extra_vi"):
            ours = QTranslator(app)
            if ours.load(str(I18N / f"{name}.qm")):
                app.installTranslator(ours)
                out.append(ours)
            else:
                log.warning("translation %s not found in %s (run .ci/setup)", name, I18N)
        qt = QTranslator(app)
        if qt.load("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            out.append(qt)
    return out


@dataclass
class Connected:
    online: bool
    desk: DeskInfo | None
    shift: CachedShift | None
    office_hours: OfficeHours | None
    error: str = ""


def settle_heap() -> None:
    """Once the console has started: what it built stays, so the garbage collector's
    full passes stop walking it (`gc.freeze`). Without this, a full collection on a
    source's ingest thread held the GIL for ~100 ms and the window missed its frames
    (benchmarks/customs_sources.py measures the event loop's worst delay)."""
    gc.collect()
    gc.freeze()


class Startup(QObject):
    """Connects, logs in and opens the main window; `ready(MainWindow)`."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, app: QApplication, args: argparse.Namespace, settings: Settings,
                 clock: ConsoleClock | None = None) -> None:
        super().__init__()
        self.app = app
        self.args = args
        self.settings = settings
        self.ctx = AppContext.create(settings, clock)
        self.runner = QtTaskRunner()
        self.session = ConsoleSession(self.ctx, self.runner)
        self.window = None
        self.login = None
        self.connected: Connected | None = None
        self.t0 = time.perf_counter()

    def start(self) -> None:
        if self.ctx.accounts.personal:
            # One database login per person: nothing to connect with before the
            # log-in; the dialog checks the password on the server, then we connect.
            self._show_login()
            return
        self._connect()
        if not self._auto_user():
            self._show_login()

    def _connect(self) -> None:
        ctx, args, code = self.ctx, self.args, self.settings.desk_code

        def work() -> Connected:
            try:
                ctx.connect()
                if args.demo:
                    from app import demo  # noqa: PLC0415

                    demo.seed(ctx)
                desk = ctx.reference.desk_by_code(code)
                info = DeskInfo(desk.id, desk.code, desk.name, desk.place)
                shift = ctx.cached_shift(ctx.roster.current_shift(desk.id))
                try:
                    ctx.refresh_cache(desk.id)
                except DomainError:
                    log.exception("cannot refresh the offline cache")
                return Connected(True, info, shift, ctx.office_hours())
            except DatabaseUnavailable as exc:
                cached = ctx.cache.desk(code)
                info = DeskInfo(cached["id"], cached["code"], cached["name"],
                                cached["place"]) if cached else None
                shift = ctx.cache.shift(info.id, ctx.clock.now()) if info else None
                start, end = ctx.settings.office_hours()
                hours = OfficeHours(start, end, tuple(ctx.settings.office_days), frozenset())
                return Connected(False, info, shift, hours, message_of(exc))

        self.runner.submit(work, self._connected, self._connect_failed, owner=self)

    def _auto_user(self) -> str | None:
        if self.args.user and self.args.demo:
            return self.args.user
        if self.args.screenshot and self.args.demo:
            return DEMO_USER
        return None

    def _show_login(self) -> None:
        from widgets.login import LoginDialog  # noqa: PLC0415

        code = self.settings.desk_code
        cached = self.ctx.cache.desk(code)   # the desk by its name, before the database
        self.login = LoginDialog(self.ctx, self.runner, cached["name"] if cached else code,
                                 db_state_label("connecting"))
        if self.args.user:
            self.login.username.setText(self.args.user)
            self.login.password.setFocus()
        if self.args.demo:
            from app.demo import DEMO_PASSWORD, demo_accounts  # noqa: PLC0415

            accounts = "; ".join(f"{name} ({', '.join(role_label(r) for r in roles)})"
                                 for name, roles in demo_accounts(code))
            self.login.hint.setText(self.tr("Demo accounts: {accounts} — password {password}")
                                    .format(accounts=accounts, password=DEMO_PASSWORD))
        self.login.authenticated.connect(self._logged_in)
        self.login.rejected.connect(lambda: self.failed.emit(""))
        self.login.show()

    def _connected(self, c: Connected) -> None:
        self.connected = c
        log.info("start: database %s after %.2f s", "online" if c.online else "offline",
                 time.perf_counter() - self.t0)
        if c.desk is None:
            self.failed.emit(self.tr("The duty desk '{code}' is unknown and the database is "
                                     "unreachable: {error}").format(code=self.settings.desk_code,
                                                                    error=c.error))
            return
        if self.login is not None:
            self.login.desk.setText(c.desk.name)
            self.login.set_online(c.online, db_state_label("online" if c.online else "offline")
                                  + (f"\n{c.error}" if c.error else ""))
        auto = self._auto_user()
        if auto:
            self._auto_login(auto)
        elif self.login is not None and getattr(self, "_pending_user", None):
            self._open(*self._pending_user)

    def _connect_failed(self, exc: BaseException) -> None:
        self.failed.emit(message_of(exc))

    def _auto_login(self, username: str) -> None:
        """Demo and screenshot mode: log in as a demo account without the dialog."""
        ctx, online = self.ctx, bool(self.connected and self.connected.online)

        def work() -> CurrentUser:
            from app.auth import to_current  # noqa: PLC0415

            return to_current(ctx.reference.user_by_username(username))

        if not online:
            self.failed.emit(self.tr("The demo database cannot be opened."))
            return
        self.runner.submit(work, lambda u: self._open(u, True), self._connect_failed, owner=self)

    def _logged_in(self, user: CurrentUser, online: bool) -> None:
        if self.connected is None:
            self._pending_user = (user, online)
            if self.ctx.accounts.personal:
                self._connect()        # as the login just checked (or from the cache)
            return
        self._open(user, online and self.connected.online)

    def _open(self, user: CurrentUser, online: bool) -> None:
        from widgets.main_window import MainWindow  # noqa: PLC0415

        c = self.connected
        assert c is not None and c.desk is not None
        self.session.office_hours = c.office_hours
        self.session.unattended = bool(self.args.screenshot)
        self.session.begin(user, c.desk, c.shift, online)
        self.window = MainWindow(self.session, persist_layout=not self.args.screenshot)
        self.window.logoutRequested.connect(self._logout)
        self.window.restore_layout()
        self.window.show()
        self.window.dutylog.reload()
        self.window.start_panels()
        settle_heap()
        walls = self.window.walls
        if self.args.demo:
            # the demo's cameras follow the simulators' ports of this run: seeded once
            # they are up (on a worker), then the walls and checks start
            ctx, ports = self.ctx, getattr(self.args, "sim_ports", None)

            def seed_cameras() -> None:
                from app import demo  # noqa: PLC0415
                from app.cameras.registry import seed_demo_cameras  # noqa: PLC0415

                seed_demo_cameras(ctx, **(ports.seeding() if ports else {}))
                demo.seed_camera_map(ctx)

            window = self.window
            self.runner.submit(seed_cameras, lambda _r: window.start_live(),
                               lambda exc: (log.error("demo cameras: %s", exc),
                                            window.start_live()), owner=self)
        else:
            self.window.start_live()
        restored = not self.args.screenshot and walls.restore()
        if self.args.demo and not restored and (not self.args.screenshot
                                                or self.args.view == "wall"):
            window = self.window
            walls.camerasLoaded.connect(
                lambda: walls.first_wall_with_cameras(16, avoid=window.screen()))
        log.info("main window after %.2f s", time.perf_counter() - self.t0)
        self.ready.emit(self.window)

    def _logout(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.session.stop()
        self.session.user = None
        self._show_login()

    def shutdown(self) -> None:
        self.session.stop()
        self.runner.shutdown()
        self.ctx.close()


def show_startup_error(text: str) -> None:
    """A start-up problem (invalid settings) as a dialog, for an operator who
    started the client from a desktop icon and sees no terminal."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)  # type: ignore[arg-type]
    QMessageBox.critical(None, "Trực ban – giám sát trực tuyến", text)


def shoot_wall(window, target: Path, exit_code: dict, app: QApplication,  # type: ignore[no-untyped-def]
               timeout: float = 40.0) -> None:
    """--view wall: once every tile of the first wall shows live pictures (or after
    `timeout` s), the wall window to PNG."""
    from widgets.wall.wall import live_count  # noqa: PLC0415

    started = time.monotonic()
    timer = QTimer(window)

    def check() -> None:
        walls = window.walls.walls
        if not walls:
            if time.monotonic() - started > timeout:
                log.error("no camera wall opened")
                exit_code["value"] = 1
                timer.stop()
                app.quit()
            return
        if walls[0].width() < 1600:
            walls[0].resize(1600, 940)
        wall = walls[0].wall
        tiles = wall.tiles()
        done = tiles and live_count(wall) == len(tiles) and all(
            t.frames_shown >= 5 for t in tiles)
        if done or time.monotonic() - started > timeout:
            timer.stop()
            if not done:
                log.warning("only %d of %d tiles live", live_count(wall), len(tiles))
            target.parent.mkdir(parents=True, exist_ok=True)
            if not walls[0].grab().save(str(target)):
                log.error("cannot write the screenshot %s", target)
                exit_code["value"] = 1
            app.quit()

    timer.timeout.connect(check)
    timer.start(250)


def run_gui(args: argparse.Namespace, settings: Settings) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("customs-dutyroom")
    app.setOrganizationName("customs")
    install_excepthook()
    install_translators(app, settings.language)
    theme.apply(app)
    startup = Startup(app, args, settings)
    exit_code = {"value": 0}

    def failed(text: str) -> None:
        if text:
            exit_code["value"] = 1
            if args.screenshot:
                log.error("%s", text)
            else:
                QMessageBox.critical(None, app.translate("Startup", "Cannot start"), text)
        app.quit()

    startup.failed.connect(failed)
    if args.screenshot:
        target = Path(args.screenshot)

        def shoot(window) -> None:  # type: ignore[no-untyped-def]
            # a data panel's id (main.py DATA_VIEWS), screenshot alone
            data_view = (args.view not in ("main", "log", "supervisor", "wall")
                         and args.view in window.docks)

            def grab() -> None:
                widget = {"log": window.dutylog,
                          "supervisor": getattr(window, "supervisor_console", None)
                          }.get(args.view) or window
                if data_view:
                    widget = window.docks[args.view]
                target.parent.mkdir(parents=True, exist_ok=True)
                if not widget.grab().save(str(target)):
                    log.error("cannot write the screenshot %s", target)
                    exit_code["value"] = 1
                app.quit()

            if args.view == "wall":
                shoot_wall(window, target, exit_code, app)
                return
            if args.view == "log":
                window.dutylog.resize(1500, 900)
            if getattr(args, "panel", None):
                window.open_panel(args.panel)
            if data_view:       # the data panel alone, at a readable size
                window.open_panel(args.view)
                dock = window.docks[args.view]
                dock.setFloating(True)
                dock.show()
                dock.resize(1500, 900)
                dock.raise_()
                args.panel = args.panel or args.view   # its sources answer meanwhile
            fired = {"done": False}

            def once(*_a: object) -> None:
                if not fired["done"]:
                    fired["done"] = True
                    # an opened panel's sources answer their first probe meanwhile
                    QTimer.singleShot(2500 if getattr(args, "panel", None) else 300, grab)

            console = getattr(window, "supervisor_console", None)
            if args.view == "supervisor" and console is not None:
                dock = window.docks["supervisor"]   # the console alone, at a readable size
                dock.setFloating(True)
                dock.show()
                dock.resize(1500, 900)
                dock.raise_()
                waiting = {"log": True, "console": True}

                def part(name: str) -> None:
                    waiting[name] = False
                    if not any(waiting.values()):
                        once()

                window.dutylog.loaded.connect(lambda *_a: part("log"))
                console.loaded.connect(lambda: part("console"))
            else:
                window.dutylog.loaded.connect(once)
            QTimer.singleShot(8000, once)

        startup.ready.connect(shoot)
    QTimer.singleShot(0, startup.start)
    app.exec()
    if startup.window is not None:
        startup.window.save_layout()
    startup.shutdown()
    return exit_code["value"]
