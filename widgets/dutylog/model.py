"""Table model of duty-log entries: rows are appended as changes arrive, never
reset for a single new entry; entries waiting in the outbox show as pending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.clock import fmt_local
from app.dutylog import EntryKind
from widgets import theme
from widgets.labels import channel_label, kind_label


@dataclass(frozen=True)
class EntryRow:
    """What a table row shows: a stored entry, or one waiting in the outbox."""

    id: int | None
    seq: int | None
    client_id: str
    kind: str
    entry_time: datetime
    content: str
    scope: str | None
    place: str | None
    related: str
    channel: str | None
    unit_name: str | None
    author: str
    note: str | None
    case_id: int | None
    corrects_id: int | None
    correction_reason: str | None
    offline: bool
    pending: bool = False
    failed: str | None = None
    stt: str = ""                   # the row number of the printed log (app.dutylog.RowNumber)

    @classmethod
    def from_entry(cls, e, author: str, stt: str = "") -> EntryRow:  # type: ignore[no-untyped-def]
        related = ", ".join(x for x in (e.declaration_no, e.container_no, e.vehicle_plate) if x)
        return cls(id=e.id, seq=e.seq, client_id=e.client_id, kind=e.kind,
                   entry_time=e.entry_time, content=e.content, scope=e.scope, place=e.place,
                   related=related, channel=e.channel, unit_name=e.unit_name, author=author,
                   note=e.note, case_id=e.case_id, corrects_id=e.corrects_id,
                   correction_reason=e.correction_reason, offline=e.offline, stt=stt)

    @classmethod
    def from_pending(cls, p, author: str, now: datetime) -> EntryRow:  # type: ignore[no-untyped-def]
        d = p.draft
        related = ", ".join(x for x in (d.declaration_no, d.container_no, d.vehicle_plate) if x)
        return cls(id=None, seq=None, client_id=d.client_id, kind=d.kind,
                   entry_time=d.entry_time or d.local_time or now,
                   content=d.content, scope=d.scope, place=d.place, related=related,
                   channel=d.channel, unit_name=d.unit_name, author=author, note=d.note,
                   case_id=None, corrects_id=d.corrects_id, correction_reason=d.correction_reason,
                   offline=True, pending=p.state == "pending",
                   failed=p.last_error if p.state == "failed" else None)


COLUMNS = (
    QT_TRANSLATE_NOOP("DutyLogModel", "No."),
    QT_TRANSLATE_NOOP("DutyLogModel", "Time"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Kind"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Content"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Place / related"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Unit"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Written by"),
    QT_TRANSLATE_NOOP("DutyLogModel", "Status"),
)
_KIND_COLOURS = {EntryKind.INCIDENT: "#f85149", EntryKind.DIRECTIVE: "#58a6ff",
                 EntryKind.RESULT: "#3fb950", EntryKind.SYSTEM_FAULT: "#d29922",
                 EntryKind.HANDOVER: "#a371f7"}


class DutyLogModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.rows: list[EntryRow] = []
        self.corrected: set[int] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # type: ignore[no-untyped-def] # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DutyLogModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return row.content + (f"\n{row.scope}" if row.scope else "")
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and row.seq is not None:
            # the desk-wide sequence matters only when the chain is verified
            return self.tr("Entry {seq} of the desk's log chain").format(seq=row.seq)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.id in self.corrected:
                return QBrush(QColor(theme.MUTED))
            if col == 2 and row.kind in _KIND_COLOURS:
                return QBrush(QColor(_KIND_COLOURS[EntryKind(row.kind)]))
            if col == 7 and (row.pending or row.failed):
                return QBrush(QColor(theme.ALARM if row.failed else theme.WARN))
        if role == Qt.ItemDataRole.FontRole and row.id in self.corrected and col == 3:
            f = QFont()
            f.setStrikeOut(True)
            return f
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: EntryRow, col: int) -> str:
        if col == 0:
            return row.stt or "…"
        if col == 1:
            return fmt_local(row.entry_time)
        if col == 2:
            return kind_label(row.kind)
        if col == 3:
            text = row.content.replace("\n", " ")
            if row.kind == EntryKind.DIRECTIVE and row.channel:
                text = f"[{channel_label(row.channel)}] {text}"
            return text
        if col == 4:
            return " · ".join(x for x in (row.place, row.related) if x)
        if col == 5:
            return row.unit_name or ""
        if col == 6:
            return row.author
        flags = []
        if row.failed:
            flags.append(self.tr("Refused: {reason}").format(reason=row.failed))
        elif row.pending:
            flags.append(self.tr("Waiting for the database"))
        elif row.offline:
            flags.append(self.tr("Written offline"))
        if row.corrects_id:
            flags.append(self.tr("Correction: {reason}").format(reason=row.correction_reason or ""))
        if row.id in self.corrected:
            flags.append(self.tr("Corrected"))
        if row.note:
            flags.append(row.note)
        return " · ".join(flags)

    # -- changes ------------------------------------------------------------------
    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.corrected = {r.corrects_id for r in rows if r.corrects_id}
        self.endResetModel()

    def append_rows(self, rows: list[EntryRow]) -> None:
        """New entries from this or another console: pending rows they settle are
        replaced in place, the rest appended."""
        by_client = {r.client_id: i for i, r in enumerate(self.rows)}
        fresh = []
        for r in rows:
            i = by_client.get(r.client_id)
            if i is not None:
                self.rows[i] = r
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            else:
                fresh.append(r)
        if fresh:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        newly = {r.corrects_id for r in rows if r.corrects_id} - self.corrected
        if newly:
            self.corrected |= newly
            for i, r in enumerate(self.rows):
                if r.id in newly:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def last_seq(self) -> int:
        return max((r.seq for r in self.rows if r.seq is not None), default=0)

    def row_at(self, i: int) -> EntryRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None
