"""The customs-controlled area's events (VASSCM): gate in and out, goods held, taken
to storage, clearance stopped, the inspection place changed, independent transport —
one tab per kind and all of them; on an event, a duty-log entry citing it (Ctrl+Shift+L),
an incident (Ctrl+I) and the cameras of its gate."""

from __future__ import annotations

from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from app.customs.views import AreaRow
from app.topics import Topic
from app.workflow.prefill import IncidentPrefill, LogPrefill
from widgets.customs import (
    AREA_KIND_TEXT,
    Column,
    PanelKeys,
    RecordActions,
    RowsTable,
    area_cameras,
    label,
    sort_time,
    when,
)
from widgets.panels import Navigator, Panel
from widgets.session import ConsoleSession

AREA_EVENT_VI = {"gate_in": "qua cổng vào", "gate_out": "qua cổng ra", "held": "giữ lại",
                 "storage": "đưa về lưu kho", "stopped": "dừng thông quan",
                 "place_changed": "chuyển địa điểm kiểm tra",
                 "independent_transport": "vận chuyển độc lập"}


def gate_cameras(ctx, gate: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The cameras of an event's gate (worker thread): those of the site named so
    ("Cửa khẩu Hữu Nghị"), else those whose name or zone names it ("Cổng A - làn ra")."""
    codes = area_cameras(ctx, gate)
    if codes or not gate.strip():
        return codes
    wanted = " ".join(gate.split()).casefold()
    return [c.code for c in ctx.cameras.cameras(active_only=True)
            if wanted in (c.name or "").casefold() or wanted in (c.zone or "").casefold()]


def event_text(r: AreaRow) -> str:
    """An event in Vietnamese, as the duty log cites it."""
    parts = [f"Sự kiện khu vực giám sát lúc {when(r.at)}: "
             f"{AREA_EVENT_VI.get(r.event, r.event)}"]
    for name, value in (("tờ khai", r.declaration_key), ("container", r.container_no),
                        ("niêm phong", r.seal), ("biển số", r.plate), ("cổng", r.gate),
                        ("Chi cục", r.office)):
        if value:
            parts.append(f"{name} {value}")
    text = ", ".join(parts) + "."
    return f"{text} {r.note}" if r.note else text


def area_log(r: AreaRow) -> LogPrefill:
    return LogPrefill(content=event_text(r), kind="work", place=r.gate or "",
                      declaration_no=r.declaration_key or "", container_no=r.container_no or "",
                      vehicle_plate=r.plate or "", occurred_at=r.at)


def area_incident(r: AreaRow) -> IncidentPrefill:
    return IncidentPrefill(
        content=event_text(r), title=f"Container {r.container_no or ''} "
        f"{AREA_EVENT_VI.get(r.event, r.event)}".replace("  ", " "), occurred_at=r.at,
        place=r.gate or "", declaration_no=r.declaration_key or "",
        container_no=r.container_no or "", vehicle_plate=r.plate or "")


class ControlledAreaPanel(Panel):
    topics = frozenset({Topic.CUSTOMS})

    def __init__(self, session: ConsoleSession, nav: Navigator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("controlledAreaPanel")
        self.nav = nav
        self._gen = 0
        self.keys = PanelKeys(self)
        self.kinds: list[tuple[str, ...]] = [
            (), ("gate_in", "gate_out"), ("held",), ("storage",), ("stopped",),
            ("place_changed",), ("independent_transport",)]
        self.tabs = QTabBar()
        self.tabs.setObjectName("areaKinds")
        for text in (self.tr("All"), self.tr("Gate in / out"), self.tr("Held"),
                     self.tr("To storage"), self.tr("Clearance stopped"),
                     self.tr("Inspection place changed"), self.tr("Independent transport")):
            self.tabs.addTab(text)
        self.tabs.currentChanged.connect(lambda _i: self.load())
        self.table = RowsTable([
            Column(self.tr("Time"), lambda r: when(r.at), sort=lambda r: sort_time(r.at)),
            Column(self.tr("Event"), lambda r: label(AREA_KIND_TEXT, r.event)),
            Column(self.tr("Declaration"), lambda r: r.declaration_key or ""),
            Column(self.tr("Container"), lambda r: r.container_no or ""),
            Column(self.tr("Seal"), lambda r: r.seal or ""),
            Column(self.tr("Plate"), lambda r: r.plate or ""),
            Column(self.tr("Gate"), lambda r: r.gate or ""),
            Column(self.tr("Office"), lambda r: r.office or ""),
            Column(self.tr("Note"), lambda r: r.note or ""),
        ], "areaTable")
        self.actions = RecordActions(
            self, nav, self.table, self.keys, log_of=area_log, incident_of=area_incident,
            cameras_of=lambda r, ctx=session.ctx: gate_cameras(ctx, r.gate or ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.actions.buttons())

    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        self._gen += 1
        gen, ctx, desk_id = self._gen, s.ctx, s.desk.id
        kinds = self.kinds[max(0, self.tabs.currentIndex())]
        return lambda: (gen, ctx.customs.area_events(desk_id, kinds))

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[1]

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        gen, rows = data
        if gen == self._gen:
            self.table.set_rows(rows)


__all__ = ["AREA_EVENT_VI", "ControlledAreaPanel", "area_incident", "area_log", "event_text",
           "gate_cameras"]
