"""The duty-log panel: filters, the entries table and the entry form. Reads and
writes go through the task runner; new entries from any console arrive through
the session's change signal and are appended, not reloaded."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local, to_utc
from app.dutylog import EntryDraft
from app.logwriter import WriteOutcome
from app.topics import Topic
from widgets.dutylog.form import EntryForm
from widgets.dutylog.model import DutyLogModel, EntryRow
from widgets.labels import KINDS, kind_label
from widgets.messages import background_failure, message_of, show_error
from widgets.session import ConsoleSession


class DutyLogPanel(QWidget):
    loaded = Signal(int)          # rows shown after a (re)load
    written = Signal(object)      # WriteOutcome of an entry written from this console

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutyLogPanel")
        self.session = session
        self.model = DutyLogModel(self)
        self._loading = False
        self._reload_again = False
        self._case_refs: dict[int, str] = {}

        self.scope = QComboBox()
        self.scope.addItem(self.tr("This shift"), "shift")
        self.scope.addItem(self.tr("Whole log (search)"), "all")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for code in KINDS:
            self.kind.addItem(kind_label(code), code)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("Unit…"))
        self.unit.setClearButtonEnabled(True)
        self.use_time = QCheckBox(self.tr("From"))
        self.since = QDateTimeEdit()
        self.since.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.since.setCalendarPopup(True)
        local_now = to_local(session.ctx.clock.now())
        self.since.setDateTime(QDateTime(local_now.replace(hour=0, minute=0) - timedelta(days=1)))
        self.until = QDateTimeEdit()
        self.until.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.until.setCalendarPopup(True)
        self.until.setDateTime(QDateTime(local_now + timedelta(hours=1)))
        self.unit.setMinimumWidth(90)
        self.search = QLineEdit()
        self.search.setMinimumWidth(160)
        for box in (self.scope, self.kind):  # narrow enough for a 1366-pixel screen
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.search.setPlaceholderText(self.tr("Search (no diacritics needed)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("muted")

        # two rows, so the log leaves room for the docks on a 1920-pixel screen
        filters = QVBoxLayout()
        filters.setSpacing(4)
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.search, 2)
        first.addWidget(self.scope)
        first.addWidget(self.kind)
        first.addWidget(self.unit)
        second.addWidget(self.use_time)
        second.addWidget(self.since)
        second.addWidget(QLabel("→"))
        second.addWidget(self.until)
        second.addStretch(1)
        second.addWidget(self.count)
        filters.addLayout(first)
        filters.addLayout(second)

        self.table = QTableView()
        self.table.setObjectName("dutyLogTable")
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        h = self.table.horizontalHeader()
        for col, width in enumerate((40, 118, 132, 400, 150, 150, 120, 130)):
            self.table.setColumnWidth(col, width)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.form = EntryForm(session.ctx.clock.now)
        self.form.submitted.connect(self._write)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.form)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(split)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        for w in (self.scope, self.kind):
            w.currentIndexChanged.connect(self.reload)
        self.unit.textChanged.connect(self._debounce.start)
        self.search.textChanged.connect(self._debounce.start)
        self.use_time.toggled.connect(self.reload)
        self.since.dateTimeChanged.connect(self._debounce.start)
        self.until.dateTimeChanged.connect(self._debounce.start)
        self.table.doubleClicked.connect(lambda _i: self.correct_selected())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        session.changed.connect(self._on_changes)
        session.shiftChanged.connect(lambda _s: self.reload())
        session.outboxChanged.connect(lambda *_a: self._refresh_pending())

    # -- actions ----------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F (the main window's Search action)."""
        self.search.setFocus()
        self.search.selectAll()

    def new_entry(self) -> None:
        self.form.clear()
        self.form.content.setFocus()

    def correct_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.id is None:
            self.form.show_error(self.tr("Select a saved entry to correct."))
            return
        self.form.start_correction(row)

    def selected_row(self) -> EntryRow | None:
        selected = self.table.selectionModel().selectedRows()
        idx = selected[0] if selected else self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    def _on_current(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        row = (self.model.row_at(self.proxy.mapToSource(current).row())
               if current.isValid() else None)
        if row is not None and row.case_id is not None:
            self.form.select_case(self._case_refs.get(row.case_id))

    # -- loading ------------------------------------------------------------------------
    def _filters(self) -> dict:
        shift = self.session.shift
        f: dict = {"kind": self.kind.currentData(), "unit": self.unit.text().strip() or None,
                   "query": self.search.text().strip() or None}
        if self.scope.currentData() == "shift" and shift is not None:
            f["shift_id"] = shift.id
        if self.use_time.isChecked():
            f["since"] = to_utc(self.since.dateTime().toPython())
            f["until"] = to_utc(self.until.dateTime().toPython())
        return f

    def reload(self) -> None:
        if self.session.desk is None:
            return
        if self._loading:
            self._reload_again = True
            return
        if not self.session.online:
            self._show_offline()
            return
        self._loading = True
        ctx, desk_id, f = self.session.ctx, self.session.desk.id, self._filters()
        whole_log = self.scope.currentData() == "all"

        def work():  # type: ignore[no-untyped-def]
            if whole_log and f.get("query") and not any(
                    f.get(k) for k in ("kind", "unit", "since")):
                entries = list(reversed(ctx.dutylog.search(desk_id, f["query"], limit=200)))
            else:
                entries = ctx.dutylog.entries(desk_id, limit=2000 if not whole_log else 500,
                                              newest_first=whole_log, **f)
                if whole_log:
                    entries.reverse()
            names = ctx.dutylog.author_names({e.author_id for e in entries})
            cases = ctx.dutylog.open_cases(desk_id)
            case_ids = {e.case_id for e in entries if e.case_id}
            all_cases = ctx.dutylog.cases(desk_id, sorted(case_ids | {c.id for c in cases}))
            numbers = ctx.dutylog.row_numbers(desk_id, {e.shift_id for e in entries})
            return entries, names, cases, all_cases, numbers

        self.session.runner.submit(work, self._loaded, self._load_failed, owner=self)

    def _loaded(self, result) -> None:  # type: ignore[no-untyped-def]
        entries, names, cases, all_cases, numbers = result
        self._loading = False
        self._case_refs = {cid: c.client_id for cid, c in all_cases.items()}
        rows = [EntryRow.from_entry(e, names.get(e.author_id, ""), _label(numbers, e))
                for e in entries]
        rows += self._pending_rows()
        self.model.set_rows(rows)
        self.form.set_cases([(c.client_id, f"#{c.id} {c.title}") for c in cases])
        self.count.setText(self.tr("{n} entries").format(n=len(rows)))
        self.table.scrollToBottom()
        self.loaded.emit(len(rows))
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.count.setText(message_of(exc))
        self._show_offline()

    def _show_offline(self) -> None:
        """Without the database the table shows what this console keeps locally."""
        rows = [r for r in self.model.rows if r.id is not None] + self._pending_rows()
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))

    def _pending_rows(self) -> list[EntryRow]:
        ctx = self.session.ctx
        name = self.session.user.full_name if self.session.user else ""
        items = ctx.outbox.pending() + ctx.outbox.failed()
        desk_id = self.session.desk.id if self.session.desk else None
        now = ctx.clock.now()
        return [EntryRow.from_pending(p, p.user.full_name or name, now) for p in items
                if p.desk_id == desk_id]

    def _refresh_pending(self) -> None:
        pending = self._pending_rows()
        stored = {r.client_id for r in pending}
        keep = [r for r in self.model.rows if r.id is not None or r.client_id in stored]
        if len(keep) != len(self.model.rows):
            self.model.set_rows(keep)
        self.model.append_rows(pending)

    def _on_changes(self, changes) -> None:  # type: ignore[no-untyped-def]
        if not any(c.topic == Topic.DUTYLOG for c in changes) or self.session.desk is None:
            return
        f = self._filters()
        if f.get("query") or f.get("kind") or f.get("unit") or self.scope.currentData() == "all":
            self._debounce.start()  # a filtered view: re-run the query
            return
        ctx, desk_id, after = self.session.ctx, self.session.desk.id, self.model.last_seq()
        shift_id = f.get("shift_id")

        def work():  # type: ignore[no-untyped-def]
            entries = ctx.dutylog.entries(desk_id, shift_id=shift_id, after_seq=after)
            names = ctx.dutylog.author_names({e.author_id for e in entries})
            cases = ctx.dutylog.open_cases(desk_id) if any(e.case_id for e in entries) else None
            refs = ctx.dutylog.cases(desk_id, [e.case_id for e in entries if e.case_id])
            numbers = ctx.dutylog.row_numbers(desk_id, {e.shift_id for e in entries})
            return entries, names, cases, refs, numbers

        def done(result) -> None:  # type: ignore[no-untyped-def]
            entries, names, cases, refs, numbers = result
            self._case_refs.update({cid: c.client_id for cid, c in refs.items()})
            self.model.append_rows([EntryRow.from_entry(e, names.get(e.author_id, ""),
                                                        _label(numbers, e)) for e in entries])
            if cases is not None:
                self.form.set_cases([(c.client_id, f"#{c.id} {c.title}") for c in cases])
            self.count.setText(self.tr("{n} entries").format(n=self.model.rowCount()))
            self.loaded.emit(self.model.rowCount())

        self.session.runner.submit(work, done, background_failure("duty log: older entries"),
                                   owner=self)

    # -- writing ---------------------------------------------------------------------------
    def _write(self, draft: EntryDraft) -> None:
        session = self.session
        if session.user is None or session.desk is None:
            return
        user, desk_id, offline = session.user, session.desk.id, not session.online
        self.form.save.setEnabled(False)

        def done(outcome: WriteOutcome) -> None:
            self.form.save.setEnabled(True)
            self.form.clear()
            session.note_write_outcome(outcome.entry is None)
            if outcome.entry is not None:
                e = outcome.entry
                self.model.append_rows([EntryRow.from_entry(e, user.full_name)])
                if e.case_id and draft.case_ref:
                    self._case_refs[e.case_id] = draft.case_ref
                if draft.kind in ("incident", "result"):
                    self.reload_cases()
            else:
                self._refresh_pending()
            self.table.scrollToBottom()
            self.written.emit(outcome)

        def failed(exc: BaseException) -> None:
            self.form.save.setEnabled(True)
            self.form.show_error(message_of(exc))
            if not isinstance(exc, Exception):
                show_error(self, exc)

        session.runner.submit(lambda: session.ctx.writer.submit(user, desk_id, draft, offline),
                              done, failed, serial=True, owner=self)

    def reload_cases(self) -> None:
        if self.session.desk is None or not self.session.online:
            return
        ctx, desk_id = self.session.ctx, self.session.desk.id
        self.session.runner.submit(
            lambda: ctx.dutylog.open_cases(desk_id),
            lambda cases: self.form.set_cases([(c.client_id, f"#{c.id} {c.title}") for c in cases]),
            background_failure("duty log: open cases"), owner=self)



def _label(numbers, entry) -> str:  # type: ignore[no-untyped-def]
    """The entry's STT as printed; an entry outside any shift shows its chain number."""
    n = numbers.get(entry.id)
    return n.label if n is not None else f"#{entry.seq}"
