"""The shift leader's supervisor console: approving from the keyboard, no decision
for an officer, live countdowns to the Đ9 deadlines (overdue first), and the
demo's `--view supervisor` screenshot."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling, IncidentState
from tests.gui_helpers import console
from tests.test_cli import _run
from widgets import theme
from widgets.main_window import MainWindow
from widgets.supervisor import SupervisorConsole


def _proposed(ctx, users, desk):  # type: ignore[no-untyped-def]
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Xe 12C-345.67 chở container TGHU1234567 rời khu vực giám sát khi tờ khai "
                "chưa thông quan", place="Cửa khẩu Hữu Nghị",
        handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    return inc


def _console(qtbot, session) -> SupervisorConsole:  # type: ignore[no-untyped-def]
    w = SupervisorConsole(session)
    qtbot.addWidget(w)
    w.resize(900, 800)
    w.show()
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.load()
    return w


def test_shift_leader_approves_with_ctrl_enter(qtbot, ctx, users, desk):
    inc = _proposed(ctx, users, desk)
    with console(ctx, users["truongca"]) as session:
        w = _console(qtbot, session)
        assert w.pending.rowCount() == 1
        assert w.pending.item(0, 0).text() == str(inc.id)
        assert w.approve_b.isEnabled() and w.reject_b.isEnabled()
        qtbot.keyClick(w.pending, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == IncidentState.APPROVED,
                        timeout=10_000)
        qtbot.waitUntil(lambda: w.pending.rowCount() == 0, timeout=10_000)
        steps = ctx.incidents.steps(inc.id)
        assert steps[-1].action == Action.APPROVE
        assert steps[-1].decided_by == users["truongca"].id
        assert not w.approve_b.isEnabled()
        w.stop()


def test_a_decision_taken_elsewhere_is_reported_with_who_decided(qtbot, ctx, users, desk):
    inc = _proposed(ctx, users, desk)
    with console(ctx, users["truongca"]) as session:
        w = _console(qtbot, session)
        # Another console records the shift leader's approval by phone meanwhile.
        ctx.incidents.transition(users["giamsat2"], inc.id, Action.APPROVE,
                                 on_behalf_of=users["truongca"], by_phone=True)
        w.approve_selected()
        qtbot.waitUntil(lambda: w.notice.isVisible(), timeout=10_000)
        assert users["truongca"].full_name in w.notice.text()
        assert "already decided" in w.notice.text()
        qtbot.waitUntil(lambda: w.pending.rowCount() == 0, timeout=10_000)
        # ... and the phone opinion now awaits his countersignature.
        qtbot.waitUntil(lambda: w.countersign.rowCount() == 1, timeout=10_000)
        w.stop()


def test_officer_gets_no_decision(qtbot, ctx, users, desk):
    inc = _proposed(ctx, users, desk)
    with console(ctx, users["giamsat2"]) as session:
        w = _console(qtbot, session)
        assert w.pending.rowCount() == 0
        assert not w.approve_b.isEnabled() and not w.reject_b.isEnabled()
        qtbot.keyClick(w.pending, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        w.approve_selected()
        qtbot.wait(200)
        assert ctx.incidents.get(inc.id).state == IncidentState.PROPOSED
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        assert "supervisor" not in win.docks  # the dock is for leaders only
        w.stop()
    with console(ctx, users["truongca"]) as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        assert "supervisor" in win.docks
        win.supervisor_console.stop()


def _left(text: str) -> int:
    """Minutes in "1 h 10 min left" / "25 min left"."""
    m = re.fullmatch(r"(?:(\d+) h ?)?(?:(\d+) min)? left", text)
    assert m, text
    h, mnt = (int(x) if x else 0 for x in m.groups())
    return h * 60 + mnt


def test_countdowns_follow_the_clock_and_overdue_comes_first(qtbot, ctx, users, desk):
    room = users["lanhdaophong"]
    now = ctx.clock.now()
    on_time = ctx.requests.create(room, desk.id, subject="Cung cấp hồ sơ tờ khai",
                                  channel="phone", unit_name="Hải quan cửa khẩu Tân Thanh",
                                  received_at=now)
    late = ctx.requests.create(room, desk.id, subject="Phối hợp kiểm tra container",
                               channel="fax", unit_name="Hải quan cửa khẩu cảng Đình Vũ",
                               received_at=now - timedelta(minutes=40))
    with console(ctx, users["truongca"]) as session:
        w = _console(qtbot, session)
        assert w.timer.isActive() and w.timer.interval() == 1000
        assert w.requests.rowCount() == 2
        # The overdue request (created last) is listed first and marked.
        assert w.requests.item(0, 2).text() == late.unit_name
        assert w.requests.item(0, 0).text() == "overdue 10 min"
        assert w.requests.item(0, 0).foreground().color().name() == theme.ALARM
        assert w.requests.item(1, 2).text() == on_time.unit_name
        before = _left(w.requests.item(1, 0).text())
        assert before == 30
        assert "overdue: 1" in w.stats.text()

        ctx.clock.advance(timedelta(minutes=5))
        w.tick()
        after = _left(w.requests.item(1, 0).text())
        assert after == before - 5
        assert w.requests.item(0, 0).text() == "overdue 15 min"

        # Past its own deadline, the other request turns red too, still without a query.
        ctx.clock.advance(timedelta(minutes=50))
        w.tick()
        assert [w.requests.item(r, 0).text() for r in range(2)] == [
            "overdue 1 h 5 min", "overdue 25 min"]
        assert w.requests.item(0, 2).text() == late.unit_name  # the older deadline first
        assert "overdue: 2" in w.stats.text()
        w.stop()


@pytest.mark.slow
def test_demo_supervisor_screenshot(tmp_path):
    shot = tmp_path / "supervisor.png"
    r = _run(["--demo", "--screenshot", str(shot), "--view", "supervisor"], tmp_path)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage  # noqa: PLC0415

    img = QImage(str(shot))
    assert not img.isNull() and img.width() >= 1200 and img.height() >= 700


@pytest.mark.parametrize(("seconds", "text"), [
    (4198, "1 h 10 min left"), (1800, "30 min left"), (45, "45 s left"), (3600, "1 h left"),
    (-1501, "overdue 25 min"), (-30, "overdue 30 s"), (0, "0 s left")])
def test_every_deadline_reads_with_units(seconds, text):
    from widgets.labels import deadline_label  # noqa: PLC0415

    assert deadline_label(seconds) == text
