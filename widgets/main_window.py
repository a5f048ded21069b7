"""The main window of a console: the duty log in the centre, the shift, roster and
administration as dockable panels whose layout and monitor are saved per
workstation, menus with keyboard shortcuts, the status bar (user, desk, shift,
office hours, database state, outbox) and the screen lock."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from app.cache import CachedShift
from app.clock import to_local
from app.settings import config_dir
from widgets.dutylog.panel import DutyLogPanel
from widgets.fitting import fit_headers
from widgets.labels import db_state_label, role_label
from widgets.messages import bridge, show_error, translate
from widgets.panels import Navigator, open_panel
from widgets.registry import PANELS, RAISED
from widgets.session import ConsoleSession

STATE_VERSION = 1


DOCK_MIN_WIDTH = 320   # px; wider panels scroll inside their dock (a 1366-pixel screen fits)


class MainWindow(QMainWindow):
    locked = Signal(bool)
    logoutRequested = Signal()

    def __init__(self, session: ConsoleSession, persist_layout: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.persist_layout = persist_layout
        self.setWindowTitle(self.tr("Duty room – online surveillance"))
        self.dutylog = DutyLogPanel(session)
        self.setCentralWidget(self.dutylog)
        self.nav = Navigator(self)
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, QWidget] = {}
        from widgets.alerts import AlertBanner, AlertCenter  # noqa: PLC0415

        self.alerts = AlertCenter(self.session)   # before the docks: the data alerts feed it
        self._build_docks()
        self._build_status_bar()
        self.alert_banner = AlertBanner(self.alerts)
        self.alert_banner.activated.connect(self._alert_clicked)
        self.statusBar().addPermanentWidget(self.alert_banner)
        self._build_menus()
        self._lock_overlay: QWidget | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        minutes = session.ctx.settings.lock_after_minutes
        if minutes:
            self._idle.setInterval(minutes * 60_000)
            self._idle.timeout.connect(self.lock)
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self._idle.start()
        session.dbStateChanged.connect(self._show_db_state)
        session.shiftChanged.connect(self._show_shift)
        session.outboxChanged.connect(self._show_outbox)
        bridge().backgroundFailed.connect(self._background_failed)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._show_office_hours)
        self._clock.start()
        self.resize(1880, 1000)   # first start; the saved layout wins afterwards
        self.resizeDocks([self.docks["shift"]], [330], Qt.Orientation.Horizontal)
        if "supervisor" in self.docks:
            self.resizeDocks([self.docks["supervisor"]], [780], Qt.Orientation.Horizontal)
            # Before the first show the central widget's minimum wins: size again then.
            QTimer.singleShot(0, lambda: self.resizeDocks(
                [self.docks["supervisor"]], [780], Qt.Orientation.Horizontal))

    # -- layout ----------------------------------------------------------------------
    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        if widget.minimumSizeHint().width() > DOCK_MIN_WIDTH:
            # a wide panel scrolls rather than push the window past a 1920-pixel screen
            scroll = QScrollArea(dock)
            scroll.setWidget(widget)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setMinimumWidth(DOCK_MIN_WIDTH)
            dock.setWidget(scroll)
        else:
            dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_docks(self) -> None:
        """The docks of the registry this user sees, with the walls, the outage watch
        and the evidence flow they share; the navigator's requests are answered here."""
        from widgets.wall.evidence import EvidenceFlow  # noqa: PLC0415
        from widgets.wall.health import OutageWatch  # noqa: PLC0415
        from widgets.wall.manager import WallManager  # noqa: PLC0415

        self.walls = WallManager(self.session, self.layout_store(), persist=self.persist_layout)
        self.outages = OutageWatch(self.session)
        self.walls.cameraStateChanged.connect(self.outages.report)
        self.evidence = EvidenceFlow(self.session, self)
        self.walls.screenshotRequested.connect(
            lambda code, wall: self.evidence.take(self.walls.cameras[code], wall))
        self.evidence.evidenceSaved.connect(self._offer_incident)
        from widgets.sources.console import SourceConsole  # noqa: PLC0415

        self.sources = SourceConsole(self.session, parent=self)
        user = self.session.user
        self.specs = [p for p in PANELS if p.visible_to(user)]
        for spec in self.specs:
            panel = spec.build(self)
            self.panels[spec.id] = panel
            if spec.attr:
                setattr(self, spec.attr, panel)
            dock = self._dock(spec.id, translate("panels", spec.title), panel, spec.area)
            tab = next((t for t in spec.tab_with if t in self.docks), None)
            if tab is not None:
                self.tabifyDockWidget(self.docks[tab], dock)
            if spec.hidden:
                dock.hide()
            if spec.on_shown is not None:
                dock.visibilityChanged.connect(
                    lambda visible, sp=spec, w=panel: visible and sp.on_shown(self, w))
        for key in RAISED:
            if key in self.docks:
                self.docks[key].raise_()
        self.nav.showCameras.connect(self.walls.show_cameras)
        self.nav.showPanel.connect(self.open_panel)
        self.nav.openRequest.connect(self._open_request)
        self.nav.requestElsewhere.connect(self._request_elsewhere)
        self.nav.raiseIncident.connect(self.raise_incident)
        self.nav.writeEntry.connect(self.write_entry)
        if "incidents" in self.panels and "supervisor" in self.panels:
            self.supervisor_console.opens_requests = True

    def open_panel(self, key: str) -> None:
        """Show a panel's dock over its tab group and do what opening it does."""
        if key not in self.docks:
            return
        self.docks[key].show()
        self.docks[key].raise_()
        open_panel(next(p for p in self.specs if p.id == key), self, self.panels[key])

    def start_panels(self) -> None:
        """After login: what each panel loads or starts then."""
        for spec in self.specs:
            if spec.on_login is not None:
                spec.on_login(self, self.panels[spec.id])

    def _open_request(self, request_id: int) -> None:
        """A request opened from the supervisor console: in "My incidents" (a
        directive's request in "Directives and daily reports")."""
        if "incidents" not in self.docks:
            return
        self.docks["incidents"].raise_()
        self.incidents_panel.open_request(request_id)

    def _request_elsewhere(self, _request_id: int) -> None:
        if "directives" in self.docks:
            self.docks["directives"].raise_()

    def raise_incident_from_entry(self) -> None:
        """Raise an incident prefilled from the duty-log entry selected in the log."""
        row = self.dutylog.selected_row()
        if row is None or row.id is None or not hasattr(self, "incidents_panel"):
            return
        from app.workflow.prefill import IncidentPrefill  # noqa: PLC0415
        from app.workflow.views import read_entry  # noqa: PLC0415

        ctx, entry_id = self.session.ctx, row.id
        self.session.runner.submit(
            lambda: IncidentPrefill.from_entry(read_entry(ctx, entry_id)),
            self.raise_incident, lambda e: show_error(self, e), owner=self)

    def _new_entry_or_incident(self) -> None:
        """Ctrl+N: a new incident inside "My incidents", a new log entry elsewhere."""
        panel = getattr(self, "incidents_panel", None)
        focus = QApplication.focusWidget()
        if panel is not None and focus is not None and panel.isAncestorOf(focus):
            panel.raise_incident()
        else:
            self.dutylog.new_entry()

    def write_entry(self, prefill) -> None:  # type: ignore[no-untyped-def]
        """A new duty-log entry citing a record (a LogPrefill from a data panel)."""
        self.dutylog.form.prefill(prefill)
        self.dutylog.form.content.setFocus()

    def raise_incident(self, prefill=None):  # type: ignore[no-untyped-def]
        """Raise an incident (the camera wall passes an IncidentPrefill)."""
        panel = getattr(self, "incidents_panel", None)
        if panel is None:
            return None
        self.docks["incidents"].show()
        self.docks["incidents"].raise_()
        return panel.raise_incident(prefill)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.desk_label = QLabel()
        self.shift_label = QLabel()
        self.shift_label.setObjectName("statusShift")
        self.hours_label = QLabel()
        self.db_label = QLabel()
        self.db_label.setObjectName("stateOnline")
        self.outbox_label = QLabel()
        for w in (self.user_label, self.desk_label, self.shift_label, self.hours_label):
            sb.addWidget(w)
        sb.addPermanentWidget(self.outbox_label)
        sb.addPermanentWidget(self.db_label)
        s = self.session
        if s.user is not None:
            roles = ", ".join(role_label(r) for r in sorted(s.user.roles))
            self.user_label.setText(f"{s.user.full_name} ({roles})")
        if s.desk is not None:
            self.desk_label.setText(s.desk.name)
        self._show_shift(s.shift)
        self._show_db_state(s.db_state)
        self._show_office_hours()

    def _build_menus(self) -> None:
        mb = self.menuBar()
        system = mb.addMenu(self.tr("&System"))
        self._action(system, self.tr("&Lock screen"), "Ctrl+L", self.lock)
        self._action(system, self.tr("Log &out"), "Ctrl+Shift+Q", self.logoutRequested.emit)
        system.addSeparator()
        self._action(system, self.tr("E&xit"), QKeySequence.StandardKey.Quit, self.close)
        log = mb.addMenu(self.tr("&Duty log"))
        self._action(log, self.tr("&New entry"), "Ctrl+N", self._new_entry_or_incident)
        self._action(log, self.tr("&Correct selected entry"), "Ctrl+E",
                     self.dutylog.correct_selected)
        self._action(log, self.tr("&Search"), QKeySequence.StandardKey.Find,
                     self.dutylog.focus_search)
        # F5 reloads the log while the focus is in it; other panels (the camera-map
        # check) give F5 their own meaning
        self._action(log, self.tr("&Reload"), "F5", self.dutylog.reload, scope=self.dutylog)
        log.addSeparator()
        self._action(log, self.tr("&Print the shift's log…"), QKeySequence.StandardKey.Print,
                     self.print_log)
        self._action(log, self.tr("&Verify integrity"), "Ctrl+Shift+V", self.verify_log)
        cams = mb.addMenu(self.tr("&Cameras"))
        self._action(cams, self.tr("Open a camera &wall"), "Ctrl+Shift+W",
                     lambda: self.walls.open_wall(screen=self.screen()))
        self._action(cams, self.tr("Open walls on &every screen"), "Ctrl+Alt+W",
                     self.walls.open_on_every_screen)
        self._panel_actions(cams, "cameras")
        self._action(cams, self.tr("Save the walls as a &view…"), "Ctrl+Alt+S",
                     self._save_view)
        self.views_menu = cams.addMenu(self.tr("Open a saved v&iew"))
        self.views_menu.aboutToShow.connect(self._fill_views)
        data = mb.addMenu(self.tr("D&ata"))
        self._panel_actions(data, "data")
        shift = mb.addMenu(self.tr("S&hift"))
        self._action(shift, self.tr("&Handover…"), "Ctrl+H", self.open_handover)
        if "incidents" in self.docks:
            incidents = mb.addMenu(self.tr("&Incidents"))
            self._action(incidents, self.tr("&Raise incident…"), "Ctrl+Shift+N",
                         lambda: self.raise_incident())
            self._action(incidents, self.tr("Raise from the selected log &entry…"),
                         "Ctrl+Shift+E", self.raise_incident_from_entry)
            self._panel_actions(incidents, "incidents")
        view = mb.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        helpm = mb.addMenu(self.tr("&Help"))
        self._action(helpm, self.tr("&Keyboard shortcuts"), "F1", self._shortcuts)

    def _panel_actions(self, menu, key: str) -> None:  # type: ignore[no-untyped-def]
        """The registry's "open the panel" actions of one menu."""
        for spec in self.specs:
            if spec.menu == key and spec.shortcut:
                act = self._action(menu, translate("panels", spec.action), spec.shortcut,
                                   lambda _c=False, k=spec.id: self.open_panel(k))
                if spec.action_name:
                    act.setObjectName(spec.action_name)

    def _action(self, menu, text: str, shortcut, slot,  # type: ignore[no-untyped-def]
                scope: QWidget | None = None) -> QAction:
        """A menu action whose key works in the whole window, or only while the focus
        is inside `scope`."""
        act = QAction(text, self)
        act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        if scope is None:
            self.addAction(act)
        else:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            scope.addAction(act)
        return act

    def _offer_incident(self, record) -> None:  # type: ignore[no-untyped-def]
        """A saved screenshot offers "raise an incident" (the workflow's dialog,
        prefilled with the camera, time, place, description and the file's hash)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Screenshot saved"),
                          self.tr("Saved as evidence no. {id} and written to the duty log."
                                  "\nSHA-256 {sha}").replace("{id}", str(record.id))
                          .replace("{sha}", record.sha256), parent=self)
        raise_button = box.addButton(self.tr("Raise an incident"),
                                     QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._evidence_box = box

        def chosen(button) -> None:  # type: ignore[no-untyped-def]
            if button is raise_button:
                self.raise_incident_from_evidence(record)

        box.buttonClicked.connect(chosen)
        box.open()

    def raise_incident_from_evidence(self, record):  # type: ignore[no-untyped-def]
        from widgets.incidents import IncidentPrefill  # noqa: PLC0415

        cam = self.walls.cameras.get(record.camera_code)
        prefill = IncidentPrefill.from_evidence(
            camera_code=record.camera_code, captured_at=record.taken_at,
            file_path=self.session.ctx.evidence.path_of(record), sha256=record.sha256,
            place=record.place, description=record.description,
            camera_name=cam.name if cam else "", unit_id=cam.unit_id if cam else None)
        return self.raise_incident(prefill)

    def _save_view(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

        name, ok = QInputDialog.getText(self, self.tr("Save the walls as a view"),
                                        self.tr("Name of the view"))
        if ok and name.strip():
            self.walls.save_named(name)
            self.statusBar().showMessage(self.tr("View saved: {name}").replace(
                "{name}", name.strip()), 5000)

    def _fill_views(self) -> None:
        self.views_menu.clear()
        names = sorted(self.walls.named_views())
        if not names:
            self.views_menu.addAction(self.tr("(no saved view)")).setEnabled(False)
        for name in names:
            self.views_menu.addAction(name, lambda n=name: self.walls.open_named(n))

    def aim(self, aims: list) -> None:  # type: ignore[type-arg]
        """Ctrl-click on the plan: the calibrated PTZ cameras that can see the point turn
        to it (keeping their tilt)."""
        for code, pan, zoom in aims:
            cam = self.walls.cameras.get(code)
            if self.walls.ptz.can_control(cam):
                self.walls.ptz.aim(cam, pan, zoom)

    def start_live(self) -> None:
        """After login: the camera directory, the outage watch, the checklists, the
        workflow alerts."""
        self.walls.camerasLoaded.connect(self._cameras_ready)
        self.walls.load()
        self.outages.start()
        self.sources.start()
        self.checklist_panel.load()
        self.alerts.start()

    def _cameras_ready(self) -> None:
        if not getattr(self, "_shift_checked", False):
            self._shift_checked = True
            self.map_check.check_at_shift_start()

    def _alert_clicked(self, kind: str) -> None:
        if kind == "data" and "alerts" in self.docks:
            self.open_panel("alerts")
            return
        key = "supervisor" if "supervisor" in self.docks else "incidents"
        if key in self.docks:
            self.docks[key].show()
            self.docks[key].raise_()

    # -- status ---------------------------------------------------------------------------
    def _show_shift(self, shift: CachedShift | None) -> None:
        if shift is None:
            day = self.session.duty_day()[0]
            self.shift_label.setText(self.tr("No roster for the duty day {date}").format(
                date=f"{day:%d/%m/%Y}"))
            self.shift_panel.show_shift(None)
            return
        start, end = to_local(shift.starts_at), to_local(shift.ends_at)
        self.shift_label.setText(self.tr("Shift {start} → {end}").format(
            start=f"{start:%H:%M %d/%m}", end=f"{end:%H:%M %d/%m}"))
        self.shift_panel.show_shift(shift)

    def _show_db_state(self, state: str) -> None:
        self.db_label.setText(db_state_label(state))
        self.db_label.setObjectName({"online": "stateOnline", "offline": "stateOffline"}
                                    .get(state, "stateReconnecting"))
        self.db_label.style().unpolish(self.db_label)
        self.db_label.style().polish(self.db_label)

    def _background_failed(self, text: str) -> None:
        """A refresh nobody asked for by hand failed: said for ten seconds."""
        self.statusBar().showMessage(text, 10_000)

    def _show_outbox(self, pending: int, failed: int) -> None:
        parts = []
        if pending:
            parts.append(self.tr("{n} entries waiting to be written").format(n=pending))
        if failed:
            parts.append(self.tr("{n} entries refused").format(n=failed))
        self.outbox_label.setText(" · ".join(parts))

    def _show_office_hours(self) -> None:
        hours = self.session.office_hours
        if hours is None:
            return
        office = hours.is_office_time(self.session.ctx.clock.now())
        self.hours_label.setText(
            self.tr("Office hours") if office else
            self.tr("OUT OF OFFICE HOURS – report to the shift leader by phone"))
        self.hours_label.setObjectName("" if office else "outOfHours")
        now = self.session.ctx.clock.now()
        if not hours.knows_year(now):
            self.hours_label.setText(self.hours_label.text() + " · " + self.tr(
                "the reference data has no holidays for {year}: office hours ignore them")
                .format(year=to_local(now).year))
            self.hours_label.setObjectName("holidaysMissing")
        self.hours_label.style().unpolish(self.hours_label)
        self.hours_label.style().polish(self.hours_label)

    # -- actions ----------------------------------------------------------------------------
    def open_handover(self) -> None:
        from widgets.handover_dialog import HandoverDialog  # noqa: PLC0415

        dlg = HandoverDialog(self.session, self)
        dlg.changed.connect(lambda _h: self.shift_panel.reload_open_items())
        dlg.load()
        dlg.open()
        self._handover = dlg

    def print_log(self) -> None:
        s = self.session
        if s.desk is None or s.shift is None:
            return
        ctx, desk_code, shift_id = s.ctx, s.desk.code, s.shift.id
        name = s.user.full_name if s.user else ""
        self.statusBar().showMessage(self.tr("Preparing the duty log for printing…"))

        def work() -> bytes:
            from app.documents.printouts import duty_log_pdf  # noqa: PLC0415

            desk = ctx.reference.desk_by_code(desk_code)
            return duty_log_pdf(ctx, desk, ctx.roster.shift(shift_id), name)

        def done(pdf: bytes) -> None:
            from widgets.print_preview import PdfPrintPreview  # noqa: PLC0415

            self.statusBar().clearMessage()
            self._preview = PdfPrintPreview(pdf, self)
            self._preview.open()

        s.runner.submit(work, done, lambda e: show_error(self, e), owner=self)

    def verify_log(self) -> None:
        s = self.session
        if s.desk is None:
            return
        ctx, desk_id = s.ctx, s.desk.id
        self.statusBar().showMessage(self.tr("Verifying the duty log's hash chain…"))

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self.statusBar().clearMessage()
            if result.ok:
                QMessageBox.information(self, self.tr("Duty log intact"), self.tr(
                    "All {n} entries are intact and linked.").format(n=result.checked))
            else:
                QMessageBox.critical(self, self.tr("Duty log ALTERED"), self.tr(
                    "The chain breaks at entry #{seq}: {reason}").format(
                    seq=result.broken_seq, reason=result.reason_text(translate)))

        s.runner.submit(lambda: ctx.dutylog.verify(desk_id), done, lambda e: show_error(self, e),
                        owner=self)

    def _shortcuts(self) -> None:
        """F1: the keys, the registry's data panels' included (their menu texts)."""
        data = [f"{spec.shortcut} {translate('panels', spec.action).replace('&', '')}"
                for spec in self.specs if spec.menu == "data" and spec.shortcut]
        text = self.tr(
            "Ctrl+N new entry · Ctrl+Enter save entry · Esc clear the form\n"
            "Ctrl+E correct the selected entry · Ctrl+F search · F5 reload\n"
            "Ctrl+P print the shift's log · Ctrl+Shift+V verify integrity\n"
            "Ctrl+H handover · Ctrl+L lock the screen · Ctrl+Q exit\n\n"
            "Camera walls: Ctrl+Shift+W open a wall · Ctrl+Alt+W a wall on every screen\n"
            "On a wall: a camera number + Enter · arrows select · Enter or double-click "
            "maximises · Esc back · Delete empties · wheel zooms · F11 full screen · "
            "Ctrl+1…Ctrl+6 layouts · Ctrl+D diagnostics · F12 screenshot evidence · "
            "M sound of the command vehicle\n"
            "PTZ camera: P PTZ mode (arrows, wheel, drag, on-tile pad) · PgUp/PgDn zoom · "
            "a number + * goes to a preset\n"
            "Ctrl+Shift+H camera health · Ctrl+Shift+S screenshots · Ctrl+Shift+P presets · "
            "Ctrl+Shift+M site plan · Ctrl+Shift+G camera-map check (F5 check, Ctrl+R "
            "restore) · Ctrl+Shift+C area checklist\n\n"
            "Incidents: Ctrl+Shift+N raise · Ctrl+Shift+I my incidents · Ctrl+Shift+D "
            "directives and daily reports · supervisor console: Ctrl+Enter approve, "
            "Ctrl+R reject, Ctrl+I issue the fax")
        if data:
            text += "\n\n" + " · ".join(data)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    # -- screen lock ----------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.MouseMove) and self._lock_overlay is None:
            self._idle.start()
        return False

    def lock(self) -> None:
        if self._lock_overlay is not None or self.session.user is None:
            return
        from widgets.login import LoginDialog  # noqa: PLC0415

        overlay = QLabel(self.tr("Screen locked – {name}").format(name=self.session.user.full_name),
                         self)
        overlay.setObjectName("lockOverlay")
        overlay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        overlay.setStyleSheet("background: #0d1117; color: #8b949e; font-size: 22px;")
        overlay.setGeometry(self.rect())
        overlay.show()
        overlay.raise_()
        self._lock_overlay = overlay
        self.menuBar().setEnabled(False)
        dlg = LoginDialog(self.session.ctx, self.session.runner,
                          self.session.desk.name if self.session.desk else "", "", self,
                          locked_user=self.session.user)
        dlg.set_online(self.session.online, db_state_label(self.session.db_state))
        dlg.accepted.connect(self.unlock)
        dlg.rejected.connect(self.logoutRequested.emit)
        self._lock_dialog = dlg
        dlg.open()
        self.locked.emit(True)

    def unlock(self) -> None:
        if self._lock_overlay is not None:
            self._lock_overlay.deleteLater()
            self._lock_overlay = None
        self.menuBar().setEnabled(True)
        self._idle.start()
        self.locked.emit(False)

    @property
    def is_locked(self) -> bool:
        return self._lock_overlay is not None

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().resizeEvent(event)
        if self._lock_overlay is not None:
            self._lock_overlay.setGeometry(self.rect())

    # -- per-workstation layout --------------------------------------------------------------------
    @staticmethod
    def layout_store() -> QSettings:
        return QSettings(str(config_dir() / "workstation.ini"), QSettings.Format.IniFormat)

    def restore_layout(self) -> None:
        if not self.persist_layout:
            return
        store = self.layout_store()
        screen_name = store.value("main/screen", "")
        geometry = store.value("main/geometry")
        state = store.value("main/state")
        if screen_name:
            for screen in QApplication.screens():
                if screen.name() == screen_name:
                    self.setScreen(screen)
                    self.move(screen.availableGeometry().topLeft())
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)

    def save_layout(self) -> None:
        if not self.persist_layout:
            return
        store = self.layout_store()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/state", self.saveState(STATE_VERSION))
        store.setValue("main/screen", self.screen().name() if self.screen() else "")
        store.sync()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        fit_headers(self)  # the translated titles are in: columns as wide as them
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        self.walls.close_all()
        self.outages.stop()
        self.sources.stop()
        if hasattr(self, "directives_panel"):
            self.directives_panel.stop()
        self.alerts.stop()
        for dock in self.docks.values():  # floating docks are windows of their own
            if dock.isFloating():
                dock.hide()
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        super().closeEvent(event)
