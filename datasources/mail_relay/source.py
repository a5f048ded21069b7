"""The e-mail relay as a source. `MailRelaySource.poll()` opens an SMTP session
(smtplib, on the source's thread), says EHLO, logs in when the settings carry a
user, sends NOOP and QUITs: 250s all through is a heartbeat; a refused or timed-out
connection is "down", a 535 to AUTH "auth failed", anything that is not SMTP
"protocol error", each with the server's words as the reason. The relay emits no
records (it carries mail out): its value is its health and its outages.

`MailRelaySimulator` runs datasources/sim/mail_relay.py through the shared harness
(app/simulators.py)."""

from __future__ import annotations

import smtplib
import sys
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.mail import MailSettings
from app.simulators import SimulatorProcess
from app.source_health import SourceInfo
from datasources.base import (
    AuthFailed,
    PollingSource,
    PollResult,
    ProtocolError,
    Rng,
    SourceSettings,
    Unreachable,
)

KIND = "mail_relay"
NAME_VI = "máy chủ chuyển tiếp thư điện tử (SMTP)"


@dataclass(frozen=True, kw_only=True)
class MailRelaySettings(SourceSettings):
    host: str = "127.0.0.1"
    port: int = 25
    user: str | None = None
    password: str | None = None
    helo_name: str = "dutyroom.localhost"

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.host:
            raise ValueError("mail relay: host is required")
        if not 0 < self.port < 65536:
            raise ValueError("mail relay: port must be 1–65535")

    @classmethod
    def from_mail(cls, mail: MailSettings, source_id: str = "mail-relay",
                  unit_code: str | None = None, interval_s: float = 60.0) -> MailRelaySettings:
        """The relay the workstation's mail settings name (app/mail.py)."""
        return cls(source_id=source_id, name=NAME_VI.capitalize(), unit_code=unit_code,
                   host=mail.host or "127.0.0.1", port=mail.port, interval_s=interval_s,
                   timeout_s=min(mail.timeout_s, interval_s))


def source_info(settings: MailRelaySettings) -> SourceInfo:
    """What the outage records say about the relay."""
    return SourceInfo(settings.source_id, KIND, NAME_VI, settings.unit_code,
                      f"{settings.host}:{settings.port}")


def _said(code: int, message: bytes | str) -> str:
    text = message.decode(errors="replace") if isinstance(message, bytes) else message
    return f"{code} {' '.join(text.split())}".strip()[:300]


class MailRelaySource(PollingSource[MailRelaySettings]):
    kind = KIND

    def __init__(self, settings: MailRelaySettings, clock: Clock,
                 rng: Rng | None = None) -> None:
        super().__init__(settings, clock, rng)

    def poll(self) -> PollResult:
        st = self.settings
        try:
            smtp = smtplib.SMTP(timeout=st.timeout_s, local_hostname=st.helo_name)
            try:
                code, msg = smtp.connect(st.host, st.port)
                if code != 220:
                    raise ProtocolError(f"greeting: {_said(code, msg)}")
                code, msg = smtp.ehlo()
                if code != 250:
                    raise ProtocolError(f"EHLO: {_said(code, msg)}")
                if st.user:
                    try:
                        smtp.login(st.user, st.password or "")
                    except smtplib.SMTPAuthenticationError as exc:
                        raise AuthFailed(f"AUTH: {_said(exc.smtp_code, exc.smtp_error)}") from exc
                    except smtplib.SMTPNotSupportedError as exc:
                        raise AuthFailed("AUTH: the relay offers no login") from exc
                code, msg = smtp.noop()
                if code != 250:
                    raise ProtocolError(f"NOOP: {_said(code, msg)}")
                smtp.quit()
            finally:
                smtp.close()
        except smtplib.SMTPConnectError as exc:
            if exc.smtp_code == -1:   # the greeting was not SMTP at all
                raise ProtocolError(f"not an SMTP server: {_said(0, exc.smtp_error)}") from exc
            raise Unreachable(_said(exc.smtp_code, exc.smtp_error)) from exc
        except smtplib.SMTPServerDisconnected as exc:
            raise Unreachable(f"connection closed: {exc}") from exc
        except smtplib.SMTPResponseException as exc:
            raise ProtocolError(_said(exc.smtp_code, exc.smtp_error)) from exc
        except smtplib.SMTPException as exc:
            raise ProtocolError(str(exc)) from exc
        except TimeoutError as exc:
            raise Unreachable(f"no answer within {st.timeout_s:g} s") from exc
        except OSError as exc:      # refused, unreachable, reset
            raise Unreachable(exc.strerror or str(exc)) from exc
        return PollResult()


class MailRelaySimulator(SimulatorProcess):
    """The simulated relay (datasources/sim/mail_relay.py) on `port` (0: any)."""

    def __init__(self, port: int = 0, *, user: str | None = None, password: str = "",
                 maildir: Path | None = None) -> None:
        super().__init__(port, name="mail relay simulator", python=sys.executable)
        self.user = user
        self.password = password
        self.maildir = maildir

    def command(self, port: int) -> list[str]:
        cmd = [self.python, "-m", "datasources.sim.mail_relay", "--port", str(port),
               "--stdin-eof-quits"]
        if self.user:
            cmd += ["--user", self.user, "--password", self.password]
        if self.maildir is not None:
            cmd += ["--maildir", str(self.maildir)]
        return cmd


__all__ = ["KIND", "NAME_VI", "MailRelaySettings", "MailRelaySimulator", "MailRelaySource",
           "source_info"]
