"""The gate-recognition reads (Đ14.1.3): each read with the declaration found for
its container and the verdict of gate × clearance (red: going out not cleared or red
without an inspection result; amber: no declaration, or a number that fails its
check), the read's picture beside the table, and the officer's random check of a
read against its picture (Đ14.1.3.1a): "matches" (Ctrl+M) or "does not match" with
what the picture shows — kept on the read and written in the duty log under his name.

Keys (while the focus is in the panel): Ctrl+M the read matches its picture, Ctrl+Shift+L
writes to the log, Ctrl+I raises an incident."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local
from app.customs.gate import ALERTING, VERDICT_VI
from app.customs.views import GateRow
from app.topics import Topic
from app.workflow.prefill import IncidentPrefill, LogPrefill
from widgets import theme
from widgets.customs import (
    CHECK_TEXT,
    DIRECTION_TEXT,
    VERDICT_COLOUR,
    Column,
    PanelKeys,
    RecordActions,
    RowsTable,
    ask_then_submit,
    label,
    sort_time,
    when,
)
from widgets.panels import Navigator, Panel
from widgets.session import ConsoleSession

PictureLoader = Callable[[str], bytes]


def _place(r: GateRow) -> str:
    return f"{r.gate}, làn {r.lane}"


def read_text(r: GateRow) -> str:
    """A read in Vietnamese, as the duty log and an incident cite it."""
    as_read = r.container_raw or "(không đọc được)"
    norm = f" ({r.container_no})" if r.container_no and r.container_no != r.container_raw else ""
    plate = f", biển số {r.plate}" if r.plate else ""
    way = "vào" if r.direction == "in" else "ra"
    decl = f"; tờ khai {r.declaration_key}" if r.declaration_key else ""
    return (f"Lượt đọc nhận dạng tại {_place(r)} lúc {fmt_local(r.at)} (chiều {way}): "
            f"container {as_read}{norm}{plate}{decl} — {VERDICT_VI.get(r.verdict, r.verdict)}.")


def gate_log(r: GateRow) -> LogPrefill:
    return LogPrefill(content=read_text(r), kind="work", place=_place(r),
                      declaration_no=r.declaration_key or "", container_no=r.container_no or "",
                      vehicle_plate=r.plate or "", occurred_at=r.at)


def gate_incident(r: GateRow) -> IncidentPrefill:
    container = r.container_no or r.container_raw or ""
    return IncidentPrefill(
        content=read_text(r), title=f"Container {container} {VERDICT_VI.get(r.verdict, '')}"
        .strip(), occurred_at=r.at, place=_place(r), declaration_no=r.declaration_key or "",
        container_no=r.container_no or "", vehicle_plate=r.plate or "")


class GatePanel(Panel):
    topics = frozenset({Topic.GATE, Topic.ALERT})

    def __init__(self, session: ConsoleSession, nav: Navigator | None = None,
                 picture_loader: PictureLoader | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("gatePanel")
        self.nav = nav
        self.picture_loader = picture_loader
        self._gen = 0
        self._picture_token = 0
        self._picture_path: str | None = None
        self._pixmap: QPixmap | None = None
        self.keys = PanelKeys(self)
        self.only_abnormal = QCheckBox(self.tr("Only abnormal reads (alerting verdicts)"))
        self.only_abnormal.setObjectName("onlyAbnormal")
        self.only_abnormal.toggled.connect(self.load)
        self.table = RowsTable(self._columns(), "gateTable",
                               row_colour=lambda r: theme.MUTED if r.direction == "in" else None)
        self.picture = QLabel(self.tr("No picture"))
        self.picture.setObjectName("gatePicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet(f"QLabel {{ border: 1px solid {theme.MUTED}; }}")
        self.read_info = QLabel()
        self.read_info.setObjectName("gateReadInfo")
        self.read_info.setWordWrap(True)
        self.match_b = QPushButton(self.tr("Matches the picture (Ctrl+M)"))
        self.match_b.setObjectName("checkMatchButton")
        self.mismatch_b = QPushButton(self.tr("Does not match…"))
        self.mismatch_b.setObjectName("checkMismatchButton")
        self.check_note = QLabel()
        self.check_note.setObjectName("gateCheckNote")
        self.check_note.setWordWrap(True)
        self.actions = RecordActions(
            self, nav, self.table, self.keys, log_of=gate_log, incident_of=gate_incident,
            cameras_of=lambda r: [r.camera_code] if r.camera_code else [])
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.picture, 1)
        side_layout.addWidget(self.read_info)
        checks = QHBoxLayout()
        checks.addWidget(self.match_b)
        checks.addWidget(self.mismatch_b)
        side_layout.addLayout(checks)
        side_layout.addWidget(self.check_note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        top = QHBoxLayout()
        top.addWidget(self.only_abnormal)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(self.actions.buttons())
        self.match_b.clicked.connect(self.check_matches)
        self.mismatch_b.clicked.connect(self.check_mismatch)
        self.keys.bind("Ctrl+M", self.check_matches)
        self.table.rowChanged.connect(self._row_changed)
        self._row_changed()

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Time"), lambda r: when(r.at), sort=lambda r: sort_time(r.at)),
            Column(self.tr("Gate"), lambda r: r.gate),
            Column(self.tr("Lane"), lambda r: r.lane),
            Column(self.tr("Direction"), lambda r: label(DIRECTION_TEXT, r.direction)),
            Column(self.tr("Verdict"), lambda r: VERDICT_VI.get(r.verdict, r.verdict),
                   colour=lambda r: VERDICT_COLOUR.get(r.verdict)),
            Column(self.tr("Container as read"), lambda r: r.container_raw or ""),
            Column(self.tr("Container (checked) or read error"),
                   lambda r: r.container_no or r.read_error or "",
                   colour=lambda r: theme.WARN if r.container_no is None else None),
            Column(self.tr("Plate"), lambda r: r.plate or ""),
            Column(self.tr("Confidence"), lambda r: f"{r.confidence * 100:.0f} %",
                   sort=lambda r: r.confidence, align_right=True),
            Column(self.tr("Declaration"), lambda r: r.declaration_key or ""),
            Column(self.tr("Check"), lambda r: label(CHECK_TEXT, r.check_result),
                   colour=lambda r: theme.OK if r.check_result == "match" else
                   theme.ALARM if r.check_result == "mismatch" else None),
        ]

    # -- loading ---------------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        self._gen += 1
        gen, ctx, desk_id = self._gen, s.ctx, s.desk.id
        verdicts = tuple(ALERTING) if self.only_abnormal.isChecked() else ()
        return lambda: (gen, ctx.customs.gate_reads(desk_id, verdicts=verdicts))

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[1]

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        gen, rows = data
        if gen == self._gen:
            self.table.set_rows(rows)

    # -- the selected read -----------------------------------------------------------------------
    def _row_changed(self) -> None:
        r: GateRow | None = self.table.current()
        checkable = (r is not None and r.check_result is None and self.session.user is not None
                     and self.session.desk is not None)
        self.match_b.setEnabled(checkable)
        self.mismatch_b.setEnabled(checkable)
        if r is None:
            self.read_info.clear()
            self._show_picture(None)
            return
        info = [f"{r.gate}, {r.lane} — {when(r.at)}",
                self.tr("Read: {read}").format(read=r.container_raw or "—")]
        if r.read_error:
            info.append(r.read_error)
        if r.check_result:
            info.append(self.tr("Checked: {result}").format(result=label(CHECK_TEXT,
                                                                          r.check_result)))
        self.read_info.setText("\n".join(info))
        self._show_picture(r.picture)

    def _show_picture(self, path: str | None) -> None:
        if path == self._picture_path and self._pixmap is not None:
            return
        self._picture_path = path
        self._pixmap = None
        self._picture_token += 1
        loader = self.picture_loader
        if loader is None or not path:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No picture"))
            return
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("Loading the picture…"))
        token = self._picture_token

        def done(data: bytes) -> None:
            if token != self._picture_token:
                return
            pix = QPixmap()
            if not data or not pix.loadFromData(data):
                self.picture.setText(self.tr("The picture cannot be read."))
                return
            self._pixmap = pix
            self._scale_picture()

        def failed(exc: BaseException) -> None:
            if token == self._picture_token:
                self.picture.setText(self.tr("The picture cannot be fetched: {error}")
                                     .format(error=exc))

        self.session.runner.submit(lambda: loader(path), done, failed, owner=self)

    def _scale_picture(self) -> None:
        if self._pixmap is None:
            return
        size = self.picture.size()
        self.picture.setPixmap(self._pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._scale_picture()

    # -- the random check (Đ14.1.3.1a) -------------------------------------------------------------
    def _checkable(self) -> GateRow | None:
        r = self.table.current()
        s = self.session
        if r is None or s.user is None or s.desk is None:
            return None
        if r.check_result is not None:
            self.check_note.setText(self.tr("This read has been checked already."))
            return None
        return r

    def _checked(self, entry_id: int) -> None:
        self.check_note.setText(self.tr("Written to the duty log (entry {id}).")
                                .format(id=entry_id))

    def check_matches(self) -> None:
        r = self._checkable()
        if r is None:
            return
        s = self.session
        ctx, user, desk_id = s.ctx, s.user, s.desk.id  # type: ignore[union-attr]
        self.match_b.setEnabled(False)
        self.mismatch_b.setEnabled(False)
        self.submit(lambda: ctx.gate_checks.record(user, desk_id, r.id, r.version, True),
                    self._checked)

    def check_mismatch(self) -> None:
        r = self._checkable()
        if r is None:
            return
        s = self.session
        ctx, user, desk_id = s.ctx, s.user, s.desk.id  # type: ignore[union-attr]

        def work_of(note: str) -> Callable[[], int]:
            return lambda: ctx.gate_checks.record(user, desk_id, r.id, r.version, False, note)

        self.prompt = ask_then_submit(
            self, self.tr("The read does not match its picture"),
            self.tr("What does the picture show (container number, plate)?"), work_of,
            self._checked)


__all__ = ["GatePanel", "PictureLoader", "gate_incident", "gate_log", "read_text"]
