"""The e-Manifest: the vessel calls of the desk's ports (vessel, IMO, MMSI, call
sign, voyage, port, ETA / ATA); for the selected call its bills of lading and its
containers; and the containers in the yard beyond N days (the long-stay inventory)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.topics import Topic
from widgets.customs import Column, RowsTable, sort_time, when
from widgets.panels import Panel
from widgets.session import ConsoleSession


class ManifestPanel(Panel):
    topics = frozenset({Topic.CUSTOMS})

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("manifestPanel")
        self._gen = 0
        self.calls = RowsTable([
            Column(self.tr("Vessel"), lambda c: c.vessel_name),
            Column(self.tr("IMO"), lambda c: c.imo or ""),
            Column(self.tr("MMSI"), lambda c: c.mmsi or ""),
            Column(self.tr("Call sign"), lambda c: c.call_sign or ""),
            Column(self.tr("Flag"), lambda c: c.flag or ""),
            Column(self.tr("Voyage"), lambda c: c.voyage or ""),
            Column(self.tr("Port"), lambda c: c.port),
            Column(self.tr("ETA"), lambda c: when(c.eta), sort=lambda c: sort_time(c.eta)),
            Column(self.tr("ATA"), lambda c: when(c.ata), sort=lambda c: sort_time(c.ata)),
            Column(self.tr("Bills"), lambda c: str(len(c.bills)), sort=lambda c: len(c.bills),
                   align_right=True),
            Column(self.tr("Containers"), lambda c: str(len(c.containers)),
                   sort=lambda c: len(c.containers), align_right=True),
        ], "vesselCalls")
        self.bills = RowsTable([
            Column(self.tr("Bill of lading"), lambda b: b.number + (f" ({b.master})" if b.master
                                                                else "")),
            Column(self.tr("Shipper"), lambda b: b.shipper),
            Column(self.tr("Consignee"), lambda b: b.consignee),
            Column(self.tr("HS"), lambda b: b.hs or ""),
            Column(self.tr("Packages"), lambda b: "" if b.packages is None else str(b.packages),
                   sort=lambda b: b.packages or 0, align_right=True),
            Column(self.tr("Gross weight (kg)"), lambda b: "" if b.gross_weight_kg is None
                   else f"{b.gross_weight_kg:,.1f}", sort=lambda b: b.gross_weight_kg or 0.0,
                   align_right=True),
            Column(self.tr("Description"), lambda b: b.description),
            Column(self.tr("Containers"), lambda b: ", ".join(b.containers.split())),
        ], "manifestBills", key=lambda b: b.number)
        self.containers = RowsTable([
            Column(self.tr("Container"), lambda m: m.number),
            Column(self.tr("Size-type"), lambda m: m.size_type or ""),
            Column(self.tr("Seal"), lambda m: m.seal or ""),
            Column(self.tr("Full / empty"),
                   lambda m: self.tr("Full") if m.full else self.tr("Empty")),
            Column(self.tr("In the yard since"), lambda m: when(m.in_yard_since),
                   sort=lambda m: sort_time(m.in_yard_since)),
            Column(self.tr("Left the yard"), lambda m: when(m.left_yard_at),
                   sort=lambda m: sort_time(m.left_yard_at)),
            Column(self.tr("Bills of lading"), lambda m: ", ".join(m.bills.split())),
        ], "manifestContainers", key=lambda m: m.number)
        self.days = QSpinBox()
        self.days.setObjectName("longStayDays")
        self.days.setRange(0, 3650)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.load())
        self.long_stay = RowsTable([
            Column(self.tr("Container"), lambda r: r.number),
            Column(self.tr("Vessel"), lambda r: r.vessel_name),
            Column(self.tr("Call"), lambda r: r.call_id),
            Column(self.tr("In the yard since"), lambda r: when(r.in_yard_since),
                   sort=lambda r: sort_time(r.in_yard_since)),
            Column(self.tr("Days"), lambda r: str(r.days), sort=lambda r: r.days, align_right=True),
            Column(self.tr("Full / empty"),
                   lambda r: self.tr("Full") if r.full else self.tr("Empty")),
            Column(self.tr("Size-type"), lambda r: r.size_type or ""),
        ], "longStay", key=lambda r: r.number)
        self.long_count = QLabel()
        self.long_count.setObjectName("longStayCount")

        detail = QTabWidget()
        detail.setObjectName("callDetail")
        detail.addTab(self.bills, self.tr("Bills of lading"))
        detail.addTab(self.containers, self.tr("Containers"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.calls)
        split.addWidget(detail)
        long_page = QWidget()
        long_layout = QVBoxLayout(long_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("In the yard more than")))
        row.addWidget(self.days)
        row.addWidget(self.long_count, 1)
        long_layout.addLayout(row)
        long_layout.addWidget(self.long_stay, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("manifestTabs")
        self.tabs.addTab(split, self.tr("Vessel calls"))
        self.long_tab = self.tabs.addTab(long_page, self.tr("In the yard over N days"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.tabs, 1)
        self.calls.rowChanged.connect(self._call_changed)

    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        self._gen += 1
        gen, ctx, desk_id, days = self._gen, s.ctx, s.desk.id, self.days.value()

        def work():  # type: ignore[no-untyped-def]
            return (gen, ctx.customs.vessel_calls(desk_id),
                    ctx.customs.long_stay(desk_id, ctx.clock.now(), days))

        return work

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[1] and not data[2]

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        gen, calls, long_stay = data
        if gen != self._gen:
            return
        self.calls.set_rows(calls)
        self.long_stay.set_rows(long_stay)
        self.long_count.setText(self.tr("{n} containers").format(n=len(long_stay)))
        self.tabs.setTabText(self.long_tab, self.tr("In the yard over {n} days ({count})")
                             .format(n=self.days.value(), count=len(long_stay)))

    def _call_changed(self) -> None:
        call = self.calls.current()
        self.bills.set_rows(call.bills if call is not None else [])
        self.containers.set_rows(call.containers if call is not None else [])


__all__ = ["ManifestPanel"]
