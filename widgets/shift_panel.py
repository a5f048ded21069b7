"""The current shift at a glance: duty date and department, members and their
assignments, the shift leader's focus, office hours, and the open items that
will go into the handover."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.cache import CachedShift
from app.clock import to_local
from app.topics import Topic
from widgets.labels import shift_role_label, source_label
from widgets.panels import Panel
from widgets.session import ConsoleSession


class ShiftPanel(Panel):
    """The shift (`show_shift`, from the session's cached shift) and its open items
    (`load`, also `reload_open_items`: query/present, on a change of their topics)."""

    topics = frozenset({Topic.DUTYLOG, Topic.NOTICE, Topic.HANDOVER})
    refreshed = Signal()      # the open items were shown (as `loaded`)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("shiftPanel")
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.unit = QLabel()
        self.unit.setWordWrap(True)
        self.members = QListWidget()
        self.members.setObjectName("shiftMembers")
        self.members.setWordWrap(True)
        self.focus = QLabel()
        self.focus.setWordWrap(True)
        self.focus.setObjectName("shiftFocus")
        self.set_focus = QPushButton(self.tr("Set the shift's focus…"))
        self.set_focus.clicked.connect(self._edit_focus)
        self.open_items = QListWidget()
        self.open_items.setObjectName("openItems")
        self.open_items.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addWidget(self.unit)
        layout.addWidget(QLabel(self.tr("<b>Members</b>")))
        layout.addWidget(self.members, 2)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Focus of the shift</b>")))
        head.addStretch()
        head.addWidget(self.set_focus)
        layout.addLayout(head)
        layout.addWidget(self.focus)
        layout.addWidget(QLabel(self.tr("<b>Open items for the handover</b>")))
        layout.addWidget(self.open_items, 2)
        session.shiftChanged.connect(self.show_shift)

    def show_shift(self, shift: CachedShift | None = None) -> None:
        shift = shift or self.session.shift
        user = self.session.user
        self.set_focus.setVisible(bool(user and user.can(Permission.SHIFT_FOCUS)))
        if shift is None:
            self._show_missing_shift()
            return
        start, end = to_local(shift.starts_at), to_local(shift.ends_at)
        self.title.setText(self.tr("Shift of {date}").format(date=f"{shift.duty_date:%d/%m/%Y}"))
        self.period.setText(self.tr("From {start} to {end}").format(
            start=f"{start:%H:%M %d/%m}", end=f"{end:%H:%M %d/%m/%Y}"))
        self.unit.setText(self.tr("Department on duty: {unit}").format(
            unit=shift.duty_unit or self.tr("(rotation not published)")))
        self.members.clear()
        for role, name, assignment in shift.members:
            item = QListWidgetItem(f"{shift_role_label(role)}: {name}"
                                   + (f"\n    {assignment}" if assignment else ""))
            self.members.addItem(item)
        if not shift.members:
            self.members.addItem(self.tr("No members assigned yet."))
        self.focus.setText(shift.focus or self.tr("(not set)"))
        self.reload_open_items()

    def _show_missing_shift(self) -> None:
        """Offline with a cache older than this duty day: say so, and say where the
        entries written now will be filed (the shift of their console time)."""
        day, starts, ends = self.session.duty_day()
        start, end = to_local(starts), to_local(ends)
        self.members.clear()
        self.focus.setText("")
        if self.session.online:
            self.title.setText(self.tr("No shift"))
            self.period.setText("")
            return
        self.title.setText(self.tr("The offline copy has no roster for the duty day {date}")
                           .format(date=f"{day:%d/%m/%Y}"))
        self.period.setText(self.tr(
            "Entries written now are kept on this console and filed under the shift of "
            "{date} ({start} → {end}) when the database is back.").format(
                date=f"{day:%d/%m/%Y}", start=f"{start:%H:%M %d/%m}",
                end=f"{end:%H:%M %d/%m/%Y}"))
        self.unit.setText("")

    def reload_open_items(self) -> None:
        self.load()

    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None or s.shift is None:
            return None
        ctx, desk_id, shift_id = s.ctx, s.desk.id, s.shift.id
        return lambda: ctx.handover.collect_open_items(desk_id, shift_id)

    def is_empty(self, _items) -> bool:  # type: ignore[no-untyped-def]
        return False    # no open item is said in the list ("Nothing open.")

    def present(self, items) -> None:  # type: ignore[no-untyped-def]
        self.open_items.clear()
        for i in items:
            self.open_items.addItem(f"[{source_label(i.source)}] {i.title}"
                                    + (f" — {i.since}" if i.since else ""))
        if not items:
            self.open_items.addItem(self.tr("Nothing open."))
        self.refreshed.emit()

    def _edit_focus(self) -> None:
        s = self.session
        if s.shift is None or s.user is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Focus of the shift"),
                                                 self.tr("What the shift watches closely:"),
                                                 s.shift.focus)
        if not ok:
            return
        ctx, user, shift_id = s.ctx, s.user, s.shift.id

        def work() -> None:
            shift = ctx.roster.shift(shift_id)
            ctx.roster.set_focus(user, shift_id, shift.version, text)

        self.submit(work, lambda _r: s.refresh_shift(), reload=False)



