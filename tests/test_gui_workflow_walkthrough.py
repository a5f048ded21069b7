"""Walk-throughs of the Article 8–9 workflow through the real widgets, each step by
a different logged-in user on his own console session:

- c.2: an officer raises an incident from a screenshot's evidence → the
  room-level leader verifies and proposes → the shift leader approves and
  issues Appendix II → the regional desk acknowledges within 30 minutes (contact,
  time) → its shift leader reports the result and issues Appendix IV → an
  officer reports the result → another shift leader closes; every step in the
  duty log;
- c.3 at night: the room-level leader proposes, the officer records the shift
  leader's and the Director's opinions given by phone; each countersigns
  when he next logs in; Appendix III carries the Director's opinion;
- a unit not running the client answers by fax, recorded by the desk's officer
  with the scanned Appendix IV;
- from "incident approved" to "Appendix II printed" takes at most 3 user
  actions (keys, clicks, confirmations), counted by an event filter.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDateTime, QEvent, QObject, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import select

from app.clock import to_local, to_utc
from app.db.models import LogCase, LogEntry
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling, IncidentState
from tests.gui_helpers import type_text
from tests.test_forms_pdf import page_texts
from tests.test_gui_incidents import desk_console, panel, screenshot_prefill, unit
from widgets.incidents import issue_ui
from widgets.incidents.detail import IncidentDetailPanel
from widgets.incidents.issue_ui import IssuedPreview, IssueFaxDialog
from widgets.supervisor import SupervisorConsole

S = IncidentState
MOD = Qt.KeyboardModifier


@pytest.fixture
def printed_pdf(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The workstation's printer prints into a PDF file."""
    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    monkeypatch.setattr(issue_ui, "PRINTER_FACTORY", [printer])
    return out


class ActionCounter(QObject):
    """Counts what the user does, anywhere in the application: each key pressed
    (modifiers alone excluded) and each mouse press. A key reaches the widgets
    as ShortcutOverride (consumed by a matching shortcut) and then KeyPress, and
    both travel up the parents: one user action is one (key, time stamp)."""

    MODIFIERS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta}
    KEYS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[tuple, str] = {}

    @property
    def actions(self) -> list[str]:
        return list(self.seen.values())

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        t = event.type()
        if t in self.KEYS and event.key() not in self.MODIFIERS and not event.isAutoRepeat():
            combo = event.keyCombination().toCombined()
            self.seen.setdefault(("key", combo, event.timestamp()), f"key {combo:#x}")
        elif t == QEvent.Type.MouseButtonPress:
            self.seen.setdefault(("click", event.timestamp()), f"click {obj.objectName()}")
        return False


def _visible(cls):  # type: ignore[no-untyped-def]
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[0] if found else None


def _press(qtbot, widget, key, modifier=MOD.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the user types it: into the widget that has the focus."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.window().isActiveWindow(), timeout=5000)
    target = QApplication.focusWidget() or widget
    qtbot.keyClick(target, key, modifier)


def _case(ctx, inc) -> list[LogEntry]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        case_id = s.scalar(select(LogCase.id).where(LogCase.client_id == inc.case_ref))
        return list(s.scalars(select(LogEntry).where(LogEntry.case_id == case_id)
                              .order_by(LogEntry.seq)))


def _supervisor(qtbot, session) -> SupervisorConsole:  # type: ignore[no-untyped-def]
    w = SupervisorConsole(session)
    qtbot.addWidget(w)
    w.resize(900, 800)
    w.show()
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.load()
    return w


def _detail(qtbot, session, incident_id: int) -> IncidentDetailPanel:  # type: ignore[no-untyped-def]
    d = IncidentDetailPanel(session)
    qtbot.addWidget(d)
    d.resize(800, 900)
    d.show()
    with qtbot.waitSignal(d.loaded, timeout=10_000):
        d.load(incident_id)
    return d


def _approve_and_print(qtbot, ctx, session, inc, counter: ActionCounter | None = None):  # type: ignore[no-untyped-def]
    """The shift leader approves in his console (Ctrl+Enter), then Ctrl+I issues
    the fax, Ctrl+Enter confirms it, Ctrl+P prints it."""
    w = _supervisor(qtbot, session)
    assert w.pending.item(0, 0).text() == str(inc.id)
    _press(qtbot, w.pending, Qt.Key.Key_Return, MOD.ControlModifier)
    qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == S.APPROVED, timeout=10_000)
    qtbot.waitUntil(lambda: w.issue_b.isEnabled(), timeout=10_000)  # approved, on screen
    if counter is not None:
        QApplication.instance().installEventFilter(counter)
    try:
        _press(qtbot, w.pending, Qt.Key.Key_I, MOD.ControlModifier)
        qtbot.waitUntil(lambda: _visible(IssueFaxDialog) is not None, timeout=10_000)
        dlg = _visible(IssueFaxDialog)
        _press(qtbot, dlg, Qt.Key.Key_Return, MOD.ControlModifier)
        qtbot.waitUntil(lambda: _visible(IssuedPreview) is not None, timeout=20_000)
        preview = _visible(IssuedPreview)
        with qtbot.waitSignal(preview.printed, timeout=20_000):
            _press(qtbot, preview, Qt.Key.Key_P, MOD.ControlModifier)
    finally:
        if counter is not None:
            QApplication.instance().removeEventFilter(counter)
    doc = preview.doc
    preview.close()
    w.stop()
    return doc


def test_c2_walkthrough_from_a_screenshot_to_closing(qtbot, ctx, users, desk, tmp_path,
                                                      printed_pdf, monkeypatch):
    prefill = screenshot_prefill(ctx, tmp_path)
    # 1. The officer raises the incident from the camera wall's screenshot.
    with desk_console(ctx, users["giamsat1"]) as session:
        w = panel(qtbot, session)
        dlg = w.raise_incident(prefill)
        qtbot.waitUntil(dlg.isVisible)
        dlg.handling.setCurrentIndex(dlg.handling.findData(Handling.COORDINATED_CHECK))
        type_text(dlg.container, "TGHU1234567")
        type_text(dlg.vehicle, "12C-345.67")
        with qtbot.waitSignal(w.raisedIncident, timeout=10_000) as raised:
            _press(qtbot, dlg, Qt.Key.Key_Return, MOD.ControlModifier)
        inc = ctx.incidents.get(raised.args[0])
        assert inc.state == S.NEW and inc.created_by == users["giamsat1"].id
    # 2. The room-level leader verifies and proposes.
    ctx.clock.advance(timedelta(minutes=2))
    with desk_console(ctx, users["lanhdaophong"]) as session:
        d = _detail(qtbot, session, inc.id)
        qtbot.mouseClick(d.action_buttons["verify"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "propose" in d.action_buttons
                        and "verify" not in d.action_buttons, timeout=10_000)
        qtbot.mouseClick(d.action_buttons["propose"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == S.PROPOSED, timeout=10_000)
    # 3. The shift leader approves; Appendix II is issued to the evidence's unit, printed.
    ctx.clock.advance(timedelta(minutes=3))
    with desk_console(ctx, users["truongca"]) as session:
        doc = _approve_and_print(qtbot, ctx, session, inc)
    hn = unit(ctx, "KV7-HN")
    assert doc.appendix == "II" and doc.recipient == hn.name
    assert len(PdfReader(printed_pdf).pages) >= 1
    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    assert "ĐIỆN FAX ĐI" in text and doc.number in text and hn.fax in text
    assert ctx.incidents.get(inc.id).state == S.IN_PROGRESS
    [req] = ctx.requests.for_desk(desk.id, incident_id=inc.id)
    assert req.document_no == doc.number and req.unit_id == hn.id
    # 4. The regional desk (KV VII) finds it in its inbox and acknowledges in 12 minutes.
    ctx.clock.advance(timedelta(minutes=12))
    with desk_console(ctx, users["kv7.giamsat"], "KV7") as session:
        w = panel(qtbot, session)
        assert w.snapshot.regional and w.select("request", req.id)
        qtbot.waitUntil(lambda: w.detail.view is not None and w.detail.ack_b.isEnabled(),
                        timeout=10_000)
        assert w.detail.action_buttons == {}  # HQ's incident is read-only here
        ack = w.detail.record_ack()
        qtbot.waitUntil(ack.isVisible)
        type_text(ack.contact, "Hà Thị Mai, 0912 345 678")
        ack.promised.setDateTime(QDateTime(to_local(ctx.clock.now() + timedelta(hours=1))))
        _press(qtbot, ack, Qt.Key.Key_Return, MOD.ControlModifier)
        qtbot.waitUntil(lambda: ctx.requests.get(req.id).status == "acknowledged",
                        timeout=10_000)
    r = ctx.requests.get(req.id)
    assert r.acknowledged_at - r.created_at <= timedelta(minutes=30)
    assert r.ack_contact.startswith("Hà Thị Mai") and r.updated_by == users["kv7.giamsat"].id
    # 5. Its shift leader reports the result in the client and issues Appendix IV.
    ctx.clock.advance(timedelta(minutes=40))
    with desk_console(ctx, users["kv7.truongca"], "KV7") as session:
        w = panel(qtbot, session)
        assert w.select("request", req.id)
        qtbot.waitUntil(lambda: w.detail.view is not None and w.detail.result_b.isEnabled(),
                        timeout=10_000)
        res = w.detail.record_result()
        qtbot.waitUntil(res.isVisible)
        type_text(res.result, "Đã kiểm tra thực tế container TGHU1234567, lập biên bản.")
        _press(qtbot, res, Qt.Key.Key_Return, MOD.ControlModifier)
        qtbot.waitUntil(lambda: ctx.requests.get(req.id).status == "done", timeout=10_000)
        # the inbox now lists only open requests: the detail stays on the answered one
        qtbot.waitUntil(lambda: w.detail.report_b.isEnabled(), timeout=10_000)
        qtbot.mouseClick(w.detail.report_b, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _visible(IssuedPreview) is not None, timeout=20_000)
        report = _visible(IssuedPreview)
        assert report.doc.appendix == "IV" and report.doc.number == "1/BC-TB-KV7"
        report.close()
    # 6. An officer of HQ reports the incident's result; another shift leader closes it.
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: (a[3] if len(a) > 3 else "", True)))
    with desk_console(ctx, users["giamsat2"]) as session:
        d = _detail(qtbot, session, inc.id)
        qtbot.mouseClick(d.action_buttons["report_result"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == S.RESULT_REPORTED,
                        timeout=10_000)
    with desk_console(ctx, users["truongca2"]) as session:
        d = _detail(qtbot, session, inc.id)
        qtbot.mouseClick(d.action_buttons["close"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == S.CLOSED, timeout=10_000)

    entries = _case(ctx, inc)
    texts = " | ".join(e.content for e in entries)
    for expected in ("Camera HN-03", "đã kiểm tra, đối chiếu", "báo cáo, đề xuất",
                     "đồng ý, phê duyệt", f"Yêu cầu {hn.name}", f"Phát hành điện fax (Phụ lục "
                     f"II) số {doc.number}", "Triển khai thực hiện", "thông báo đầu mối xử lý: "
                     "Hà Thị Mai", "lập biên bản", "Phụ lục IV) số 1/BC-TB-KV7",
                     "Kết thúc theo dõi"):
        assert expected in texts, expected
    authors = {e.author_id for e in entries}
    assert authors >= {users[n].id for n in ("giamsat1", "lanhdaophong", "truongca",
                                             "kv7.giamsat", "kv7.truongca", "giamsat2",
                                             "truongca2")}
    assert ctx.dutylog.verify(desk.id).ok


def test_c3_at_night_opinions_by_phone_then_countersigned(qtbot, ctx, users, desk, tmp_path):
    # 23:00 local of the test's day: the leaders answer by phone
    ctx.clock.set(to_utc(datetime.combine(to_local(ctx.clock.now()).date(), time(23, 0))))
    assert not ctx.office_hours().is_office_time(ctx.clock.now())
    with desk_console(ctx, users["giamsat2"]) as session:
        w = panel(qtbot, session)
        dlg = w.raise_incident()
        qtbot.waitUntil(dlg.isVisible)
        type_text(dlg.content, "Lô hàng đã thông quan theo tờ khai 105998877120 nghi vấn "
                               "gian lận xuất xứ")
        type_text(dlg.declaration, "105998877120")
        dlg.handling.setCurrentIndex(dlg.handling.findData(Handling.CLEARED_GOODS))
        with qtbot.waitSignal(w.raisedIncident, timeout=10_000) as raised:
            dlg.submit()
        inc = ctx.incidents.get(raised.args[0])
    with desk_console(ctx, users["lanhdaophong"]) as session:
        d = _detail(qtbot, session, inc.id)
        qtbot.mouseClick(d.action_buttons["propose"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == S.PROPOSED, timeout=10_000)
    ctx.clock.advance(timedelta(minutes=10))
    # Each opinion is recorded by someone who neither raised the incident nor put it
    # before that decision: the clerk the shift leader's, an officer the Director's.
    for recorder, leader, action, state in (
            ("tonghop", "truongca", "approve", S.DIRECTOR_REVIEW),
            ("giamsat1", "cuctruong", "director_approve", S.APPROVED)):
        with desk_console(ctx, users[recorder]) as session:
            d = _detail(qtbot, session, inc.id)
            assert d.action_buttons == {}  # they decide nothing themselves
            qtbot.waitUntil(lambda ld=leader, d=d: d.on_behalf.findData(users[ld].id) > 0,
                            timeout=10_000)
            d.on_behalf.setCurrentIndex(d.on_behalf.findData(users[leader].id))
            d.phone_at.setDateTime(QDateTime(to_local(ctx.clock.now() - timedelta(minutes=3))))
            qtbot.mouseClick(d.action_buttons[action], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda st=state: ctx.incidents.get(inc.id).state == st,
                            timeout=10_000)
            ctx.clock.advance(timedelta(minutes=5))
    steps = ctx.incidents.steps(inc.id)
    assert [(s.action, s.by_phone, s.recorded_by) for s in steps[-2:]] == [
        ("approve", True, users["tonghop"].id), ("director_approve", True,
                                                 users["giamsat1"].id)]
    # Next morning each leader countersigns his phone opinion in his console.
    ctx.clock.advance(timedelta(hours=9))
    for leader in ("truongca", "cuctruong"):
        with desk_console(ctx, users[leader]) as session:
            w = _supervisor(qtbot, session)
            assert w.countersign.rowCount() == 1
            qtbot.mouseClick(w.countersign_b, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda w=w: w.countersign.rowCount() == 0, timeout=10_000)
            w.stop()
    assert ctx.incidents.awaiting_countersign(desk.id) == []
    # Appendix III carries the Director's opinion given by phone.
    with desk_console(ctx, users["truongca"]) as session:
        d = _detail(qtbot, session, inc.id)
        assert d.issue_proposal_b.isEnabled()
        qtbot.mouseClick(d.issue_proposal_b, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _visible(IssuedPreview) is not None, timeout=20_000)
        preview = _visible(IssuedPreview)
        text = " ".join(page_texts(preview.doc.pdf, tmp_path, "-raw"))
        assert "Hoàng Đình Khải" in text and "qua điện thoại" in text and "Đỗ Quang Huy" in text
        preview.close()
    texts = " | ".join(e.content + " " + (e.note or "") for e in _case(ctx, inc))
    assert "qua điện thoại" in texts and texts.count("xác nhận ý kiến") == 2


def test_a_unit_answers_by_fax_recorded_by_the_desk(qtbot, ctx, users, desk, tmp_path,
                                                    printed_pdf):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container CSQU3054383 dừng bất thường ngoài khu vực giám sát",
        place="Cổng B cảng Đình Vũ", container_no="CSQU3054383",
        handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    dv = unit(ctx, "KV3-DV")
    fax = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=dv.id,
                                       requested_due_at=ctx.clock.now() + timedelta(hours=1))
    scan = tmp_path / "bao-cao-dinh-vu.pdf"
    scan.write_bytes(b"%PDF-1.4 the unit's signed Appendix IV, faxed back")
    ctx.clock.advance(timedelta(minutes=20))
    with desk_console(ctx, users["giamsat2"]) as session:
        d = _detail(qtbot, session, inc.id)
        ack = d.record_ack()
        qtbot.waitUntil(ack.isVisible)
        type_text(ack.contact, "Đ/c Hải, Đội Giám sát cảng Đình Vũ")
        ack.channel.setCurrentIndex(ack.channel.findData("fax"))
        ack.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(fax.request_id).status == "acknowledged",
                        timeout=10_000)
        ctx.clock.advance(timedelta(minutes=30))
        qtbot.waitUntil(lambda: d.result_b.isEnabled(), timeout=10_000)
        res = d.record_result()
        qtbot.waitUntil(res.isVisible)
        type_text(res.result, "Đã kiểm tra, niêm phong nguyên vẹn, hàng phù hợp khai báo.")
        res.channel.setCurrentIndex(res.channel.findData("fax"))
        res.scan.setText(str(scan))
        res.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(fax.request_id).status == "done",
                        timeout=10_000)
        qtbot.waitUntil(lambda: len(ctx.issuer.attachments(request_id=fax.request_id)) == 1,
                        timeout=10_000)
    r = ctx.requests.get(fax.request_id)
    assert r.result_channel == "fax" and r.updated_by == users["giamsat2"].id
    assert "(qua fax)" in r.ack_contact
    texts = " | ".join(e.content for e in _case(ctx, inc))
    assert "Đ/c Hải" in texts and "niêm phong nguyên vẹn" in texts
    assert "Đính kèm bản chụp Phụ lục IV" in texts


def test_from_approved_to_printed_in_at_most_three_actions(qtbot, ctx, users, desk, tmp_path,
                                                           printed_pdf):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Xe 12C-345.67 rời khu vực giám sát", place="Cửa khẩu Hữu Nghị",
        handling=Handling.COORDINATED_CHECK))
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"png")
    ctx.issuer.attach(users["giamsat1"], desk.id, shot, kind="evidence", incident_id=inc.id,
                      camera_code="HN-01", unit_id=unit(ctx, "KV7-HN-GS").id)
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    counter = ActionCounter()
    with desk_console(ctx, users["truongca"]) as session:
        doc = _approve_and_print(qtbot, ctx, session, inc, counter)
    assert printed_pdf.is_file() and len(PdfReader(printed_pdf).pages) >= 1
    assert doc.appendix == "II" and ctx.issuer.documents(incident_id=inc.id)[0].number == \
        doc.number
    # Ctrl+I (issue), Ctrl+Enter (confirm the fax), Ctrl+P (print): nothing else.
    assert len(counter.actions) <= 3, counter.actions
    assert [a.split()[0] for a in counter.actions] == ["key"] * 3, counter.actions
