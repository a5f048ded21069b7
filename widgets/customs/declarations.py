"""The declarations of the desk's places (VCIS / VNACCS and V5), filtered as an
officer asks: channel, status, system, office, type code, area, registration period,
tax-code prefix, container, number, words of the goods or the declarant. Named
filters are kept per workstation. On a declaration: its details (everything the other
feeds say of it), a duty-log entry citing it, an incident, the cameras of its area.

Keys (while the focus is in the panel): Enter in a filter field applies the filter,
Ctrl+F the free-text field, Esc clears the filter; Enter or a double click on a row
opens its details, Ctrl+Shift+L writes to the log, Ctrl+I raises an incident."""

from __future__ import annotations

import contextlib
import html
import json
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.clock import fmt_local, to_local, to_utc
from app.customs.gate import VERDICT_VI
from app.customs.records import CHANNEL_VI, STATUS_VI
from app.customs.sampling import MAX_K, SampleCriteria, SampleView
from app.customs.views import DeclarationDetails, DeclarationFilter, DeclarationRow
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.topics import Topic
from app.workflow.prefill import IncidentPrefill, LogPrefill
from widgets.customs import (
    ALERT_STATE_TEXT,
    AREA_KIND_TEXT,
    CHANNEL_COLOUR,
    CHECK_TEXT,
    DIRECTION_TEXT,
    FLOW_TEXT,
    INSPECTION_TEXT,
    SEVERITY_TEXT,
    Column,
    PanelKeys,
    RecordActions,
    RowsTable,
    area_cameras,
    ask,
    label,
    sort_time,
    tax_text,
    when,
)
from widgets.messages import show_error
from widgets.panels import Navigator, Panel
from widgets.session import ConsoleSession

SETTINGS_ORG, SETTINGS_APP = "customs", "customs-dutyroom"
FILTER_GROUP = "customs/declaration_filters"
CHANNELS = ("green", "yellow", "red")


def filter_store() -> QSettings:
    """The workstation's settings holding the named filters: QSettings' default
    format (native: the registry on Windows, an INI file elsewhere) in user scope."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, SETTINGS_ORG,
                     SETTINGS_APP)


def _key_of(name: str) -> str:
    return name.replace("/", "-").replace("\\", "-").strip()


def saved_filters() -> dict[str, dict[str, Any]]:
    """The named filters of this workstation: name → the filter bar's state."""
    store = filter_store()
    store.beginGroup(FILTER_GROUP)
    out: dict[str, dict[str, Any]] = {}
    for key in store.childKeys():
        try:
            state = json.loads(str(store.value(key)))
        except ValueError:
            continue
        if isinstance(state, dict):
            out[str(state.get("name") or key)] = state
    store.endGroup()
    return dict(sorted(out.items(), key=lambda kv: kv[0].casefold()))


def save_filter(name: str, state: dict[str, Any]) -> None:
    store = filter_store()
    store.beginGroup(FILTER_GROUP)
    store.setValue(_key_of(name), json.dumps({**state, "name": name}, ensure_ascii=False))
    store.endGroup()
    store.sync()


def delete_filter(name: str) -> None:
    store = filter_store()
    store.beginGroup(FILTER_GROUP)
    store.remove(_key_of(name))
    store.endGroup()
    store.sync()


def channel_text(r: DeclarationRow) -> str:
    """"Đỏ (3D)": the channel in words with the code as the system sent it."""
    name = CHANNEL_VI.get(r.channel or "", "")
    name = name[:1].upper() + name[1:]
    if name and r.channel_raw:
        return f"{name} ({r.channel_raw})"
    return name or (r.channel_raw or "")


def declaration_log(r: DeclarationRow) -> LogPrefill:
    """A duty-log entry citing a declaration (in Vietnamese: it is the log's text)."""
    containers = r.containers.split()
    channel = CHANNEL_VI.get(r.channel or "", "chưa phân luồng")
    raw = f" ({r.channel_raw})" if r.channel_raw else ""
    content = (f"Tờ khai {r.number} ({r.type_code}, {r.office}) luồng {channel}{raw}, "
               f"trạng thái {STATUS_VI.get(r.status, r.status)}; người khai "
               f"{r.declarant_name} (MST {tax_text(r.declarant_tax_code)})"
               + (f"; container {', '.join(containers)}" if containers else "") + ".")
    return LogPrefill(content=content, kind="work", place=r.area, declaration_no=r.number,
                      container_no=containers[0] if containers else "")


def declaration_incident(r: DeclarationRow) -> IncidentPrefill:
    containers = r.containers.split()
    log = declaration_log(r)
    return IncidentPrefill(
        content=log.content, title=f"Tờ khai {r.number} – {r.declarant_name}",
        place=r.area, declaration_no=r.number,
        container_no=containers[0] if containers else "",
        enterprise_tax_code=tax_text(r.declarant_tax_code), enterprise_name=r.declarant_name)


# -- the details ----------
def _iso_local(text: str) -> str:
    try:
        return fmt_local(datetime.fromisoformat(text))
    except (TypeError, ValueError):
        return str(text)


class DeclarationDialog(QDialog):
    """One declaration and what every feed says of it (read-only)."""

    def __init__(self, details: DeclarationDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declarationDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details
        self.setWindowTitle(self.tr("Declaration {number}").format(number=details.row.number))
        self.browser = QTextBrowser()
        self.browser.setObjectName("declarationDetails")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 680)

    def html(self) -> str:  # noqa: PLR0915 - one page, section by section
        d, r = self.details, self.details.row
        e = html.escape

        def table(headers: list[str], rows: list[list[str]]) -> str:
            if not rows:
                return f"<p><i>{e(self.tr('None.'))}</i></p>"
            head = "".join(f"<th align='left'>{e(h)}</th>" for h in headers)
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                           for row in rows)
            return (f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>"
                    f"{body}</table>")

        seals = ", ".join(f"{c} ({d.seals[c]})" if c in d.seals else c
                          for c in r.containers.split())
        channel = CHANNEL_VI.get(r.channel or "", "")
        fields = [
            (self.tr("Number"), f"{r.number}" + (f" ({self.tr('amended {n} times')})".format(
                n=d.amend_count) if d.amend_count else "")),
            (self.tr("System"), r.system.upper()),
            (self.tr("Flow / type"), f"{label(FLOW_TEXT, r.flow)} / {r.type_code}"),
            (self.tr("Customs office"), r.office),
            (self.tr("Area"), r.area),
            (self.tr("Route"), d.route),
            (self.tr("Channel"), " ".join(x for x in (channel, f"({r.channel_raw})"
                                                      if r.channel_raw else "") if x)
             + (f" — {when(d.channel_at)}" if d.channel_at else "")),
            (self.tr("Status"), STATUS_VI.get(r.status, r.status)),
            (self.tr("Registered"), when(r.registered_at)),
            (self.tr("Cleared"), when(r.cleared_at)),
            (self.tr("Inspection"), " — ".join(x for x in (
                label(INSPECTION_TEXT, d.inspection_result), d.inspection_place or "") if x)),
            (self.tr("Declarant"), f"{tax_text(r.declarant_tax_code)} {r.declarant_name}"),
            (self.tr("Goods"), r.goods_description),
            (self.tr("HS codes"), ", ".join(d.hs_codes)),
            (self.tr("Bills of lading"), ", ".join(d.bills_of_lading)),
            (self.tr("Containers (seal)"), seals),
            (self.tr("Gross weight"), f"{d.gross_weight_kg:,.1f} kg"
             if d.gross_weight_kg is not None else ""),
            (self.tr("Transport mode"), d.transport_mode or ""),
            (self.tr("Storage place"), d.storage_place or ""),
        ]
        out = [f"<h3>{e(self.tr('Declaration {number}').format(number=r.number))}</h3>",
               "<table cellpadding='2'>"]
        for name, value in fields:
            colour = CHANNEL_COLOUR.get(r.channel or "") if name == self.tr("Channel") else None
            cell = f"<font color='{colour}'>{e(value)}</font>" if colour else e(value)
            out.append(f"<tr><td><b>{e(name)}</b></td><td>{cell}</td></tr>")
        out.append("</table>")
        out.append(f"<h4>{e(self.tr('Status history'))}</h4>")
        out.append(table([self.tr("Time"), self.tr("Status")],
                         [[_iso_local(at), STATUS_VI.get(st, st)] for st, at in d.status_history]))
        out.append(f"<h4>{e(self.tr('Risk criteria'))}</h4>")
        out.append(table([self.tr("Criterion")], [[c] for c in d.criteria]))
        out.append(f"<h4>{e(self.tr('Notices (newest first)'))}</h4>")
        notices = sorted(d.notices, key=lambda n: str(n[0]), reverse=True)
        out.append(table([self.tr("Time"), self.tr("Notice")],
                         [[_iso_local(at), text] for at, text in notices]))
        out.append(f"<h4>{e(self.tr('Gate reads'))}</h4>")
        out.append(table(
            [self.tr("Time"), self.tr("Gate, lane"), self.tr("Direction"), self.tr("Container"),
             self.tr("Plate"), self.tr("Verdict"), self.tr("Check")],
            [[when(g.at), f"{g.gate}, {g.lane}", label(DIRECTION_TEXT, g.direction),
              g.container_no or g.container_raw or "", g.plate or "",
              VERDICT_VI.get(g.verdict, g.verdict), label(CHECK_TEXT, g.check_result)]
             for g in d.gate_reads]))
        out.append(f"<h4>{e(self.tr('Controlled-area events'))}</h4>")
        out.append(table(
            [self.tr("Time"), self.tr("Event"), self.tr("Container"), self.tr("Seal"),
             self.tr("Gate"), self.tr("Note")],
            [[when(a.at), label(AREA_KIND_TEXT, a.event), a.container_no or "", a.seal or "",
              a.gate or "", a.note or ""] for a in d.area_events]))
        out.append(f"<h4>{e(self.tr('Risk blacklist'))}</h4>")
        out.append(table([self.tr("Subject"), self.tr("Value"), self.tr("Reason")],
                         [[s, v, why] for s, v, why in d.blacklist]))
        out.append(f"<h4>{e(self.tr('Alerts'))}</h4>")
        out.append(table([self.tr("No."), self.tr("Severity"), self.tr("Title"), self.tr("State")],
                         [[str(i), label(SEVERITY_TEXT, sev), title,
                           label(ALERT_STATE_TEXT, state)] for i, sev, title, state in d.alerts]))
        return "".join(out)

    def text(self) -> str:
        return self.browser.toPlainText()


# -- the panel ----------
class DeclarationsPanel(Panel):
    topics = frozenset({Topic.CUSTOMS, Topic.ALERT})

    detailsOpened = Signal(object)        # the DeclarationDialog shown
    sampleDrawn = Signal(object)          # a SampleView, recorded and logged

    def __init__(self, session: ConsoleSession, nav: Navigator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("declarationsPanel")
        self.nav = nav
        self.dialog: DeclarationDialog | None = None
        self._gen = 0
        self.keys = PanelKeys(self)
        self._build_filter()
        self.table = RowsTable(self._columns(), "declarationsTable")
        self.details_b = QPushButton(self.tr("Details (Enter)"))
        self.details_b.setObjectName("declarationDetailsButton")
        self.actions = RecordActions(
            self, nav, self.table, self.keys, log_of=declaration_log,
            incident_of=declaration_incident,
            cameras_of=lambda r, ctx=session.ctx: area_cameras(ctx, r.area),
            extra=[(self.tr("Details"), self.open_details)])
        self.sample_b = QPushButton(self.tr("Random sample…"))
        self.sample_b.setObjectName("declarationSampleButton")
        self.sample_b.setToolTip(self.tr(
            "Draw declarations to check at random among those the filter's channel, office, "
            "area, type code, system and period select (Điều 13.1b); the draw is recorded "
            "and written to the duty log, and anyone can draw it again"))
        self.sample_b.clicked.connect(self.ask_sample)
        self.sample_b.setEnabled(session.user is not None
                                 and session.user.can(Permission.LOG_WRITE))
        self.count = QLabel()
        self.count.setObjectName("declarationsCount")
        actions = self.actions.buttons()
        actions.insertWidget(0, self.details_b)
        actions.insertWidget(1, self.sample_b)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.table.activated.connect(lambda _i: self.open_details())
        self.table.rowChanged.connect(self._row_changed)
        self.details_b.clicked.connect(self.open_details)
        self.keys.bind("Ctrl+F", self.focus_text)
        self.keys.bind("Esc", self.clear_filter)
        self.applied = self.current_filter()
        self._reload_saved()
        self._row_changed()

    # -- the filter bar ---------------------------------------------------------------------
    def _build_filter(self) -> None:
        box = self.filter_box = QWidget()
        box.setObjectName("declarationFilter")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.channel_boxes: dict[str, QCheckBox] = {}
        channels = QHBoxLayout()
        for code, text in zip(CHANNELS, (self.tr("Green"), self.tr("Yellow"), self.tr("Red")),
                              strict=True):
            cb = QCheckBox(text)
            cb.setObjectName(f"channel_{code}")
            cb.setStyleSheet(f"QCheckBox {{ color: {CHANNEL_COLOUR[code]}; font-weight: bold; }}")
            cb.toggled.connect(self.apply_filter)
            self.channel_boxes[code] = cb
            channels.addWidget(cb)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), "")
        for code, text in STATUS_VI.items():
            self.status.addItem(text, code)
        self.status.activated.connect(self.apply_filter)
        self.system = QComboBox()
        self.system.setObjectName("systemFilter")
        for text, code in ((self.tr("VCIS and V5"), ""), ("VCIS", "vcis"), ("V5", "v5")):
            self.system.addItem(text, code)
        self.system.activated.connect(self.apply_filter)
        self.period = QCheckBox(self.tr("Registered from"))
        self.period.setObjectName("periodFilter")
        today = to_local(self.session.ctx.clock.now()).date()
        self.date_from = self._date_edit("dateFrom", today - timedelta(days=30))
        self.date_to = self._date_edit("dateTo", today)
        self.period.toggled.connect(self._period_toggled)
        self.office = self._edit("officeFilter", self.tr("Office (03EE)"), 4)
        self.type_code = self._edit("typeFilter", self.tr("Type (A11, E31…)"), 3)
        self.area = self._edit("areaFilter", self.tr("Area"), 40)
        self.tax = self._edit("taxFilter", self.tr("Tax code begins with"), 14)
        self.container = self._edit("containerFilter", self.tr("Container"), 20)
        self.number = self._edit("numberFilter", self.tr("Declaration number"), 12)
        self.text = self._edit("textFilter", self.tr("Goods or declarant… (Ctrl+F)"), 200)
        self.apply_b = QPushButton(self.tr("Filter"))
        self.apply_b.setObjectName("applyFilterButton")
        self.apply_b.clicked.connect(self.apply_filter)
        self.clear_b = QPushButton(self.tr("Clear (Esc)"))
        self.clear_b.setObjectName("clearFilterButton")
        self.clear_b.clicked.connect(self.clear_filter)
        self.saved = QComboBox()
        self.saved.setObjectName("savedFilters")
        self.saved.setMinimumContentsLength(14)
        self.saved.activated.connect(self._saved_chosen)
        self.save_b = QPushButton(self.tr("Save filter…"))
        self.save_b.setObjectName("saveFilterButton")
        self.save_b.clicked.connect(self.ask_filter_name)
        self.delete_b = QPushButton(self.tr("Delete filter"))
        self.delete_b.setObjectName("deleteFilterButton")
        self.delete_b.clicked.connect(self.delete_saved)
        row0 = QHBoxLayout()
        row0.addLayout(channels)
        row0.addWidget(self.status)
        row0.addWidget(self.system)
        row0.addWidget(self.period)
        row0.addWidget(self.date_from)
        row0.addWidget(QLabel(self.tr("to")))
        row0.addWidget(self.date_to)
        row0.addStretch(1)
        row0.addWidget(self.saved)
        row0.addWidget(self.save_b)
        row0.addWidget(self.delete_b)
        row1 = QHBoxLayout()
        for w in (self.office, self.type_code, self.area, self.tax, self.container, self.number):
            row1.addWidget(w)
        row2 = QHBoxLayout()
        row2.addWidget(self.text, 1)
        row2.addWidget(self.apply_b)
        row2.addWidget(self.clear_b)
        grid.addLayout(row0, 0, 0)
        grid.addLayout(row1, 1, 0)
        grid.addLayout(row2, 2, 0)
        self._fields = [self.office, self.type_code, self.area, self.tax, self.container,
                        self.number, self.text, self.date_from, self.date_to, self.status,
                        self.system, self.period, *self.channel_boxes.values()]
        for w in self._fields:
            w.installEventFilter(self)
        for d in (self.date_from, self.date_to):
            d.lineEdit().installEventFilter(self)
        self._period_toggled(False)

    def _edit(self, name: str, placeholder: str, length: int) -> QLineEdit:
        e = QLineEdit()
        e.setObjectName(name)
        e.setPlaceholderText(placeholder)
        e.setMaxLength(length)
        e.setClearButtonEnabled(True)
        return e

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        d = QDateEdit(QDate(day.year, day.month, day.day))
        d.setObjectName(name)
        d.setCalendarPopup(True)
        d.setDisplayFormat("dd/MM/yyyy")
        return d

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if self.sender() is self.period:
            self.apply_filter()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in any field of the filter bar applies the filter."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)):
            self.apply_filter()
            return True
        return super().eventFilter(obj, event)

    def filter_state(self) -> dict[str, Any]:
        """What the filter bar says, as saved (plain JSON values)."""
        return {
            "channels": [c for c, cb in self.channel_boxes.items() if cb.isChecked()],
            "status": self.status.currentData() or "",
            "system": self.system.currentData() or "",
            "period": self.period.isChecked(),
            "from": self.date_from.date().toPython().isoformat(),
            "to": self.date_to.date().toPython().isoformat(),
            "office": self.office.text().strip(), "type_code": self.type_code.text().strip(),
            "area": self.area.text().strip(), "tax": self.tax.text().strip(),
            "container": self.container.text().strip(), "number": self.number.text().strip(),
            "text": self.text.text().strip()}

    def set_filter_state(self, state: dict[str, Any]) -> None:
        widgets: list[QWidget] = [*self.channel_boxes.values(), self.status, self.system,
                                  self.period]
        for w in widgets:
            w.blockSignals(True)
        try:
            chosen = set(state.get("channels") or ())
            for code, cb in self.channel_boxes.items():
                cb.setChecked(code in chosen)
            self.status.setCurrentIndex(max(0, self.status.findData(state.get("status", ""))))
            self.system.setCurrentIndex(max(0, self.system.findData(state.get("system", ""))))
            self.period.setChecked(bool(state.get("period")))
            for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
                try:
                    day = date.fromisoformat(str(state.get(key)))
                    edit.setDate(QDate(day.year, day.month, day.day))
                except ValueError:
                    pass
            for edit, key in ((self.office, "office"), (self.type_code, "type_code"),
                              (self.area, "area"), (self.tax, "tax"),
                              (self.container, "container"), (self.number, "number"),
                              (self.text, "text")):
                edit.setText(str(state.get(key) or ""))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._period_toggled(self.period.isChecked())

    def current_filter(self) -> DeclarationFilter:
        s = self.filter_state()
        start = end = None
        if s["period"]:
            first = date.fromisoformat(s["from"])
            last = date.fromisoformat(s["to"])
            if last < first:
                first, last = last, first
            # local days → stored UTC bounds; the last day is included
            start = to_utc(datetime.combine(first, time()))
            end = to_utc(datetime.combine(last + timedelta(days=1), time()))
        return DeclarationFilter(
            channels=tuple(s["channels"]) if len(s["channels"]) < len(CHANNELS) else (),
            statuses=(s["status"],) if s["status"] else (), office=s["office"],
            registered_from=start, registered_to=end, type_code=s["type_code"],
            area=s["area"], system=s["system"], tax_code_prefix=s["tax"],
            container=s["container"], number=s["number"], text=s["text"])

    def apply_filter(self) -> None:
        self.applied = self.current_filter()
        self.load()

    def clear_filter(self) -> None:
        today = to_local(self.session.ctx.clock.now()).date()
        self.set_filter_state({"from": (today - timedelta(days=30)).isoformat(),
                               "to": today.isoformat()})
        self.saved.setCurrentIndex(0)
        self.apply_filter()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    # -- the named filters ---------------------------------------------------------------------
    def _reload_saved(self, select: str | None = None) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("Saved filters…"), None)
        for name in saved_filters():
            self.saved.addItem(name, name)
        if select is not None:
            self.saved.setCurrentIndex(max(0, self.saved.findData(select)))
        self.saved.blockSignals(False)
        self.delete_b.setEnabled(self.saved.count() > 1)

    def _saved_chosen(self, index: int) -> None:
        name = self.saved.itemData(index)
        if name is None:
            return
        state = saved_filters().get(name)
        if state is not None:
            self.set_filter_state(state)
            self.apply_filter()

    def ask_filter_name(self) -> None:
        current = self.saved.currentData()
        self.prompt = ask(self, self.tr("Save the filter"),
                          self.tr("Name of the filter (kept on this workstation):"),
                          self.save_named, text=current or "")

    def save_named(self, name: str) -> None:
        name = " ".join(name.split())[:60]
        if not name:
            return
        save_filter(name, self.filter_state())
        self._reload_saved(select=name)

    def delete_saved(self) -> None:
        name = self.saved.currentData()
        if name is None:
            return
        delete_filter(name)
        self._reload_saved()

    # -- random sampling (Đ13.1b) -------------------------------------------------------------
    def sample_criteria(self) -> SampleCriteria:
        f = self.current_filter()
        return SampleCriteria(channels=f.channels, office=f.office.strip().upper(),
                              area=f.area.strip(), type_code=f.type_code.strip().upper(),
                              system=f.system, registered_from=f.registered_from,
                              registered_to=f.registered_to)

    def ask_sample(self) -> None:
        self.prompt = ask(self, self.tr("Random sample of declarations"),
                          self.tr("How many declarations to draw? (criteria: {criteria})")
                          .replace("{criteria}", self.sample_criteria().text_vi()),
                          self.draw_sample, text="5")

    def draw_sample(self, text: str) -> None:
        s = self.session
        if s.user is None or s.desk is None:
            return
        try:
            k = int(text.strip())
        except ValueError:
            show_error(self, ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Draw between 1 and {count} declarations."), count=MAX_K))
            return
        ctx, user, desk_id, criteria = s.ctx, s.user, s.desk.id, self.sample_criteria()
        self.submit(lambda: ctx.sampling.draw(user, desk_id, criteria, k), self._drawn,
                    reload=False)

    def _drawn(self, drawn: SampleView) -> None:
        self.last_sample = drawn
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Random sample"),
                          self.tr("{k} of {n} declarations drawn and written to the duty log:"
                                  "\n\n{numbers}\n\nSeed {seed}").replace("{k}", str(
                                      len(drawn.sample))).replace(
                              "{n}", str(drawn.candidate_count)).replace(
                              "{numbers}", "\n".join(drawn.numbers)).replace(
                              "{seed}", drawn.seed), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("sampleResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.sampleDrawn.emit(drawn)

    # -- loading ---------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Number"), lambda r: r.number),
            Column(self.tr("Channel"), channel_text, colour=lambda r: CHANNEL_COLOUR.get(
                r.channel or ""), sort=lambda r: r.channel_raw or ""),
            Column(self.tr("Status"), lambda r: STATUS_VI.get(r.status, r.status)),
            Column(self.tr("Type"), lambda r: r.type_code),
            Column(self.tr("Office"), lambda r: r.office),
            Column(self.tr("Area"), lambda r: r.area),
            Column(self.tr("Registered"), lambda r: when(r.registered_at),
                   sort=lambda r: sort_time(r.registered_at)),
            Column(self.tr("Cleared"), lambda r: when(r.cleared_at),
                   sort=lambda r: sort_time(r.cleared_at)),
            Column(self.tr("Declarant"),
                   lambda r: f"{tax_text(r.declarant_tax_code)} {r.declarant_name}"),
            Column(self.tr("Containers"), lambda r: ", ".join(r.containers.split())),
            Column(self.tr("Goods"), lambda r: r.goods_description),
        ]

    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        self._gen += 1
        gen, ctx, desk_id, f = self._gen, s.ctx, s.desk.id, self.applied
        return lambda: (gen, ctx.customs.declarations(desk_id, f))

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[1]

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        gen, rows = data
        if gen != self._gen:
            return                   # an older filter's answer, overtaken
        self.table.set_rows(rows)
        self.count.setText(self.tr("{n} declarations").format(n=len(rows)))

    def _row_changed(self) -> None:
        self.details_b.setEnabled(self.table.current() is not None)

    # -- the details -----------------------------------------------------------------------------
    def open_details(self) -> None:
        row = self.table.current()
        if row is None:
            return
        ctx, number = self.session.ctx, row.number
        self.session.runner.submit(lambda: ctx.customs.details(number), self._show_details,
                                   lambda e: show_error(self, e), owner=self)

    def _show_details(self, details: DeclarationDetails) -> None:
        if self.dialog is not None:
            with contextlib.suppress(RuntimeError):     # deleted on close already
                self.dialog.close()
        dialog = self.dialog = DeclarationDialog(details, self)

        def gone(*_: object) -> None:
            if self.dialog is dialog:
                self.dialog = None

        dialog.destroyed.connect(gone)
        dialog.open()
        self.detailsOpened.emit(dialog)


__all__ = ["DeclarationDialog", "DeclarationsPanel", "declaration_incident",
           "declaration_log", "delete_filter", "filter_store", "save_filter", "saved_filters"]
