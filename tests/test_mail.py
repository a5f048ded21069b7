"""Sending an issued document by e-mail through SMTP (app/mail.py), against a local
aiosmtpd server: the PDF arrives intact, the send is remembered with the document
and written to the duty log; a refused or unreachable server is a clear error."""

from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

from app.mail import DocumentMailer, MailError, MailSettings, Outgoing, document_message
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():  # type: ignore[no-untyped-def]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def test_an_issued_fax_is_mailed_to_the_unit(ctx, users, desk, smtp):
    controller, inbox = smtp
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container TGHU1234567 rời khu vực giám sát", place="Cảng Đình Vũ",
        handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    kv3 = next(u for u in ctx.reference.units() if u.code == "KV3")
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=kv3.id)
    assert doc.recipient_email == kv3.email

    mailer = DocumentMailer(MailSettings(host="127.0.0.1", port=controller.port,
                                         sender="trucban@customs.gov.vn"))
    mailer.send(document_message(doc, doc.recipient_email))
    ctx.issuer.mark_emailed(users["truongca"], doc.id, doc.recipient_email)

    [(sender, to, raw)] = inbox.messages
    assert sender == "trucban@customs.gov.vn" and to == [kv3.email]
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert "1/FAX-TB-HQ" in msg["Subject"]
    assert doc.sha256 in msg.get_body(("plain",)).get_content()
    [part] = list(msg.iter_attachments())
    assert part.get_content_type() == "application/pdf"
    assert part.get_content() == doc.pdf
    row = ctx.issuer.documents(request_id=doc.request_id)[0]
    assert row.emailed_to == kv3.email and row.emailed_at == ctx.clock.now()
    assert kv3.email in ctx.dutylog.entries(desk.id)[-1].content


def test_mail_errors_are_clear():
    off = DocumentMailer(MailSettings(host=None))
    out = Outgoing(to="a@b.vn", subject="s", body="b", attachment=b"%PDF", filename="x.pdf")
    with pytest.raises(MailError, match="not set up"):
        off.send(out)
    closed = DocumentMailer(MailSettings(host="127.0.0.1", port=_free_port(), sender="x@y.vn",
                                         timeout_s=2))
    with pytest.raises(MailError, match="was not sent"):
        closed.send(out)
    with pytest.raises(Exception, match="not an e-mail address"):
        closed.send(Outgoing(to="fax 0225", subject="s", body="b", attachment=b"",
                             filename="x.pdf"))


def test_smtp_settings_are_typed_and_checked(tmp_path):
    import json  # noqa: PLC0415

    from app import settings as st  # noqa: PLC0415
    from app.errors import SettingsError  # noqa: PLC0415

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 2, "smtp_host": "mail.customs.gov.vn",
                                "smtp_port": 587, "smtp_sender": "trucban@customs.gov.vn"}))
    mail = MailSettings.from_settings(st.load(path, apply_env=False))
    assert mail.enabled and (mail.host, mail.port) == ("mail.customs.gov.vn", 587)
    assert not MailSettings.from_settings(st.Settings()).enabled  # off by default
    for bad in ({"smtp_port": 0}, {"smtp_port": "25"}):
        path.write_text(json.dumps({"schema_version": 2, **bad}))
        with pytest.raises(SettingsError):
            st.load(path, apply_env=False)
