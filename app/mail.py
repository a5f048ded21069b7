"""Sending issued documents by e-mail (Đ9: "where the unit has an address"): one
message per document, the PDF attached, through the site's SMTP relay
(standard library `smtplib`; host, port and sender in the settings). Blocking:
the GUI calls it on its task runner."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from app import logs
from app.errors import QT_TRANSLATE_NOOP, DomainError, ValidationError

log = logs.get("mail")

_ADDRESS = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class MailError(DomainError):
    """The SMTP server refused the message or could not be reached."""


@dataclass(frozen=True)
class MailSettings:
    host: str | None
    port: int = 25
    sender: str | None = None
    timeout_s: float = 15.0

    @property
    def enabled(self) -> bool:
        return bool(self.host and self.sender)

    @classmethod
    def from_settings(cls, settings) -> MailSettings:
        return cls(host=settings.smtp_host, port=settings.smtp_port,
                   sender=settings.smtp_sender)


@dataclass(frozen=True)
class Outgoing:
    """One document to send: the subject and body are record text (Vietnamese)."""

    to: str
    subject: str
    body: str
    attachment: bytes
    filename: str


class DocumentMailer:
    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def build(self, out: Outgoing) -> EmailMessage:
        import re  # noqa: PLC0415

        if not re.match(_ADDRESS, (out.to or "").strip()):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "'{address}' is not an e-mail address."), address=out.to)
        msg = EmailMessage()
        msg["From"] = self.settings.sender or ""
        msg["To"] = out.to.strip()
        msg["Subject"] = out.subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain=(self.settings.sender or "x@localhost")
                                       .split("@")[-1])
        msg.set_content(out.body)
        msg.add_attachment(out.attachment, maintype="application", subtype="pdf",
                           filename=Path(out.filename).name)
        return msg

    def send(self, out: Outgoing) -> str:
        """Send one message; returns its Message-ID. Raises MailError."""
        if not self.enabled:
            raise MailError(QT_TRANSLATE_NOOP(
                "errors", "E-mail is not set up on this workstation (SMTP host and sender)."))
        msg = self.build(out)
        try:
            with smtplib.SMTP(self.settings.host or "", self.settings.port,
                              timeout=self.settings.timeout_s) as smtp:
                smtp.send_message(msg)
        except (smtplib.SMTPException, OSError) as exc:  # timeouts are OSErrors
            log.warning("sending to %s failed: %s", out.to, exc)
            raise MailError(QT_TRANSLATE_NOOP(
                "errors", "The e-mail to {address} was not sent: {reason}"),
                address=out.to, reason=str(exc)) from exc
        log.info("sent %s to %s", out.filename, out.to)
        return str(msg["Message-ID"])


def document_message(doc, to: str) -> Outgoing:
    """The message carrying an issued document (app.documents.issuer.IssuedDoc)."""
    names = {"II": "Điện fax", "V": "Điện fax", "III": "Tờ trình", "IV": "Báo cáo"}
    subject = f"{names.get(doc.appendix, 'Văn bản')} số {doc.number} – Phụ lục {doc.appendix}"
    body = (f"Kính gửi: {doc.recipient}\n\n"
            f"Trực ban gửi kèm văn bản số {doc.number} (Phụ lục {doc.appendix}, Quyết định "
            f"888/QĐ-TCHQ).\nMã kiểm tra SHA-256 của tệp: {doc.sha256}\n")
    return Outgoing(to=to, subject=subject, body=body, attachment=doc.pdf,
                    filename=f"{doc.appendix}-{doc.number.replace('/', '-')}.pdf")


__all__ = ["DocumentMailer", "MailError", "MailSettings", "Outgoing", "document_message"]
