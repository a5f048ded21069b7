"""The customs panels driven as an officer drives them, on both databases: the
declarations filtered by a channel's box, a tax-code prefix, a container; a
declaration's details opened with Enter; a named filter saved, found again by another
panel and re-applied; a duty-log entry, an incident and the area's cameras asked of the
console with the declaration's data; the gate reads' random check written in the duty
log once (a second is refused); the alerts acknowledged and dismissed with a reason, a
new critical alert announced once after the first load; the controlled area's tabs and
the e-Manifest's long-stay inventory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from sqlalchemy import func, select

from app.cameras.registry import seed_demo_cameras
from app.customs.records import Feed, parse
from app.customs.store import CustomsStore
from app.db.models import Alert, LogEntry
from app.errors import ConflictError
from app.sources.ledger import IngestLedger
from app.workflow.prefill import IncidentPrefill, LogPrefill
from datasources.sim.customs_world import World
from tests.conftest import T0
from tests.gui_helpers import console
from tests.shortcut_conflicts import conflicts
from tests.test_customs_core import declaration, gate_read
from widgets import theme
from widgets.customs.alerts_panel import AlertsPanel
from widgets.customs.area import ControlledAreaPanel
from widgets.customs.declarations import DeclarationsPanel, saved_filters
from widgets.customs.gate import GatePanel
from widgets.customs.manifest import ManifestPanel
from widgets.incidents.raise_dialog import RaiseIncidentDialog
from widgets.panels import Navigator

LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
RED, YELLOW, GREEN = "105123456780", "105123456790", "305123456800"


def ingest(ctx, desk_id: int, feed: Feed, items: list[dict]) -> None:  # type: ignore[no-untyped-def]
    source = f"customs-{feed.value}"
    records = [parse(feed, source, i) for i in items]
    IngestLedger(ctx.db, ctx.clock, "console-1").ingest(
        records, CustomsStore(ctx.clock, desk_id).store, desk_id)


def world(ctx, desk_id: int) -> None:  # type: ignore[no-untyped-def]
    """Red (uninspected), yellow (not cleared) and a cleared green declaration."""
    ingest(ctx, desk_id, Feed.DECLARATIONS, [
        declaration(RED, 1),
        declaration(YELLOW, 2, channel="2", containers=[{"number": "MSKU1234565"}],
                    declarant={"tax_code": "0100233488", "name": "Công ty CP Vận tải Biển Đông"}),
        declaration(GREEN, 3, flow="export", type_code="B11", channel="1",
                    status="cleared", cleared_at="2026-03-02T09:00:00+07:00",
                    containers=[{"number": "TGHU1000002"}],
                    declarant={"tax_code": "0312945656", "name": "Công ty TNHH Gỗ Phương Nam"},
                    goods_description="Gỗ dán công nghiệp")])


def shown(qtbot, panel):  # type: ignore[no-untyped-def]
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.show()
        panel.load()
    return panel


def click_row(qtbot, table, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the row whose cell in `column` shows `text` (contains)."""
    texts = table.texts(column)
    row = next(i for i, t in enumerate(texts) if text in (t or ""))
    rect = table.visualRect(table.proxy.index(row, column))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    assert text in (table.proxy.index(table.currentIndex().row(), column).data() or "")


def numbers(panel: DeclarationsPanel) -> list[str]:
    return panel.table.texts(0)


def entries(ctx) -> list[LogEntry]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        return list(s.scalars(select(LogEntry).order_by(LogEntry.id)))


def png() -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


@pytest.fixture
def ini_settings(tmp_path):  # type: ignore[no-untyped-def]
    """The workstation's QSettings in an INI file under tmp_path, restored after."""
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    old_format = QSettings.defaultFormat()
    old_path = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setDefaultFormat(fmt)
    QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
    QSettings.setPath(fmt, scope, old_path)
    QSettings.setDefaultFormat(old_format)


# -- declarations ---------------------------------------------------------------------------
def test_the_declarations_are_filtered_by_channel_tax_code_and_container(qtbot, ctx, users, desk):
    world(ctx, desk.id)
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, DeclarationsPanel(session))
        assert sorted(numbers(panel)) == sorted([RED, YELLOW, GREEN])
        # the channel's raw value, coloured; the status in Vietnamese
        red_row = numbers(panel).index(RED)
        cell = panel.table.proxy.index(red_row, 1)
        assert cell.data() == "Đỏ (3)"
        assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.ALARM)
        assert panel.table.proxy.index(red_row, 2).data() == "đã phân luồng"

        qtbot.mouseClick(panel.channel_boxes["red"], LEFT)          # Đỏ
        qtbot.waitUntil(lambda: numbers(panel) == [RED], timeout=10000)
        qtbot.mouseClick(panel.channel_boxes["yellow"], LEFT)       # Đỏ + Vàng
        qtbot.waitUntil(lambda: sorted(numbers(panel)) == [RED, YELLOW], timeout=10000)
        qtbot.mouseClick(panel.channel_boxes["red"], LEFT)
        qtbot.mouseClick(panel.channel_boxes["yellow"], LEFT)
        qtbot.waitUntil(lambda: len(numbers(panel)) == 3, timeout=10000)

        qtbot.keyClicks(panel.tax, "0312")
        qtbot.keyClick(panel.tax, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: numbers(panel) == [GREEN], timeout=10000)
        qtbot.keyClick(panel.tax, Qt.Key.Key_Escape)                 # Esc clears the filter
        qtbot.waitUntil(lambda: len(numbers(panel)) == 3, timeout=10000)
        assert panel.tax.text() == ""

        qtbot.keyClicks(panel.container, "msku 123456-5")
        qtbot.mouseClick(panel.apply_b, LEFT)                        # "Lọc"
        qtbot.waitUntil(lambda: numbers(panel) == [YELLOW], timeout=10000)
        assert panel.count.text() == "1 declarations"

        panel.container.clear()
        qtbot.keyClicks(panel.container, "ABC")                      # not a container
        with qtbot.waitSignal(panel.failed, timeout=10000) as failed:
            qtbot.keyClick(panel.container, Qt.Key.Key_Return)
        assert "ABC" in failed.args[0] and panel.state_line.isVisible()

        qtbot.keyClick(panel.table, Qt.Key.Key_F, CTRL)              # Ctrl+F: the free text
        qtbot.keyClick(panel.table, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: len(numbers(panel)) == 3, timeout=10000)
        qtbot.keyClicks(panel.number, RED[:11])
        qtbot.keyClick(panel.number, Qt.Key.Key_Enter)                # the keypad's Enter
        qtbot.waitUntil(lambda: numbers(panel) == [RED], timeout=10000)


def test_enter_opens_a_declarations_details(qtbot, ctx, users, desk):
    world(ctx, desk.id)
    ingest(ctx, desk.id, Feed.GATE, [gate_read("G1", "CSQU3054383")])
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, DeclarationsPanel(session))
        click_row(qtbot, panel.table, 0, RED)
        with qtbot.waitSignal(panel.detailsOpened, timeout=10000) as opened:
            qtbot.keyClick(panel.table, Qt.Key.Key_Return)
        dialog = opened.args[0]
        assert dialog.isVisible() and RED in dialog.windowTitle()
        text = dialog.text()
        for seen in ("Hàng điện tử giá trị cao", "Yêu cầu kiểm tra thực tế",
                     "CSQU3054383 (VN123456)", "đã phân luồng",
                     "luồng đỏ chưa có kết quả kiểm tra", "Critical",
                     "0314409058-002 Công ty TNHH Thương mại Hải Minh"):
            assert seen in text, seen
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: panel.dialog is None or not panel.dialog.isVisible(),
                        timeout=5000)
        # a double click opens it too
        rect = panel.table.visualRect(panel.table.proxy.index(panel.table.currentIndex().row(), 0))
        with qtbot.waitSignal(panel.detailsOpened, timeout=10000) as opened:
            qtbot.mouseDClick(panel.table.viewport(), LEFT, pos=rect.center())
        opened.args[0].close()


def test_a_named_filter_is_saved_and_applied_again(qtbot, ctx, users, desk, ini_settings):
    world(ctx, desk.id)
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, DeclarationsPanel(session))
        qtbot.mouseClick(panel.channel_boxes["red"], LEFT)
        qtbot.keyClicks(panel.tax, "0314")
        qtbot.keyClick(panel.tax, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: numbers(panel) == [RED], timeout=10000)
        qtbot.mouseClick(panel.save_b, LEFT)
        qtbot.waitUntil(lambda: panel.prompt.isVisible(), timeout=5000)
        qtbot.keyClicks(panel.prompt.edit, "Red of 0314")
        qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        qtbot.waitUntil(lambda: panel.saved.findData("Red of 0314") > 0, timeout=5000)
        assert saved_filters()["Red of 0314"]["tax"] == "0314"
        assert list(ini_settings.rglob("*.ini"))          # kept in the workstation's file

        qtbot.keyClick(panel.tax, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: len(numbers(panel)) == 3, timeout=10000)
        assert not panel.channel_boxes["red"].isChecked()

        # another panel (the next login on this workstation) finds it and applies it
        other = shown(qtbot, DeclarationsPanel(session))
        assert other.saved.findData("Red of 0314") == 1
        other.saved.setFocus()
        qtbot.keyClick(other.saved, Qt.Key.Key_Down)       # choose it in the combo
        qtbot.waitUntil(lambda: numbers(other) == [RED], timeout=10000)
        assert other.tax.text() == "0314" and other.channel_boxes["red"].isChecked()

        qtbot.mouseClick(other.delete_b, LEFT)
        assert other.saved.findData("Red of 0314") == -1 and saved_filters() == {}


def test_the_record_actions_ask_the_console_with_the_declarations_data(qtbot, ctx, users, desk):
    world(ctx, desk.id)
    seed_demo_cameras(ctx)
    nav = Navigator()
    asked: list[object] = []
    nav.writeEntry.connect(asked.append)
    nav.raiseIncident.connect(asked.append)
    with console(ctx, users["giamsat1"]) as session:
        alone = shown(qtbot, DeclarationsPanel(session))              # no navigator
        assert not alone.actions.log_b.isEnabled() and not alone.actions.cameras_b.isEnabled()
        panel = shown(qtbot, DeclarationsPanel(session, nav))
        click_row(qtbot, panel.table, 0, RED)
        qtbot.mouseClick(panel.actions.log_b, LEFT)
        qtbot.keyClick(panel.table, Qt.Key.Key_L, CTRL | SHIFT)        # Ctrl+Shift+L: the same
        qtbot.keyClick(panel.table, Qt.Key.Key_I, CTRL)                # Ctrl+I: an incident
        assert [type(a) for a in asked] == [LogPrefill, LogPrefill, IncidentPrefill]
        entry = asked[0]
        assert isinstance(entry, LogPrefill) and entry == asked[1]
        assert (entry.declaration_no, entry.container_no, entry.place) == (
            RED, "CSQU3054383", "Cảng Đình Vũ")
        for said in (RED, "luồng đỏ", "đã phân luồng", "Công ty TNHH Thương mại Hải Minh",
                     "0314409058-002", "CSQU3054383"):
            assert said in entry.content, said
        incident = asked[2]
        assert isinstance(incident, IncidentPrefill)
        assert (incident.declaration_no, incident.container_no, incident.place,
                incident.enterprise_tax_code, incident.enterprise_name) == (
            RED, "CSQU3054383", "Cảng Đình Vũ", "0314409058-002",
            "Công ty TNHH Thương mại Hải Minh")
        with qtbot.waitSignal(nav.showCameras, timeout=10000) as cams:
            qtbot.mouseClick(panel.actions.cameras_b, LEFT)
        codes = cams.args[0]
        assert codes and all(c.startswith("DV-CAM-") for c in codes) and "DV-CAM-02" in codes


# -- gate reads --------------------------------------------------------------------------------
def test_the_random_check_of_a_gate_read_is_written_once(qtbot, ctx, users, desk):
    world(ctx, desk.id)
    ingest(ctx, desk.id, Feed.GATE, [gate_read("G1", "CSQU 305438-3", seq=1),
                                      gate_read("G3", "TGHU1000002", seq=3),
                                      gate_read("G5", "MSKU1234566", seq=5)])
    picture = png()
    fetched: list[str] = []

    def loader(path: str) -> bytes:
        fetched.append(path)
        return picture

    nav = Navigator()
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, GatePanel(session, nav, picture_loader=loader))
        assert len(panel.table.rows) == 3
        verdicts = dict(zip(panel.table.texts(5), panel.table.texts(4), strict=True))
        assert verdicts["CSQU 305438-3"] == "luồng đỏ chưa có kết quả kiểm tra"
        assert verdicts["MSKU1234566"] == "không đọc được số container"
        click_row(qtbot, panel.table, 5, "CSQU 305438-3")
        row = panel.table.currentIndex().row()
        assert panel.table.proxy.index(row, 4).data(
            Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.ALARM)
        assert panel.table.proxy.index(row, 8).data() == "93 %"
        qtbot.waitUntil(lambda: not panel.picture.pixmap().isNull(), timeout=10000)
        assert "/v1/gate-events/G1/picture" in fetched
        read = panel.table.current()
        before = len(entries(ctx))

        qtbot.mouseClick(panel.match_b, LEFT)                           # "Khớp với ảnh"
        qtbot.waitUntil(lambda: panel.table.current() is not None
                        and panel.table.current().check_result == "match", timeout=10000)
        assert panel.table.proxy.index(panel.table.currentIndex().row(), 10).data() == \
            "Matches the picture"
        after = entries(ctx)
        assert len(after) == before + 1
        assert "Kiểm tra ngẫu nhiên" in after[-1].content and "khớp với ảnh" in after[-1].content
        assert after[-1].author_id == users["giamsat1"].id
        assert after[-1].container_no == "CSQU3054383"
        assert "entry" in panel.check_note.text()

        # a second check is refused: the buttons are off, the key says why, the core too
        assert not panel.match_b.isEnabled() and not panel.mismatch_b.isEnabled()
        qtbot.keyClick(panel.table, Qt.Key.Key_M, CTRL)
        assert "already" in panel.check_note.text()
        with pytest.raises(ConflictError):
            ctx.gate_checks.record(users["giamsat2"], desk.id, read.id, read.version, True)
        assert len(entries(ctx)) == before + 1

        # "Không khớp…": the note is asked; empty is refused in the prompt
        click_row(qtbot, panel.table, 5, "MSKU1234566")
        qtbot.mouseClick(panel.mismatch_b, LEFT)
        qtbot.waitUntil(lambda: panel.prompt.isVisible(), timeout=5000)
        qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        assert panel.prompt.error.text() and panel.prompt.isVisible()
        qtbot.keyClicks(panel.prompt.edit, "picture shows MSKU1234565")
        qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        qtbot.waitUntil(lambda: len(entries(ctx)) == before + 2, timeout=10000)
        last = entries(ctx)[-1]
        assert "KHÔNG khớp với ảnh" in last.content and "MSKU1234565" in last.content
        qtbot.waitUntil(lambda: "Does not match the picture" in panel.table.texts(10),
                        timeout=10000)

        # the record actions: the read's camera, an incident with container and plate
        click_row(qtbot, panel.table, 5, "CSQU 305438-3")
        with qtbot.waitSignal(nav.showCameras, timeout=10000) as cams:
            qtbot.mouseClick(panel.actions.cameras_b, LEFT)
        assert cams.args[0] == ["DV-CAM-02"]
        with qtbot.waitSignal(nav.raiseIncident, timeout=5000) as raised:
            qtbot.keyClick(panel.table, Qt.Key.Key_I, CTRL)
        incident = raised.args[0]
        assert (incident.container_no, incident.vehicle_plate) == ("CSQU3054383", "15C12345")
        assert incident.declaration_no == RED[:11]

        qtbot.mouseClick(panel.only_abnormal, LEFT)                      # "chỉ bất thường"
        qtbot.waitUntil(lambda: panel.table.texts(5) == ["CSQU 305438-3"], timeout=10000)


def test_without_a_loader_the_gate_panel_says_there_is_no_picture(qtbot, ctx, users, desk):
    world(ctx, desk.id)
    ingest(ctx, desk.id, Feed.GATE, [gate_read("G3", "TGHU1000002", seq=3)])
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, GatePanel(session))
        assert panel.table.texts(4) == ["đã thông quan"]
        assert panel.picture.text() == "No picture" and panel.picture.pixmap().isNull()
        assert not panel.actions.incident_b.isEnabled()                 # no navigator


# -- alerts ------------------------------------------------------------------------------------
def test_alerts_are_acknowledged_dismissed_and_a_new_critical_one_announced(
        qtbot, ctx, users, desk):
    world(ctx, desk.id)
    ingest(ctx, desk.id, Feed.GATE, [gate_read("G1", "CSQU3054383", seq=1),
                                      gate_read("G2", "MSKU1234565", seq=2),
                                      gate_read("G6", "CAIU7777777", seq=6)])
    nav = Navigator()
    with console(ctx, users["giamsat1"]) as session:
        panel = AlertsPanel(session, nav)
        announced: list[str] = []
        panel.criticalRaised.connect(announced.append)
        shown(qtbot, panel)
        table = panel.table
        assert len(table.rows) == 3 and not announced                  # the first load
        assert table.texts(1) == ["Critical", "Critical", "High"]
        first = table.proxy.index(0, 3)
        assert first.data(Qt.ItemDataRole.FontRole).bold()
        assert first.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.ALARM)
        assert table.proxy.index(2, 3).data(
            Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.WARN)
        assert table.texts(2)[0] == "cổng × thông quan"

        # Tiếp nhận (Ctrl+K)
        click_row(qtbot, table, 5, "MSKU1234565")
        assert "105123456790" in panel.reason.text()
        qtbot.keyClick(table, Qt.Key.Key_K, CTRL)
        qtbot.waitUntil(lambda: table.current() is not None
                        and table.current().state == "acknowledged", timeout=10000)
        assert table.proxy.index(table.currentIndex().row(), 3).data() == "Acknowledged"
        assert not panel.ack_b.isEnabled()

        # Bỏ qua…: too short a reason is refused by the core, said in the prompt
        before = len(entries(ctx))
        qtbot.mouseClick(panel.dismiss_b, LEFT)
        qtbot.waitUntil(lambda: panel.prompt.isVisible(), timeout=5000)
        qtbot.keyClicks(panel.prompt.edit, "ok")
        qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        qtbot.waitUntil(lambda: "5" in panel.prompt.error.text(), timeout=10000)
        assert panel.prompt.isVisible() and len(table.rows) == 3
        panel.prompt.edit.clear()
        qtbot.keyClicks(panel.prompt.edit, "Checked: the truck went back to the yard")
        qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        qtbot.waitUntil(lambda: len(table.rows) == 2, timeout=10000)
        assert all(a.container_no != "MSKU1234565" for a in table.rows)
        last = entries(ctx)[-1]
        assert len(entries(ctx)) == before + 1
        assert "Bỏ qua cảnh báo" in last.content and "truck went back" in last.content

        # Tạo vụ việc: the gate × clearance alert proposes the prevention notice, and
        # is acknowledged
        click_row(qtbot, table, 5, "CSQU3054383")
        with qtbot.waitSignal(nav.raiseIncident, timeout=5000) as raised:
            qtbot.mouseClick(panel.actions.incident_b, LEFT)
        incident = raised.args[0]
        assert isinstance(incident, IncidentPrefill)
        assert incident.container_no == "CSQU3054383" and incident.place == "Cổng A, làn A-OUT-1"
        assert incident.declaration_no == RED[:11]
        assert "luồng đỏ chưa có kết quả kiểm tra" in incident.content
        assert "ngăn chặn" in incident.content and "8.1c" in incident.content
        assert incident.alert_id is not None and incident.prevention_case == "gate"
        dialog = RaiseIncidentDialog(session, incident, panel)   # where the window opens it
        qtbot.addWidget(dialog)
        assert dialog.prevent.isChecked() and dialog.prevent_case.currentData() == "gate"
        assert dialog.request().alert_id == incident.alert_id
        dialog.reject()
        qtbot.waitUntil(lambda: table.current() is not None
                        and table.current().state == "acknowledged", timeout=10000)
        with qtbot.waitSignal(nav.showCameras, timeout=10000) as cams:
            qtbot.mouseClick(panel.actions.cameras_b, LEFT)
        assert cams.args[0] == ["DV-CAM-02"]

        # another uncleared container goes out: announced once, by the change feed
        ingest(ctx, desk.id, Feed.DECLARATIONS, [declaration(
            "105123456810", 9, channel="2", containers=[{"number": "TGHU1000018"}])])
        with qtbot.waitSignal(panel.criticalRaised, timeout=20000) as new:
            ingest(ctx, desk.id, Feed.GATE, [gate_read("G7", "TGHU1000018", seq=7)])
        assert "TGHU1000018" in new.args[0] and announced == [new.args[0]]
        qtbot.waitUntil(lambda: len(table.rows) == 3, timeout=10000)
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            panel.load()
        assert announced == [new.args[0]]                               # once
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Alert)
                        .where(Alert.state == "dismissed")) == 1


# -- the controlled area, the e-Manifest ---------------------------------------------------------
def _world_feeds(ctx, desk_id: int) -> World:  # type: ignore[no-untyped-def]
    w = World(epoch=T0)
    ingest(ctx, desk_id, Feed.DECLARATIONS, w.declarations)
    ingest(ctx, desk_id, Feed.AREA, w.area_events)
    ingest(ctx, desk_id, Feed.MANIFESTS, w.manifests)
    return w


def test_the_controlled_area_by_kind(qtbot, ctx, users, desk):
    _world_feeds(ctx, desk.id)
    nav = Navigator()
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, ControlledAreaPanel(session, nav))
        everything = len(panel.table.rows)
        assert everything > 0
        tab = panel.tabs.tabRect(1)                                      # gate in / out
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            qtbot.mouseClick(panel.tabs, LEFT, pos=tab.center())
        kinds = set(panel.table.texts(1))
        assert kinds and kinds <= {"Gate in", "Gate out"}
        assert len(panel.table.rows) <= everything
        with qtbot.waitSignal(nav.writeEntry, timeout=5000) as wrote:
            qtbot.keyClick(panel.table, Qt.Key.Key_L, CTRL | SHIFT)
        entry = wrote.args[0]
        assert "qua cổng" in entry.content and entry.container_no == panel.table.current(
            ).container_no


def test_the_manifest_and_the_long_stay_inventory(qtbot, ctx, users, desk):
    _world_feeds(ctx, desk.id)
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, ManifestPanel(session))
        assert panel.calls.rows and panel.calls.current() is not None
        call = panel.calls.current()
        assert len(panel.bills.rows) == len(call.bills) > 0
        assert len(panel.containers.rows) == len(call.containers) > 0
        assert panel.days.value() == 30
        panel.tabs.setCurrentIndex(panel.long_tab)
        long30 = len(panel.long_stay.rows)
        panel.days.setFocus()
        panel.days.selectAll()
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            qtbot.keyClicks(panel.days, "0")
        qtbot.waitUntil(lambda: panel.days.value() == 0, timeout=5000)
        qtbot.waitUntil(lambda: len(panel.long_stay.rows) >= max(1, long30), timeout=10000)
        assert all(r.days >= 0 for r in panel.long_stay.rows)
        assert "(" in panel.tabs.tabText(panel.long_tab)



def test_the_panels_keys_and_the_windows_keep_apart(qtbot, ctx, users, desk):
    """Ctrl+L locks the screen and Ctrl+F searches the log window-wide; inside a customs
    panel Ctrl+L still locks, Ctrl+Shift+L writes an entry citing the record and Ctrl+F
    searches the declarations, and no two shortcuts share a key."""
    world(ctx, desk.id)
    nav = Navigator()
    with console(ctx, users["giamsat1"]) as session:
        window = QMainWindow()
        qtbot.addWidget(window)
        locked: list[bool] = []
        lock = QAction("Lock", window)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(lambda: locked.append(True))
        window.addAction(lock)
        panel = DeclarationsPanel(session, nav)
        window.setCentralWidget(panel)
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            window.show()
            panel.load()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        panel.table.setFocus()
        qtbot.waitUntil(panel.table.hasFocus, timeout=5000)
        with qtbot.waitSignal(nav.writeEntry, timeout=5000):
            qtbot.keyClick(panel.table, Qt.Key.Key_L, CTRL | SHIFT)
        assert not locked
        qtbot.keyClick(panel.table, Qt.Key.Key_L, CTRL)       # the lock, even in the panel
        assert locked == [True]
        qtbot.keyClick(panel.table, Qt.Key.Key_F, CTRL)
        qtbot.waitUntil(panel.text.hasFocus, timeout=5000)
        assert conflicts(window) == []


def test_a_random_sample_of_the_filtered_declarations_is_drawn_and_logged(
        qtbot, ctx, users, desk):
    """Đ13.1b: the officer ticks the red and yellow channels, asks for a sample of 2 and
    gets 2 of the 2 declarations those select, written to the duty log and kept so that
    it can be drawn again."""
    world(ctx, desk.id)
    with console(ctx, users["giamsat1"]) as session:
        panel = shown(qtbot, DeclarationsPanel(session, Navigator()))
        for channel in ("yellow", "red"):
            with qtbot.waitSignal(panel.loaded, timeout=10000):
                qtbot.mouseClick(panel.channel_boxes[channel], LEFT)
        qtbot.mouseClick(panel.sample_b, LEFT)
        qtbot.waitUntil(lambda: panel.prompt.isVisible(), timeout=5000)
        assert "luồng vàng, đỏ" in panel.prompt.findChild(QLabel).text()
        panel.prompt.edit.clear()
        qtbot.keyClicks(panel.prompt.edit, "2")
        with qtbot.waitSignal(panel.sampleDrawn, timeout=10000) as drawn:
            qtbot.mouseClick(panel.prompt.ok_button, LEFT)
        sample = drawn.args[0]
        assert sorted(sample.numbers) == sorted([RED, YELLOW]) and sample.candidate_count == 2
        box = panel.findChild(QMessageBox, "sampleResult")
        assert box is not None and RED in box.text()
        box.accept()
    assert ctx.sampling.verify(sample.id).ok
    with ctx.db.read() as s:
        entry = s.get(LogEntry, sample.log_entry_id)
    assert entry.author_id == users["giamsat1"].id and "Chọn ngẫu nhiên 2 trong 2" in entry.content
