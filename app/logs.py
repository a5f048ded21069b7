"""One named logger per subsystem, and the logging set-up of the process."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

SUBSYSTEMS = ("db", "db.notify", "db.outbox", "auth", "dutylog", "roster", "handover",
              "org", "forms", "ui", "tasks", "settings")


def get(subsystem: str) -> logging.Logger:
    """The logger of one subsystem, e.g. get("db")."""
    return logging.getLogger(f"customs.{subsystem}")


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record comes (a handler that kept the
    stream it was made with writes into a closed one once that is replaced)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Log to stderr (warnings) and to a rotating file in the data folder."""
    root = logging.getLogger("customs")
    root.setLevel(level)
    if any(getattr(h, "_customs", False) for h in root.handlers):
        return
    stderr = _CurrentStderr()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stderr._customs = True  # type: ignore[attr-defined]
    root.addHandler(stderr)
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(
            log_dir / "client.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8")
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        fh._customs = True  # type: ignore[attr-defined]
        root.addHandler(fh)
