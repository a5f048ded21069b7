"""The customs panels (Đ14.1.3, Đ15): declarations, gate reads, the controlled area,
the e-Manifest and the data alerts. What they share lives here: a sortable read-only
table of plain rows (`RowsTable`), the record actions every panel offers on its
selected row (`RecordActions`: a duty-log entry citing it, an incident, its cameras),
the panel's own keys (`PanelKeys`) and a one-line prompt (`TextPrompt`).

`PanelKeys` answers a key while the focus is inside its panel, also a key the main
window binds window-wide (Ctrl+F search, Ctrl+L lock): the panel accepts the key's
shortcut override, so Qt delivers the key to the panel instead of firing the window's
action, and no two shortcuts ever share a key ("Ambiguous shortcut overload")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QKeyCombination,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.clock import fmt_local
from app.workflow.prefill import IncidentPrefill, LogPrefill
from widgets import theme
from widgets.messages import message_of, show_error

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# the colours of the customs codes
CHANNEL_COLOUR = {"green": theme.OK, "yellow": theme.WARN, "red": theme.ALARM}
VERDICT_COLOUR = {"not_cleared": theme.ALARM, "red_uninspected": theme.ALARM,
                  "no_declaration": theme.WARN, "unreadable": theme.WARN,
                  "cleared": theme.OK}

# the customs codes the panels name (the record's own words, e.g. STATUS_VI, stay
# Vietnamese; these are the console's labels, translated in resources/i18n)
AREA_KIND_TEXT = {
    "gate_in": QT_TRANSLATE_NOOP("customs", "Gate in"),
    "gate_out": QT_TRANSLATE_NOOP("customs", "Gate out"),
    "held": QT_TRANSLATE_NOOP("customs", "Held"),
    "storage": QT_TRANSLATE_NOOP("customs", "To storage"),
    "stopped": QT_TRANSLATE_NOOP("customs", "Clearance stopped"),
    "place_changed": QT_TRANSLATE_NOOP("customs", "Inspection place changed"),
    "independent_transport": QT_TRANSLATE_NOOP("customs", "Independent transport"),
}
SEVERITY_TEXT = {
    "critical": QT_TRANSLATE_NOOP("customs", "Critical"),
    "high": QT_TRANSLATE_NOOP("customs", "High"),
    "normal": QT_TRANSLATE_NOOP("customs", "Normal"),
}
ALERT_STATE_TEXT = {
    "open": QT_TRANSLATE_NOOP("customs", "New"),
    "acknowledged": QT_TRANSLATE_NOOP("customs", "Acknowledged"),
    "dismissed": QT_TRANSLATE_NOOP("customs", "Dismissed"),
    "incident": QT_TRANSLATE_NOOP("customs", "Became an incident"),
}
DIRECTION_TEXT = {
    "in": QT_TRANSLATE_NOOP("customs", "In"),
    "out": QT_TRANSLATE_NOOP("customs", "Out"),
}
CHECK_TEXT = {
    "match": QT_TRANSLATE_NOOP("customs", "Matches the picture"),
    "mismatch": QT_TRANSLATE_NOOP("customs", "Does not match the picture"),
}
INSPECTION_TEXT = {
    "no_violation": QT_TRANSLATE_NOOP("customs", "No violation"),
    "violation": QT_TRANSLATE_NOOP("customs", "Violation"),
    "pending": QT_TRANSLATE_NOOP("customs", "Pending"),
}
FLOW_TEXT = {
    "import": QT_TRANSLATE_NOOP("customs", "Import"),
    "export": QT_TRANSLATE_NOOP("customs", "Export"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of a code (the code itself when unknown)."""
    if code is None:
        return ""
    return QCoreApplication.translate("customs", table[code]) if code in table else code


def when(at: datetime | None) -> str:
    return fmt_local(at) if at is not None else ""


def sort_time(at: datetime | None) -> str:
    return at.isoformat() if at is not None else ""


def tax_text(code: str | None) -> str:
    """A tax code as written on paper: a branch's 13 digits as 10-3."""
    if not code:
        return ""
    return f"{code[:10]}-{code[10:]}" if len(code) == 13 else code


def area_cameras(ctx: Any, area: str) -> list[str]:
    """The codes of the active cameras of a place (worker thread): those whose site is
    the place, contains it or is contained in it ("Cảng Đình Vũ", "Cảng Đình Vũ, Hải
    Phòng"), case-insensitive."""
    place = " ".join((area or "").split()).casefold()
    if not place:
        return []
    out = []
    for cam in ctx.cameras.cameras(active_only=True):
        site = " ".join((cam.site or "").split()).casefold()
        if site and (site == place or site in place or place in site):
            out.append(cam.code)
    return out


# -- a sortable read-only table of plain rows ----------
@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    colour: Callable[[Any], str | None] | None = None   # the cell's text colour
    sort: Callable[[Any], Any] | None = None            # default: the text
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None,
                 row_colour: Callable[[Any], str | None] | None = None,
                 row_bold: Callable[[Any], bool] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.row_colour = row_colour
        self.row_bold = row_bold

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(row)
        if role == SORT_ROLE:
            return col.sort(row) if col.sort is not None else col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = col.colour(row) if col.colour is not None else None
            if colour is None and self.row_colour is not None:
                colour = self.row_colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self.row_bold is not None and self.row_bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RowsTable(QTableView):
    """A read-only table of rows, sorted by a click on a column's header (the query's
    order until then), one row selected; `rowChanged` when the selected row changes."""

    rowChanged = Signal()

    def __init__(self, columns: Sequence[Column], name: str, parent: QWidget | None = None,
                 *, key: Callable[[Any], Any] = lambda r: getattr(r, "id", None),
                 row_colour: Callable[[Any], str | None] | None = None,
                 row_bold: Callable[[Any], bool] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.key = key
        self.rows_model = RowsModel(columns, self, row_colour, row_bold)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.selectionModel().currentRowChanged.connect(lambda *_: self.rowChanged.emit())

    @property
    def rows(self) -> list[Any]:
        return self.rows_model.rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows, the same record selected as before if it is still there."""
        was = self.current()
        wanted = self.key(was) if was is not None else None
        first = not self.rows_model.rows
        self.rows_model.set_rows(rows)
        if first:
            self.resizeColumnsToContents()
        target = 0
        if wanted is not None:
            target = next((i for i, r in enumerate(self.rows_model.rows)
                           if self.key(r) == wanted), 0)
        if self.rows_model.rows:
            index = self.proxy.mapFromSource(self.rows_model.index(target, 0))
            self.setCurrentIndex(index)
            self.selectRow(index.row())
        self.rowChanged.emit()

    def current(self) -> Any | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.rows_model.rows[row] if 0 <= row < len(self.rows_model.rows) else None

    def select_key(self, key: Any) -> bool:
        for i, r in enumerate(self.rows_model.rows):
            if self.key(r) == key:
                index = self.proxy.mapFromSource(self.rows_model.index(i, 0))
                self.setCurrentIndex(index)
                self.selectRow(index.row())
                return True
        return False

    def texts(self, column: int) -> list[str]:
        """The column's texts in the order shown (tests, scripts)."""
        return [self.proxy.index(r, column).data() for r in range(self.proxy.rowCount())]


# -- the panel's keys ----------
class PanelKeys(QObject):
    """Keys answered while the focus is inside `panel` (see the module docstring)."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self._slots: dict[str, Callable[[], object]] = {}
        panel.installEventFilter(self)

    def bind(self, keys: str | tuple[str, ...], slot: Callable[[], object]) -> None:
        for k in (keys,) if isinstance(keys, str) else keys:
            self._slots[QKeySequence(k).toString()] = slot

    def keys(self) -> list[str]:
        return list(self._slots)

    @staticmethod
    def _name(event: QKeyEvent) -> str:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return QKeySequence(QKeyCombination(mods, Qt.Key(event.key()))).toString()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
                event, QKeyEvent):
            slot = self._slots.get(self._name(event))
            if slot is not None:
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    slot()
                return True
        return super().eventFilter(obj, event)


# -- a one-line prompt ----------
class TextPrompt(QDialog):
    """A small window-modal prompt (opened, not exec'd): `submitted(text)` on OK; the
    asker calls `fail(message)` to keep it open with the reason, or `accept()`."""

    submitted = Signal(str)

    def __init__(self, title: str, label: str, parent: QWidget | None = None,
                 *, text: str = "", required: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("customsPrompt")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.required = required
        self.edit = QLineEdit(text)
        self.edit.setObjectName("promptText")
        self.error = QLabel()
        self.error.setObjectName("promptError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.ALARM};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        caption = QLabel(label)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 150)

    def _ok(self) -> None:
        text = " ".join(self.edit.text().split())
        if self.required and not text:
            self.error.setText(self.tr("Please fill this in."))
            return
        self.error.clear()
        self.ok_button.setEnabled(False)
        self.submitted.emit(text)

    def fail(self, message: str) -> None:
        self.error.setText(message)
        self.ok_button.setEnabled(True)
        self.edit.setFocus()


def ask(parent: QWidget, title: str, label: str, on_text: Callable[[str], None],
        *, text: str = "", required: bool = True) -> TextPrompt:
    """Open a prompt whose OK closes it and calls `on_text(text)`."""
    prompt = TextPrompt(title, label, parent, text=text, required=required)

    def submitted(value: str) -> None:
        prompt.accept()
        on_text(value)

    prompt.submitted.connect(submitted)
    prompt.open()
    return prompt


def ask_then_submit(panel: Any, title: str, label: str,
                    work_of: Callable[[str], Callable[[], Any]],
                    done: Callable[[Any], None] | None = None) -> TextPrompt:
    """A prompt whose text makes a write run on the panel's serial lane; the prompt
    stays open with the core's message if the write is refused."""
    prompt = TextPrompt(title, label, panel)

    def submitted(text: str) -> None:
        def finished(result: Any) -> None:
            if prompt_alive():
                prompt.accept()
            if done is not None:
                done(result)
            panel.load()

        def failed(exc: BaseException) -> None:
            if prompt_alive():
                prompt.fail(message_of(exc))
            else:
                show_error(panel, exc)

        panel.session.runner.submit(work_of(text), finished, failed, serial=True,
                                    owner=panel)

    def prompt_alive() -> bool:
        return isValid(prompt) and prompt.isVisible()

    prompt.submitted.connect(submitted)
    prompt.open()
    return prompt


# -- the record actions ----------
class RecordActions(QObject):
    """"Write to the log" (Ctrl+Shift+L), "Raise an incident" (Ctrl+I) and "Show cameras" on a
    panel's selected row, as buttons, keys and a context menu. `log_of`, `incident_of`
    make the prefills (GUI thread); `cameras_of(row)` runs on the runner and returns
    camera codes; `after_incident(row)` follows an incident raised. Without a
    navigator they are disabled."""

    def __init__(self, panel: Any, nav: Any, table: RowsTable, keys: PanelKeys, *,
                 log_of: Callable[[Any], LogPrefill],
                 incident_of: Callable[[Any], IncidentPrefill],
                 cameras_of: Callable[[Any], list[str]],
                 extra: Sequence[tuple[str, Callable[[], object]]] = (),
                 after_incident: Callable[[Any], None] | None = None) -> None:
        super().__init__(panel)
        self.after_incident = after_incident
        self.panel, self.nav, self.table = panel, nav, table
        self.log_of, self.incident_of, self.cameras_of = log_of, incident_of, cameras_of
        self.extra = list(extra)          # (menu text, slot) shown first in the menu
        self.log_b = QPushButton(self.tr("Write to the log (Ctrl+Shift+L)"))
        self.log_b.setObjectName("writeEntryButton")
        self.incident_b = QPushButton(self.tr("Raise an incident (Ctrl+I)"))
        self.incident_b.setObjectName("raiseIncidentButton")
        self.cameras_b = QPushButton(self.tr("Show cameras"))
        self.cameras_b.setObjectName("showCamerasButton")
        self.note = QLabel()
        self.note.setObjectName("recordNote")
        self.note.setStyleSheet(f"color: {theme.MUTED};")
        self.log_b.clicked.connect(self.write_entry)
        self.incident_b.clicked.connect(self.raise_incident)
        self.cameras_b.clicked.connect(self.show_cameras)
        keys.bind("Ctrl+Shift+L", self.write_entry)
        keys.bind("Ctrl+I", self.raise_incident)
        table.rowChanged.connect(self.update)
        table.customContextMenuRequested.connect(self._menu)
        self.update()

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.log_b)
        row.addWidget(self.incident_b)
        row.addWidget(self.cameras_b)
        row.addWidget(self.note, 1)
        return row

    def update(self) -> None:
        on = self.nav is not None and self.table.current() is not None
        for b in (self.log_b, self.incident_b, self.cameras_b):
            b.setEnabled(on)
        self.note.clear()

    def _menu(self, pos: Any) -> None:
        if self.table.current() is None:
            return
        menu = QMenu(self.table)
        menu.setObjectName("recordMenu")
        for text, slot in self.extra:
            menu.addAction(text, slot)
        if self.extra:
            menu.addSeparator()
        for text, slot in ((self.log_b.text(), self.write_entry),
                           (self.incident_b.text(), self.raise_incident),
                           (self.cameras_b.text(), self.show_cameras)):
            act = menu.addAction(text, slot)
            act.setEnabled(self.nav is not None)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def write_entry(self) -> None:
        row = self.table.current()
        if self.nav is not None and row is not None:
            self.nav.writeEntry.emit(self.log_of(row))

    def raise_incident(self) -> None:
        row = self.table.current()
        if self.nav is not None and row is not None:
            self.nav.raiseIncident.emit(self.incident_of(row))
            if self.after_incident is not None:
                self.after_incident(row)

    def show_cameras(self) -> None:
        row, nav = self.table.current(), self.nav
        if nav is None or row is None:
            return

        def done(codes: list[str]) -> None:
            if codes:
                self.note.clear()
                nav.showCameras.emit(list(codes))
            else:
                self.note.setText(self.tr("No camera is registered for this place."))

        fn = self.cameras_of
        self.panel.session.runner.submit(lambda: fn(row), done,
                                         lambda e: show_error(self.panel, e), owner=self.panel)


__all__ = ["ALERT_STATE_TEXT", "AREA_KIND_TEXT", "CHANNEL_COLOUR", "CHECK_TEXT",
           "DIRECTION_TEXT", "FLOW_TEXT", "INSPECTION_TEXT", "SEVERITY_TEXT", "SORT_ROLE",
           "VERDICT_COLOUR", "Column", "PanelKeys", "RecordActions", "RowsModel", "RowsTable",
           "TextPrompt", "area_cameras", "ask", "ask_then_submit", "label", "sort_time",
           "tax_text", "when"]
