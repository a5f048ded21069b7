"""The site's e-mail relay, simulated: a real SMTP server (aiosmtpd) on 127.0.0.1
that accepts every message (kept as .eml files in `--maildir` when given), with
optional AUTH PLAIN/LOGIN (`--user`/`--password`, no TLS needed on 127.0.0.1). It
prints "READY <port>" once it serves and quits when its standard input closes.

    python -m datasources.sim.mail_relay --port 0 [--user U --password P] [--maildir D]
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import warnings
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app.simulators import free_port, serve_until_stdin_eof

log = logging.getLogger("customs.sim.mail_relay")


class Inbox:
    """Accepts every message; keeps it in `maildir` if given."""

    def __init__(self, maildir: Path | None) -> None:
        self.maildir = maildir
        self.count = itertools.count(1)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        n = next(self.count)
        if self.maildir is not None:
            self.maildir.mkdir(parents=True, exist_ok=True)
            (self.maildir / f"{n:06d}.eml").write_bytes(envelope.original_content
                                                        or envelope.content)
        log.info("message %d from %s to %s", n, envelope.mail_from, envelope.rcpt_tos)
        return "250 OK: queued"


class Login:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == self.user
              and auth_data.password == self.password)
        return AuthResult(success=ok, handled=False)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--user")
    p.add_argument("--password", default="")
    p.add_argument("--maildir", type=Path)
    p.add_argument("--stdin-eof-quits", action="store_true",
                   help="(always so; accepted for the harness's command lines)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    port = free_port(args.port)
    kwargs: dict[str, Any] = {}
    if args.user:
        # 127.0.0.1 only: no TLS, as many a site's internal relay
        warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
        kwargs.update(authenticator=Login(args.user, args.password), auth_required=True,
                      auth_require_tls=False)
    controller = Controller(Inbox(args.maildir), hostname="127.0.0.1", port=port,
                            server_hostname="relay.sim.localhost", **kwargs)
    controller.start()
    try:
        serve_until_stdin_eof(port)
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
