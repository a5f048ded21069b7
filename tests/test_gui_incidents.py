"""The incident GUI through its real widgets: raising an incident from a
screenshot's evidence (kept with its SHA-256) and with its immediate
prevention, the detail panel offering exactly what the rules allow the user
(and, by phone, a leader), the unit's acknowledgement and late result with
its scan, and the main window's "My incidents" dock with Ctrl+N."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from app.clock import to_local
from app.documents.issuer import sha256_of
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling, IncidentState
from tests.gui_helpers import console, type_text
from widgets.incidents import IncidentPrefill
from widgets.incidents.detail import IncidentDetailPanel
from widgets.incidents.panel import MyIncidentsPanel
from widgets.main_window import MainWindow


def desk_console(ctx, user, desk_code: str = "HQ"):  # type: ignore[no-untyped-def]
    """A ConsoleSession logged in as `user` at the desk `desk_code`."""
    return console(ctx, user, desk_code=desk_code)


def unit(ctx, code):  # type: ignore[no-untyped-def]
    return next(u for u in ctx.reference.units() if u.code == code)


def screenshot_prefill(ctx, tmp_path):  # type: ignore[no-untyped-def]
    shot = tmp_path / "HN-03-20261127-0912.png"
    shot.write_bytes(b"\x89PNG\r\n screenshot of camera HN-03")
    return IncidentPrefill.from_evidence(
        camera_code="HN-03", camera_name="Bãi xe cửa khẩu Hữu Nghị",
        captured_at=ctx.clock.now() - timedelta(minutes=2), file_path=shot,
        sha256=sha256_of(shot.read_bytes()), place="Cửa khẩu quốc tế Hữu Nghị",
        description="Xe 12C-345.67 chở container TGHU1234567 rời bãi khi tờ khai chưa "
                    "thông quan", unit_id=unit(ctx, "KV7-HN-GS").id)


def panel(qtbot, session) -> MyIncidentsPanel:  # type: ignore[no-untyped-def]
    w = MyIncidentsPanel(session)
    qtbot.addWidget(w)
    w.resize(900, 900)
    w.show()
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.load()
    return w


def buttons(detail: IncidentDetailPanel) -> list[str]:
    return sorted(detail.action_buttons)


def test_raise_from_a_screenshot_with_immediate_prevention(qtbot, ctx, users, desk, tmp_path):
    prefill = screenshot_prefill(ctx, tmp_path)
    with desk_console(ctx, users["giamsat1"]) as session:
        w = panel(qtbot, session)
        dlg = w.raise_incident(prefill)
        qtbot.waitUntil(dlg.isVisible)
        assert "Camera HN-03" in dlg.content.toPlainText()
        assert dlg.place.text() == "Cửa khẩu quốc tế Hữu Nghị"
        assert "HN-03" in dlg.evidence.text()
        dlg.handling.setCurrentIndex(dlg.handling.findData(Handling.COORDINATED_CHECK))
        type_text(dlg.container, "TGHU1234567")
        dlg.prevent.setChecked(True)
        dlg.prevent_case.setCurrentIndex(dlg.prevent_case.findData("gate"))
        type_text(dlg.prevent_contact, "Đội trưởng Đội Giám sát Hữu Nghị")
        with qtbot.waitSignal(w.raisedIncident, timeout=10_000):
            dlg.submit()  # the prevention needs whom, and has it
        [inc] = ctx.incidents.for_desk(desk.id)
        assert inc.state == IncidentState.PROPOSED and inc.immediate
        assert inc.container_no == "TGHU1234567" and inc.created_by == users["giamsat1"].id
        [a] = ctx.issuer.attachments(incident_id=inc.id)
        assert a.sha256 == prefill.evidence.sha256 and a.camera_code == "HN-03"
        assert ctx.issuer.suggested_unit(inc.id).code == "KV7-HN"
        qtbot.waitUntil(lambda: w.table.rowCount() == 1, timeout=10_000)
        w.table.selectRow(0)
        qtbot.waitUntil(lambda: w.detail.view is not None
                        and w.detail.view.incident.state == IncidentState.PROPOSED,
                        timeout=10_000)  # the change feed brings the prevention step
        assert buttons(w.detail) == []  # the officer waits for the shift leader
        codes = [w.detail.timeline.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(w.detail.timeline.count())]
        assert codes[0] == "create" and set(codes[1:]) == {"attach", "prevent"}


def test_actions_follow_the_rules_and_phone_opinions(qtbot, ctx, users, desk, monkeypatch):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    with desk_console(ctx, users["lanhdaophong"]) as session:
        d = IncidentDetailPanel(session)
        qtbot.addWidget(d)
        with qtbot.waitSignal(d.loaded, timeout=10_000):
            d.load(inc.id)
        assert buttons(d) == ["prevent", "propose", "verify"]  # no own handling of c.2
        qtbot.mouseClick(d.action_buttons["verify"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == IncidentState.VERIFIED,
                        timeout=10_000)
        qtbot.waitUntil(lambda: "propose" in d.action_buttons and "verify" not in
                        d.action_buttons, timeout=10_000)
        qtbot.mouseClick(d.action_buttons["propose"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == IncidentState.PROPOSED,
                        timeout=10_000)
        # The proposer does not record the approval of his own proposal, even by phone.
        qtbot.waitUntil(lambda: "propose" not in d.action_buttons, timeout=10_000)
        assert d.on_behalf.findData(users["truongca"].id) == -1
        assert "approve" not in d.action_buttons
    # Another officer records the shift leader's approval given by phone.
    with desk_console(ctx, users["giamsat2"]) as session:
        d = IncidentDetailPanel(session)
        qtbot.addWidget(d)
        with qtbot.waitSignal(d.loaded, timeout=10_000):
            d.load(inc.id)
        assert d.on_behalf.findData(users["truongca"].id) > 0
        assert d.action_buttons == {} or "approve" not in d.action_buttons
        d.on_behalf.setCurrentIndex(d.on_behalf.findData(users["truongca"].id))
        assert buttons(d) == ["approve", "reject"]
        qtbot.mouseClick(d.action_buttons["approve"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.incidents.get(inc.id).state == IncidentState.APPROVED,
                        timeout=10_000)
        step = ctx.incidents.steps(inc.id)[-1]
        assert step.by_phone and step.decided_by == users["truongca"].id
        assert step.recorded_by == users["giamsat2"].id


def test_acknowledgement_and_late_result_with_scan(qtbot, ctx, users, desk, tmp_path):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    ctx.incidents.transition(users["giamsat1"], inc.id, Action.START)
    req = ctx.requests.create(users["giamsat1"], desk.id, incident_id=inc.id, channel="fax",
                              unit_id=unit(ctx, "KV3-DV").id, subject="Phối hợp kiểm tra",
                              requested_due_at=ctx.clock.now() + timedelta(minutes=40),
                              received_at=ctx.clock.now())
    scan = tmp_path / "phu-luc-iv.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned appendix IV")
    with desk_console(ctx, users["giamsat2"]) as session:
        d = IncidentDetailPanel(session)
        qtbot.addWidget(d)
        d.show()
        with qtbot.waitSignal(d.loaded, timeout=10_000):
            d.load(inc.id)
        assert d.ack_b.isEnabled() and not d.report_b.isEnabled()
        ctx.clock.advance(timedelta(minutes=12))
        ack = d.record_ack()
        qtbot.waitUntil(ack.isVisible)
        ack.check_and_accept()
        assert ack.error.isVisible()  # the contact person is required
        type_text(ack.contact, "Đ/c Hải, Đội trưởng")
        ack.channel.setCurrentIndex(ack.channel.findData("fax"))
        ack.promised.setDateTime(QDateTime(to_local(ctx.clock.now() + timedelta(minutes=30))))
        ack.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(req.id).status == "acknowledged",
                        timeout=10_000)
        r = ctx.requests.get(req.id)
        assert r.ack_contact == "Đ/c Hải, Đội trưởng (qua fax)"
        assert r.acknowledged_at <= r.ack_due_at
        qtbot.waitUntil(lambda: d.result_b.isEnabled() and not d.ack_b.isEnabled(),
                        timeout=10_000)
        ctx.clock.advance(timedelta(hours=1))
        res = d.record_result()
        qtbot.waitUntil(res.isVisible)
        type_text(res.result, "Đã kiểm tra, lập biên bản vi phạm")
        res.scan.setText(str(scan))
        assert res.is_late() and res.late_box.isEnabled()
        res.check_and_accept()
        assert res.error.isVisible() and ctx.requests.get(req.id).status == "acknowledged"
        type_text(res.late_reason, "Xe đã rời cửa khẩu")
        type_text(res.late_resp, "Đội Giám sát")
        res.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(req.id).status == "done", timeout=10_000)
        qtbot.waitUntil(lambda: len(ctx.issuer.attachments(request_id=req.id)) == 1,
                        timeout=10_000)
        [a] = ctx.issuer.attachments(request_id=req.id)
        assert a.kind == "scan" and a.sha256 == sha256_of(scan.read_bytes())
        assert ctx.requests.get(req.id).late_reason == "Xe đã rời cửa khẩu"


def test_main_window_has_my_incidents_and_ctrl_n_raises_there(qtbot, ctx, users):
    with desk_console(ctx, users["giamsat1"]) as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        assert "incidents" in win.docks
        win.show()
        panel_ = win.incidents_panel
        with qtbot.waitSignal(panel_.loaded, timeout=10_000):
            win.docks["incidents"].raise_()
            win.docks["incidents"].show()
            panel_.load()
        panel_.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel_.table, timeout=5000)
        qtbot.keyClick(panel_.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: any(w.objectName() == "raiseIncidentDialog" and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=5000)
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if w.objectName() == "raiseIncidentDialog" and w.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].reject()
        win.close()
    with desk_console(ctx, users["cuctruong"]) as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        assert "incidents" not in win.docks  # the Director writes no log
        assert not win.supervisor_console.opens_requests   # nor offers to open a request
        win.supervisor_console.stop()


def test_raise_from_a_duty_log_entry(qtbot, ctx, users, desk):
    from app.dutylog import EntryDraft, EntryKind  # noqa: PLC0415
    from app.workflow.views import read_entry  # noqa: PLC0415

    work = ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind=EntryKind.WORK, content="Camera 12 thấy xe quay đầu bất thường",
        place="Cổng A cảng Đình Vũ", vehicle_plate="15C-123.45"))
    with desk_console(ctx, users["giamsat2"]) as session:
        w = panel(qtbot, session)
        dlg = w.raise_incident(IncidentPrefill.from_entry(read_entry(ctx, work.id)))
        qtbot.waitUntil(dlg.isVisible)
        assert dlg.vehicle.text() == "15C-123.45" and dlg.place.text() == "Cổng A cảng Đình Vũ"
        from PySide6.QtGui import QTextCursor  # noqa: PLC0415

        dlg.content.moveCursor(QTextCursor.MoveOperation.End)
        type_text(dlg.content, " – nghi vấn rời khu vực giám sát")
        with qtbot.waitSignal(w.raisedIncident, timeout=10_000) as raised:
            dlg.submit()
    inc = ctx.incidents.get(raised.args[0])
    assert inc.source_entry_id == work.id and inc.vehicle_plate == "15C-123.45"
    assert inc.content.endswith("nghi vấn rời khu vực giám sát")  # the officer's edit is kept


def test_issued_preview_prints_and_mails_the_document(qtbot, ctx, users, desk, tmp_path,
                                                      monkeypatch):
    from aiosmtpd.controller import Controller  # noqa: PLC0415
    from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415

    from tests.test_mail import _free_port, _Inbox  # noqa: PLC0415
    from widgets.incidents import issue_ui  # noqa: PLC0415

    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    monkeypatch.setattr(issue_ui, "PRINTER_FACTORY", [printer])
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        ctx.settings.smtp_host, ctx.settings.smtp_port = "127.0.0.1", controller.port
        ctx.settings.smtp_sender = "trucban@customs.gov.vn"
        inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
            content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
        ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
        ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
        kv3 = unit(ctx, "KV3")
        doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=kv3.id)
        with desk_console(ctx, users["truongca"]) as session:
            holder = IncidentDetailPanel(session)
            qtbot.addWidget(holder)
            preview = issue_ui.IssuedPreview(session, doc, holder)
            with qtbot.waitSignal(preview.pagesShown, timeout=10_000) as shown:
                preview.open()
            assert shown.args == [1]
            assert preview.mail_b.isEnabled() and kv3.email in preview.mail_b.text()
            with qtbot.waitSignal(preview.printed, timeout=10_000):
                qtbot.mouseClick(preview.print_b, Qt.MouseButton.LeftButton)
            assert out.is_file() and out.stat().st_size > 1000
            # another printer: Qt's print dialog with the document's preview
            qtbot.mouseClick(preview.choose_b, Qt.MouseButton.LeftButton)
            chooser = preview._chooser
            assert chooser.isVisible() and chooser.pdf == doc.pdf
            chooser.close()
            with qtbot.waitSignal(preview.emailed, timeout=10_000):
                qtbot.mouseClick(preview.mail_b, Qt.MouseButton.LeftButton)
            preview.close()
    finally:
        controller.stop()
    [(_sender, to, raw)] = inbox.messages
    import email  # noqa: PLC0415
    from email import policy  # noqa: PLC0415

    msg = email.message_from_bytes(raw, policy=policy.default)
    assert to == [kv3.email] and doc.number in msg["Subject"]
    assert [p.get_content() for p in msg.iter_attachments()] == [doc.pdf]
    assert ctx.issuer.documents(incident_id=inc.id)[0].emailed_to == kv3.email


def test_a_request_recorded_without_its_fax_gets_one(qtbot, ctx, users, desk):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    req = ctx.requests.create(users["giamsat1"], desk.id, incident_id=inc.id, channel="phone",
                              unit_id=unit(ctx, "KV7-TT").id, subject="Phối hợp kiểm tra",
                              urgent=True, received_at=ctx.clock.now())
    assert req.appendix == "II" and req.document_no is None
    with desk_console(ctx, users["giamsat1"]) as session:  # an officer numbers nothing
        d = IncidentDetailPanel(session)
        qtbot.addWidget(d)
        with qtbot.waitSignal(d.loaded, timeout=10_000):
            d.load(inc.id)
        assert not d.request_fax_b.isEnabled() and not d.issue_fax_b.isEnabled()
    with desk_console(ctx, users["truongca"]) as session:
        d = IncidentDetailPanel(session)
        qtbot.addWidget(d)
        with qtbot.waitSignal(d.loaded, timeout=10_000):
            d.load(inc.id)
        assert d.request_fax_b.isEnabled()
        qtbot.mouseClick(d.request_fax_b, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.requests.get(req.id).document_no == "1/FAX-TB-HQ",
                        timeout=10_000)
        qtbot.waitUntil(lambda: d.documents.count() == 1 and not d.request_fax_b.isEnabled(),
                        timeout=10_000)
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "issuedPreview" and w.isVisible():
                w.close()


def test_a_regional_desk_relays_a_request_to_its_unit(qtbot, ctx, users, desk, monkeypatch):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    fax = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=unit(ctx, "KV7").id,
                                       requested_due_at=ctx.clock.now() + timedelta(hours=2))
    kv7 = ctx.reference.desk_by_code("KV7")
    hn = unit(ctx, "KV7-HN")
    monkeypatch.setattr(IncidentDetailPanel, "_choose_unit", lambda self, names: (hn.name, True))
    with desk_console(ctx, users["kv7.giamsat"], "KV7") as session:
        w = panel(qtbot, session)
        assert w.select("request", fax.request_id)
        qtbot.waitUntil(lambda: w.detail.relay_b.isVisible() and w.detail.relay_b.isEnabled(),
                        timeout=10_000)
        assert not w.detail.issue_fax_b.isVisible()
        qtbot.mouseClick(w.detail.relay_b, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(ctx.requests.for_desk(kv7.id)) == 1, timeout=10_000)
        [relayed] = ctx.requests.for_desk(kv7.id)
        assert relayed.unit_id == hn.id and "1/FAX-TB-HQ" in relayed.subject
        assert relayed.result_due_at == ctx.requests.get(fax.request_id).result_due_at
        assert relayed.subject in ctx.dutylog.entries(kv7.id)[-1].content
        # the unit's line is under HQ's: KV7 records its answers there
        d = w.detail
        qtbot.waitUntil(lambda: d.requests.rowCount() == 2, timeout=10_000)
        assert d.requests.item(1, 0).text() == "→ " + hn.name
        d.requests.selectRow(1)
        assert d.selected_request().id == relayed.id and not d.relay_b.isEnabled()
        ack = d.record_ack()
        qtbot.waitUntil(ack.isVisible)
        type_text(ack.contact, "Đ/c Tuấn, Đội nghiệp vụ")
        ack.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(relayed.id).status == "acknowledged",
                        timeout=10_000)
        qtbot.waitUntil(lambda: d.result_b.isEnabled() and not d.ack_b.isEnabled(),
                        timeout=10_000)
        assert d.selected_request().id == relayed.id   # still the unit's line
        res = d.record_result()
        qtbot.waitUntil(res.isVisible)
        type_text(res.result, "Đã kiểm tra container, niêm phong nguyên vẹn")
        res.check_and_accept()
        qtbot.waitUntil(lambda: ctx.requests.get(relayed.id).status == "done", timeout=10_000)
    # ... and the result went back to HQ's request, in HQ's log
    original = ctx.requests.get(fax.request_id)
    assert original.status == "done" and "niêm phong nguyên vẹn" in original.result_text
    assert any("Theo báo cáo của" in e.content for e in ctx.dutylog.entries(desk.id))


def _approved(ctx, users, desk):  # type: ignore[no-untyped-def]
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    return inc


def _open_from_console(qtbot, win, unit_name: str) -> None:  # type: ignore[no-untyped-def]
    """Enter on the supervisor console's line of the request to `unit_name`."""
    sup = win.supervisor_console
    with qtbot.waitSignal(sup.loaded, timeout=10_000):
        sup.load()
    [row] = [r for r in range(sup.requests.rowCount())
             if sup.requests.item(r, 2).text() == unit_name]
    sup.requests.setCurrentCell(row, 3)
    sup.requests.setFocus()
    qtbot.keyClick(sup.requests, Qt.Key.Key_Return)


def test_a_request_opens_from_the_supervisor_console_where_it_is_answered(qtbot, ctx, users,
                                                                          desk):
    inc = _approved(ctx, users, desk)
    now = ctx.clock.now()
    for code, subject in (("KV7-TT", "Phối hợp kiểm tra"), ("KV3", "Cung cấp hồ sơ tờ khai")):
        ctx.requests.create(users["giamsat1"], desk.id, incident_id=inc.id, channel="phone",
                            unit_id=unit(ctx, code).id, subject=subject, received_at=now)
    second = ctx.requests.for_desk(desk.id, incident_id=inc.id)[-1]
    with desk_console(ctx, users["truongca"]) as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        win.show()
        _open_from_console(qtbot, win, second.unit_name)
        assert "open the request" in win.supervisor_console.requests.item(0, 3).toolTip()
        d = win.incidents_panel.detail
        qtbot.waitUntil(lambda: d.view is not None and d.view.incident.id == inc.id
                        and (line := d.selected_request()) is not None
                        and line.id == second.id, timeout=10_000)
        assert win.incidents_panel.isVisible()   # its tab raised over the console
        assert d.ack_b.isEnabled()               # the acknowledgement can be recorded there
        win.supervisor_console.stop()
        win.close()


def test_a_relayed_request_opens_under_the_request_it_passes_on(qtbot, ctx, users, desk):
    inc = _approved(ctx, users, desk)
    fax = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=unit(ctx, "KV7").id,
                                       requested_due_at=ctx.clock.now() + timedelta(hours=2))
    kv7 = ctx.reference.desk_by_code("KV7")
    hn = unit(ctx, "KV7-HN")
    relayed = ctx.requests.relay(users["kv7.giamsat"], kv7.id, fax.request_id, hn.id)
    with desk_console(ctx, users["kv7.truongca"], "KV7") as session:
        win = MainWindow(session, persist_layout=False)
        qtbot.addWidget(win)
        win.show()
        _open_from_console(qtbot, win, hn.name)
        p = win.incidents_panel
        qtbot.waitUntil(lambda: p.detail.request_only == fax.request_id
                        and (line := p.detail.selected_request()) is not None
                        and line.id == relayed.id, timeout=10_000)
        assert p.detail.requests.rowCount() == 2    # HQ's request, and the unit's line
        # the inbox lists HQ's request: its row is the one marked
        qtbot.waitUntil(lambda: (r := p.selected_row()) is not None
                        and (r.kind, r.id) == ("request", fax.request_id), timeout=10_000)
        win.supervisor_console.stop()
        win.close()
