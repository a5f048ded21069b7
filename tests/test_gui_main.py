"""The main window: status bar, screen lock, handover dialog rights, layout saved
per workstation, and starting offline from the console's cache."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from datetime import time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.roster import duty_date_of
from app.settings import Settings
from tests.conftest import working_day_at
from tests.gui_helpers import console, type_text
from widgets.application import Startup
from widgets.handover_dialog import HandoverDialog
from widgets.main_window import MainWindow


def _window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    return w


def test_status_bar_shows_user_desk_shift_and_database(qtbot, ctx, users):
    ctx.clock.set(working_day_at(time(9, 0), weekday=4))
    with console(ctx, users["truongca"]) as session:
        w = _window(qtbot, session)
        assert users["truongca"].full_name in w.user_label.text()
        assert w.desk_label.text() == "Trực ban Cục Hải quan"
        assert "08:00" in w.shift_label.text()
        assert w.db_label.objectName() == "stateOnline"
        session.set_state("reconnecting")
        assert w.db_label.objectName() == "stateReconnecting"
        # 09:00 on a Friday: office hours.
        assert w.hours_label.objectName() != "outOfHours"


def test_screen_lock_needs_the_same_users_password(qtbot, ctx, users):
    with console(ctx, users["giamsat1"]) as session:
        w = _window(qtbot, session)
        w.lock()
        assert w.is_locked and not w.menuBar().isEnabled()
        dlg = w._lock_dialog
        type_text(dlg.password, "wrong-password")
        dlg.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dlg.error.text() not in ("", dlg.tr("Checking…")), timeout=10_000)
        assert w.is_locked
        dlg.password.clear()
        type_text(dlg.password, "demo123")
        with qtbot.waitSignal(w.locked, timeout=10_000) as blocker:
            dlg.buttons.accepted.emit()
        assert blocker.args == [False] and not w.is_locked


def test_officer_cannot_sign_but_the_shift_leader_can(qtbot, ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    ctx.roster.set_members(users["truongca"], shift.id, shift.version, [])
    with console(ctx, users["giamsat1"]) as session:
        dlg = HandoverDialog(session)
        qtbot.addWidget(dlg)
        dlg.load()
        qtbot.waitUntil(lambda: dlg.shift_id is not None, timeout=10_000)
        assert not dlg.sign.isEnabled() and dlg.save.isEnabled()
    with console(ctx, users["truongca"]) as session:
        dlg = HandoverDialog(session)
        qtbot.addWidget(dlg)
        dlg.load()
        qtbot.waitUntil(lambda: dlg.shift_id is not None, timeout=10_000)
        assert dlg.sign.isEnabled()
        dlg.summary.setPlainText("Ca trực bình thường, không có vụ việc tồn đọng.")
        with qtbot.waitSignal(dlg.changed, timeout=10_000):
            dlg.sign.click()
        qtbot.waitUntil(lambda: dlg.handover is not None and dlg.handover.status == "signed",
                        timeout=10_000)
        assert dlg.summary.isReadOnly() and not dlg.sign.isEnabled()
        assert ctx.handover.for_shift(shift.id).chain_hash


def test_layout_is_saved_and_restored_per_workstation(qtbot, ctx, users):
    with console(ctx, users["truongca"]) as session:
        w = _window(qtbot, session)
        w.docks["roster"].setFloating(True)
        w.docks["shift"].hide()
        w.save_layout()
        w.close()
        w2 = _window(qtbot, session)
        w2.restore_layout()
        assert w2.docks["roster"].isFloating()
        assert not w2.docks["shift"].isVisible()
        w2.close()


@contextmanager
def _offline_start(qtbot, ctx, username: str):  # type: ignore[no-untyped-def]
    """The real start-up on the test's clock against a database that is gone, the
    password typed into the login dialog: yields the main window."""
    settings = Settings(data_dir=str(ctx.data_dir),
                        database_url="postgresql+psycopg://postgres@127.0.0.1:1/gone")
    args = argparse.Namespace(demo=False, user=username, screenshot=None, view="main")
    startup = Startup(QApplication.instance(), args, settings, ctx.clock)
    try:
        startup.start()
        qtbot.waitUntil(lambda: startup.connected is not None, timeout=20_000)
        assert startup.connected.online is False
        login = startup.login
        type_text(login.password, "demo123")
        with qtbot.waitSignal(startup.ready, timeout=10_000):
            qtbot.keyClick(login.password, Qt.Key.Key_Return)
        yield startup, startup.window
        startup.window.close()
        startup.window.deleteLater()
    finally:
        startup.shutdown()


def test_console_starts_offline_from_its_cache(qtbot, ctx, users, desk):
    ctx.refresh_cache(desk.id)  # a previous online start kept the cache
    with _offline_start(qtbot, ctx, "giamsat1") as (startup, w):
        assert startup.connected.shift is not None
        assert w.db_label.objectName() == "stateOffline"
        assert users["giamsat1"].full_name in w.user_label.text()


def test_offline_start_with_a_cache_older_than_the_duty_day(qtbot, ctx, users, desk):
    """The cache holds today's and tomorrow's shifts; three days later, offline, the
    console says it has no roster for this duty day, lets the officer write, and
    says under which shift the entry will be filed."""
    ctx.refresh_cache(desk.id)
    ctx.clock.advance(timedelta(days=3))
    day = duty_date_of(ctx.clock.now(), ctx.settings.shift_start_time())
    with _offline_start(qtbot, ctx, "giamsat1") as (startup, w):
        assert startup.connected.shift is None
        qtbot.waitExposed(w)
        panel = w.shift_panel
        assert f"{day:%d/%m/%Y}" in panel.title.text()
        assert "no roster" in panel.title.text()
        assert f"{day:%d/%m/%Y}" in panel.period.text() and "filed under" in panel.period.text()
        assert f"{day:%d/%m/%Y}" in w.shift_label.text()
        qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        form = w.dutylog.form
        type_text(form.content, "Ghi khi mất kết nối, bản sao cũ")
        with qtbot.waitSignal(w.dutylog.written, timeout=10_000) as blocker:
            qtbot.keyClick(form.content, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert blocker.args[0].entry is None
        (pending,) = ctx.outbox.pending()
        assert duty_date_of(pending.draft.local_time, ctx.settings.shift_start_time()) == day


def test_notice_sent_by_fax_gets_a_document_number(qtbot, ctx, users, desk):
    n = ctx.notices.create(users["giamsat1"], desk.id, "Camera cổng B mất tín hiệu", "fax",
                           contact="Đội Giám sát cảng Đình Vũ")
    from widgets.notices_panel import NoticesPanel  # noqa: PLC0415

    with console(ctx, users["lanhdaophong"]) as session:
        panel = NoticesPanel(session)
        qtbot.addWidget(panel)
        panel.load()
        qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
        panel.table.selectRow(0)
        panel.table.setCurrentCell(0, 0)
        panel.send_b.click()
        qtbot.waitUntil(lambda: panel.notices and panel.notices[0].status == "sent", timeout=10_000)
        sent = ctx.notices.for_desk(desk.id)[0]
        assert sent.id == n.id and sent.document_no == "1/FAX-TB-HQ"
        assert panel.table.item(0, 0).text() == "1/FAX-TB-HQ"


def test_admin_creates_and_edits_a_user(qtbot, ctx, users):
    from widgets.admin_panel import AdminPanel  # noqa: PLC0415

    with console(ctx, users["admin"]) as session:
        panel = AdminPanel(session)
        qtbot.addWidget(panel)
        panel.load()
        qtbot.waitUntil(lambda: panel.users.topLevelItemCount() == len(users), timeout=10_000)
        panel._user_dialog(None)
        dlg = panel._dialog
        type_text(dlg.username, "giamsat3")
        type_text(dlg.full_name, "Trịnh Văn Bình")
        type_text(dlg.password, "matkhau-moi1")
        dlg.roles["officer"].setChecked(True)
        dlg.desk.setCurrentIndex(1)
        dlg._accept()
        qtbot.waitUntil(lambda: panel.users.topLevelItemCount() == len(users) + 1, timeout=10_000)
        assert ctx.accounts.authenticate("giamsat3", "matkhau-moi1").roles == frozenset({"officer"})
        qtbot.waitUntil(lambda: dlg.isHidden(), timeout=5_000)


def test_the_demo_login_names_the_desk_and_lists_every_account(qtbot, tmp_path, clock):
    from app.demo import demo_accounts  # noqa: PLC0415

    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    settings = Settings(data_dir=str(tmp_path), database_url=url)
    args = argparse.Namespace(demo=True, user=None, screenshot=None, view="main")
    startup = Startup(QApplication.instance(), args, settings, clock)
    try:
        startup.start()
        qtbot.waitUntil(lambda: startup.connected is not None, timeout=60_000)
        login = startup.login
        assert login.desk.text() == "Trực ban Cục Hải quan"   # by name, not "HQ"
        names = [name for name, _roles in demo_accounts("HQ")]
        assert len(names) == 8
        assert all(name in login.hint.text() for name in names), login.hint.text()
        assert "demo123" in login.hint.text()
        login.close()
    finally:
        startup.shutdown()
