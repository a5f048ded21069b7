"""The "Directives and daily reports" panel driven through its widgets with a
controllable clock: a directive written in its dialog to three units ticked in
the units tree, an acknowledgement recorded from the keyboard, the live
countdowns and the overdue ordering; today's daily reports, late first, a
reminder and a receipt; and the dock wired into the main window."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.dutylog import EntryKind
from tests.conftest import working_day_at
from tests.gui_helpers import console, type_text
from widgets import theme
from widgets.directives import DirectivesPanel
from widgets.main_window import MainWindow

MOD = Qt.KeyboardModifier


def _press(qtbot, widget, key, modifier=MOD.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the user types it: into the widget that has the focus."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.window().isActiveWindow(), timeout=5000)
    target = QApplication.focusWidget() or widget
    qtbot.keyClick(target, key, modifier)


def _panel(qtbot, session) -> DirectivesPanel:  # type: ignore[no-untyped-def]
    w = DirectivesPanel(session)
    qtbot.addWidget(w)
    w.resize(900, 760)
    w.show()
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.load()
    return w


def _units(ctx, *codes):  # type: ignore[no-untyped-def]
    by_code = {u.code: u for u in ctx.reference.units()}
    return [by_code[c] for c in codes]


def test_directive_acknowledgement_countdowns_and_overdue_order(qtbot, ctx, users, desk):
    kv3, kv7, dv = _units(ctx, "KV3", "KV7", "KV3-DV")
    with console(ctx, users["giamsat1"]) as session:
        w = _panel(qtbot, session)
        assert w.directives.rowCount() == 0 and not w.ack_b.isEnabled()
        # Ctrl+Alt+D opens the dialog
        w.directives.setFocus()
        _press(qtbot, w.directives, Qt.Key.Key_D, MOD.ControlModifier | MOD.AltModifier)
        qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.isVisible(), timeout=5000)
        dlg = w.dialog
        type_text(dlg.content, "Tăng cường kiểm tra hàng quá cảnh dịp cuối năm, báo cáo về "
                               "trực ban.")
        dlg.directed_by.setCurrentIndex(dlg.directed_by.findText("Hoàng Đình Khải",
                                                                 Qt.MatchFlag.MatchStartsWith))
        assert dlg.channel.currentData() == "phone" and dlg.received_now.isChecked()
        # nothing ticked: refused in the dialog, nothing written
        _press(qtbot, dlg.content, Qt.Key.Key_Return, MOD.ControlModifier)
        assert dlg.isVisible() and "at least one unit" in dlg.error.text()
        for u in (kv3, kv7, dv):
            dlg.set_checked(u.id)
        assert "3" in dlg.chosen.text()
        with qtbot.waitSignal(w.written, timeout=10_000):
            _press(qtbot, dlg.content, Qt.Key.Key_Return, MOD.ControlModifier)
        qtbot.waitUntil(lambda: w.units.rowCount() == 3, timeout=10_000)
        [view] = ctx.directives.for_desk(desk.id)
        d = view.directive
        assert d.directed_by.startswith("Hoàng Đình Khải") and d.channel == "phone"
        assert {r.unit_id for r in view.units} == {kv3.id, kv7.id, dv.id}
        assert w.directives.item(0, 3).text() == "0/3"
        # every unit received it now: 30 minutes to acknowledge, counting down
        assert [w.units.item(i, 0).text() for i in range(3)] == ["30 min left"] * 3
        assert w.timer.isActive()
        ctx.clock.advance(timedelta(minutes=4, seconds=30))
        w.tick()
        assert w.units.item(0, 0).text() == "26 min left"  # 25:30

        # the first unit acknowledges by phone: Ctrl+K, contact, Ctrl+Enter
        first = w.selected_unit()
        w.units.setFocus()
        w.units.selectRow(0)
        _press(qtbot, w.units, Qt.Key.Key_K, MOD.ControlModifier)
        qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.objectName() == "ackDialog"
                        and w.dialog.isVisible(), timeout=5000)
        ack = w.dialog
        type_text(ack.contact, "Đ/c Thắng, Văn phòng, 0912 000 111")
        with qtbot.waitSignal(w.written, timeout=10_000):
            _press(qtbot, ack.contact, Qt.Key.Key_Return, MOD.ControlModifier)
        r = ctx.requests.get(first.request_id)
        assert r.status == "acknowledged" and r.ack_contact.startswith("Đ/c Thắng")
        entry = ctx.dutylog.entries(desk.id)[-1]
        assert "thông báo đầu mối xử lý: Đ/c Thắng" in entry.content
        # its result runs 2 hours ahead now: listed after the two still waiting
        qtbot.waitUntil(lambda: w.units.item(2, 2).text() == first.unit, timeout=5000)

        # 31 minutes after receipt: the two silent units are OVERDUE, first and red
        ctx.clock.advance(timedelta(minutes=26, seconds=30))
        w.tick()
        overdue = [w.units.item(i, 0).text() for i in range(2)]
        assert overdue == ["overdue 1 min"] * 2
        assert all(w.units.item(i, 0).foreground().color().name() == theme.ALARM
                   for i in range(2))
        assert w.units.item(2, 0).text().endswith("left")
        assert w.units.item(2, 0).foreground().color().name() != theme.ALARM
        assert w.directives.item(0, 1).foreground().color().name() == theme.ALARM
        # the core agrees, from the stored times
        assert {o.request.unit_name for o in ctx.directives.overdue(desk.id)} == \
            {w.units.item(i, 2).text() for i in range(2)}
        # ... and the panel has the escalation written, once per unit
        qtbot.waitUntil(lambda: sum("Quá hạn thông báo đầu mối" in e.content
                                    for e in ctx.dutylog.entries(desk.id)) == 2,
                        timeout=10_000)
        qtbot.waitUntil(lambda: all(u.escalated for u in w.unit_rows()[:2]), timeout=10_000)
        w.tick()
        assert sum("Quá hạn" in e.content for e in ctx.dutylog.entries(desk.id)) == 2
        w.stop()


def test_daily_reports_late_first_reminded_and_received(qtbot, ctx, users, desk):
    ctx.clock.set(working_day_at(time(9, 0), weekday=4))  # a Friday: the plan's weekday lines
    kv7 = _units(ctx, "KV7")[0]
    with console(ctx, users["giamsat1"]) as session:
        w = _panel(qtbot, session)
        w.tabs.setCurrentIndex(1)
        assert w.reports.rowCount() == 6
        # 09:00: the daily reports due at 08:30 are late, first and red
        assert [w.reports.item(i, 0).text() for i in range(2)] == ["LATE", "LATE"]
        assert w.reports.item(0, 0).foreground().color().name() == theme.ALARM
        assert w.reports.item(2, 0).text() == "Expected"
        assert "2 late" in w.reports_title.text()
        # the camera reports fall late at 09:00 without any query
        ctx.clock.advance(timedelta(minutes=1))
        w.tick()
        assert "4 late" in w.reports_title.text()
        row = next(i for i in range(4) if w.reports.item(i, 2).text() == kv7.name
                   and "ngày" in w.reports.item(i, 3).text())
        w.reports.setFocus()
        w.reports.selectRow(row)
        _press(qtbot, w.reports, Qt.Key.Key_M, MOD.ControlModifier | MOD.AltModifier)
        qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.objectName() == "remindDialog"
                        and w.dialog.isVisible(), timeout=5000)
        type_text(w.dialog.contact, "Đ/c Mai")
        with qtbot.waitSignal(w.written, timeout=10_000):
            _press(qtbot, w.dialog.contact, Qt.Key.Key_Return, MOD.ControlModifier)
        qtbot.waitUntil(lambda: any(w.reports.item(i, 5).text().startswith("1×")
                                    for i in range(6)), timeout=10_000)
        entry = ctx.dutylog.entries(desk.id)[-1]
        assert entry.kind == EntryKind.WORK and "Đôn đốc" in entry.content
        assert "Đ/c Mai" in entry.content
        row = next(i for i in range(6) if w.reports.item(i, 2).text() == kv7.name
                   and "ngày" in w.reports.item(i, 3).text())
        assert w.reports.item(row, 5).text().startswith("1×")
        w.reports.selectRow(row)
        dlg = w.record_received()
        qtbot.waitUntil(dlg.isVisible, timeout=5000)
        type_text(dlg.sender, "Văn phòng Chi cục KV VII")
        with qtbot.waitSignal(w.written, timeout=10_000):
            _press(qtbot, dlg.sender, Qt.Key.Key_Return, MOD.ControlModifier)
        by = {(r.unit_id, r.report): r for r in ctx.daily_reports.tracker(desk.id)}
        assert by[(kv7.id, "bc_ngay")].received_at == ctx.clock.now()
        qtbot.waitUntil(lambda: "1/6 received" in w.reports_title.text(), timeout=10_000)
        assert "3 late" in w.reports_title.text()
        assert w.reports.item(5, 0).text() == "Received late"  # received ones go down
        w.stop()


def test_the_dock_and_its_menu_action(qtbot, ctx, users):
    with console(ctx, users["giamsat1"]) as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        assert "directives" in win.docks
        action = next(a for a in win.actions() if a.objectName() == "showDirectivesAction")
        assert action.shortcut().toString() == "Ctrl+Shift+D"
        with qtbot.waitSignal(win.directives_panel.loaded, timeout=10_000):
            action.trigger()
        assert win.docks["directives"].isVisibleTo(win)
        win.directives_panel.stop()
        if hasattr(win, "supervisor_console"):
            win.supervisor_console.stop()


def test_a_regional_desk_answers_a_directive_to_its_units(qtbot, ctx, users, desk):
    """HQ directs two units, one of them under the KV7 regional desk: KV7's console
    lists that directive with its own unit only (not in its incidents inbox) and
    records the acknowledgement and the result; HQ's follow-up sees them."""
    from app.workflow.directives import DirectiveDraft  # noqa: PLC0415
    from app.workflow.views import read_list  # noqa: PLC0415

    kv3, hn = _units(ctx, "KV3", "KV7-HN")
    d = ctx.directives.create(users["giamsat1"], desk.id, DirectiveDraft(
        content="Rà soát container lưu bãi quá 90 ngày, báo cáo về trực ban.",
        directed_by="Hoàng Đình Khải", unit_ids=[kv3.id, hn.id], received_at=ctx.clock.now()))
    [ours] = [r for r in ctx.directives.units_of(d.id) if r.unit_id == hn.id]
    kv7 = ctx.reference.desk_by_code("KV7")
    with console(ctx, users["kv7.giamsat"], desk_code="KV7") as session:
        assert not [r for r in read_list(ctx, users["kv7.giamsat"], kv7.id).rows
                    if r.id == ours.id]   # answered here, not in the incidents inbox
        w = _panel(qtbot, session)
        assert w.directives.rowCount() == 1
        assert "(" in w.directives.item(0, 2).text()          # who directed, from which desk
        assert [u.request_id for u in w.unit_rows()] == [ours.id]
        w.units.selectRow(0)
        qtbot.waitUntil(lambda: w.ack_b.isEnabled(), timeout=5000)
        ack = w.record_ack()
        type_text(ack.contact, "Đ/c Lan, Đội nghiệp vụ Hữu Nghị")
        with qtbot.waitSignal(w.written, timeout=10_000):
            ack.accept()
        assert ctx.requests.get(ours.id).status == "acknowledged"
        qtbot.waitUntil(lambda: w.unit_rows() and w.unit_rows()[0].status == "acknowledged",
                        timeout=10_000)
        qtbot.waitUntil(lambda: w.result_b.isEnabled(), timeout=5000)
        res = w.record_result()
        type_text(res.result, "Đã rà soát 14 container, lập danh sách gửi Chi cục.")
        with qtbot.waitSignal(w.written, timeout=10_000):
            res.accept()
        w.stop()
    assert ctx.requests.get(ours.id).status == "done"
    hq_entries = [e.content for e in ctx.dutylog.entries(desk.id)]
    assert any("Đ/c Lan" in e for e in hq_entries)
    assert any("Đã rà soát 14 container" in e for e in hq_entries)
    assert ctx.directives.get(d.id).status == "open"  # KV3 has not reported yet
