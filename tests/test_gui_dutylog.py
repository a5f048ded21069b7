"""The duty-log editor driven as an officer would: keyboard entry, validation,
corrections, live updates from another console, and offline writing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from PySide6.QtCore import Qt

from app.context import AppContext
from app.db.engine import Database
from app.dutylog import EntryDraft
from app.settings import Settings
from tests.gui_helpers import console, type_text
from widgets.dutylog.panel import DutyLogPanel


def _panel(qtbot, session) -> DutyLogPanel:  # type: ignore[no-untyped-def]
    panel = DutyLogPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    return panel


def test_officer_writes_an_entry_from_the_keyboard(qtbot, ctx, users, desk):
    with console(ctx, users["giamsat1"]) as session:
        panel = _panel(qtbot, session)
        assert panel.model.rowCount() == 0
        panel.new_entry()
        type_text(panel.form.content, "Kiểm tra camera cửa khẩu Hữu Nghị")
        type_text(panel.form.scope, "Nhóm camera Hữu Nghị")
        with qtbot.waitSignal(panel.written, timeout=10_000) as blocker:
            qtbot.keyClick(panel.form.content, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)
        outcome = blocker.args[0]
        assert outcome.entry is not None
        stored = ctx.dutylog.entries(desk.id)
        assert [e.content for e in stored] == ["Kiểm tra camera cửa khẩu Hữu Nghị"]
        assert stored[0].author_id == users["giamsat1"].id
        assert stored[0].scope == "Nhóm camera Hữu Nghị"
        assert panel.model.rowCount() == 1
        assert panel.form.content.toPlainText() == ""  # the form is ready for the next one


def test_empty_content_is_refused_with_a_message(qtbot, ctx, users, desk):
    with console(ctx, users["giamsat1"]) as session:
        panel = _panel(qtbot, session)
        panel.new_entry()
        panel.form.save.click()
        assert panel.form.error.text()
        assert ctx.dutylog.entries(desk.id) == []


def test_directive_joins_the_incident_chosen_in_the_form(qtbot, ctx, users, desk):
    with console(ctx, users["lanhdaophong"]) as session:
        panel = _panel(qtbot, session)
        panel.form.kind.setCurrentIndex(panel.form.kind.findData("incident"))
        type_text(panel.form.content, "Xe 15C-123.45 rời khu vực giám sát")
        type_text(panel.form.container, "csqu3054383")
        with qtbot.waitSignal(panel.written, timeout=10_000):
            panel.form.save.click()
        qtbot.waitUntil(lambda: panel.form.case.count() == 2, timeout=10_000)
        panel.form.kind.setCurrentIndex(panel.form.kind.findData("directive"))
        panel.form.case.setCurrentIndex(1)
        panel.form.channel.setCurrentIndex(panel.form.channel.findData("phone"))
        type_text(panel.form.content, "Đề nghị dừng phương tiện")
        type_text(panel.form.unit, "Hải quan cửa khẩu cảng Đình Vũ")
        with qtbot.waitSignal(panel.written, timeout=10_000):
            panel.form.save.click()
        incident, directive = ctx.dutylog.entries(desk.id)
        assert incident.container_no == "CSQU3054383"
        assert directive.case_id == incident.case_id is not None
        assert directive.channel == "phone"


def test_correction_from_the_table(qtbot, ctx, users, desk):
    original = ctx.dutylog.append(users["giamsat1"], desk.id,
                                  EntryDraft(kind="work", content="Kiểm tra trạm cân số 2"))
    with console(ctx, users["tonghop"]) as session:
        panel = _panel(qtbot, session)
        panel.table.selectRow(0)
        panel.correct_selected()
        assert not panel.form.kind.isEnabled()
        panel.form.content.setPlainText("Kiểm tra trạm cân số 3")
        panel.form.save.click()
        assert panel.form.error.text()  # the reason is required
        type_text(panel.form.reason, "Ghi nhầm số trạm cân")
        with qtbot.waitSignal(panel.written, timeout=10_000):
            panel.form.save.click()
        rows = ctx.dutylog.entries(desk.id)
        assert [r.content for r in rows] == ["Kiểm tra trạm cân số 2", "Kiểm tra trạm cân số 3"]
        assert rows[1].corrects_id == original.id
        assert original.id in panel.model.corrected


def test_an_entry_from_another_console_appears_without_reload(qtbot, ctx, users, desk, tmp_path):
    other = AppContext(settings=Settings(data_dir=str(tmp_path / "other")),
                       clock=ctx.clock, db=Database(ctx.db.url.render_as_string(False)),
                       data_dir=tmp_path / "other")
    try:
        with console(ctx, users["giamsat1"]) as session:
            panel = _panel(qtbot, session)
            qtbot.waitUntil(lambda: session._feed is not None and session._feed.state == "online",
                            timeout=10_000)
            other.dutylog.append(users["giamsat2"], desk.id, EntryDraft(
                kind="work", content="Giám sát cảng Đình Vũ từ máy trạm khác"))
            qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
            assert panel.model.rows[0].author == users["giamsat2"].full_name
    finally:
        other.close()


def test_offline_console_keeps_entries_and_writes_them_when_back(qtbot, ctx, users, desk):
    with console(ctx, users["giamsat1"], online=False) as session:
        panel = DutyLogPanel(session)
        qtbot.addWidget(panel)
        type_text(panel.form.content, "Ghi khi mất kết nối")
        with qtbot.waitSignal(panel.written, timeout=10_000) as blocker:
            panel.form.save.click()
        assert blocker.args[0].entry is None
        assert ctx.dutylog.entries(desk.id) == []
        assert [r.pending for r in panel.model.rows] == [True]
        assert ctx.outbox.count_pending() == 1
        with qtbot.waitSignal(session.outboxChanged, timeout=10_000):
            session.replay_outbox()
        (entry,) = ctx.dutylog.entries(desk.id)
        assert entry.offline and entry.local_time is not None
        assert ctx.outbox.count_pending() == 0


def test_the_screen_numbers_rows_as_the_paper_does(qtbot, ctx, users, desk):
    """One STT per printed row, the same on screen: a case's entries are STT.n, a
    correction carries the number of the entry it corrects; the desk-wide chain
    number stays out of the column."""
    from app.documents.printouts import build_duty_log  # noqa: PLC0415

    officer = users["giamsat1"]
    for i in range(3):  # the chain's numbers no longer start at 1 for this shift
        ctx.dutylog.append(officer, desk.id, EntryDraft(kind="work", content=f"Ca trước {i}",
                                                        entry_time=ctx.clock.now()
                                                        - timedelta(days=2)))
    first = ctx.dutylog.append(officer, desk.id, EntryDraft(kind="work", content="Kiểm tra"))
    case = str(uuid.uuid4())
    ctx.dutylog.append(officer, desk.id, EntryDraft(kind="incident", content="Xe dừng lâu",
                                                    case_ref=case))
    ctx.dutylog.append(officer, desk.id, EntryDraft(kind="note", content="Ghi chú riêng"))
    ctx.dutylog.append(users["lanhdaophong"], desk.id, EntryDraft(
        kind="directive", content="Yêu cầu kiểm tra", channel="phone", case_ref=case))
    ctx.dutylog.append(users["tonghop"], desk.id, EntryDraft(
        kind="work", content="Kiểm tra camera", corrects_id=first.id,
        correction_reason="Ghi rõ nội dung"))
    with console(ctx, officer) as session:
        panel = _panel(qtbot, session)
        shown = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
        assert shown == ["01", "02.1", "03", "02.2", "01"]
        assert "chain" in panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    shift = ctx.roster.current_shift(desk.id)
    printed = build_duty_log(ctx, desk, shift, "")
    assert [r.stt for r in printed.rows] == [1, 2, 3]
    # on paper the corrected text stays, struck and marked, the new text under it
    work = [(p.text, p.style) for p in printed.rows[0].work]
    assert work[:2] == [("Kiểm tra", "struck"),
                        ("(đã đính chính – nội dung đúng ghi ở dưới)", "italic")]
    assert ("Kiểm tra camera", "normal") in work
