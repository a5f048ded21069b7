"""The workstation's own record of the signed heads it has seen (and of the public
keys that signed them, pinned on first sight), a JSON file in its data folder,
outside the shared database: what a database administrator rewrites or deletes
there, this file still remembers. Created 0600 (never readable by others, not
even for a moment), replaced atomically."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Any

from app import logs
from app.anchor.messages import SignedHead

log = logs.get("anchor")

#: signed heads kept per desk (the newest by sequence number)
KEEP_PER_DESK = 500


def _write_private(path: Path, text: str) -> None:
    """Write a 0600 file: created with that mode, then moved over the old one."""
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class LocalHeadStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("the workstation's store of signed heads %s is unreadable", self.path)
            return {}

    def add(self, heads: list[SignedHead], keys: dict[str, str]) -> int:
        """Remember signed heads (already checked) and pin their keys (key id →
        public key hex; a key id already pinned keeps its first key). Returns how
        many heads were new."""
        with self._lock:
            data = self._load()
            stored: dict[str, list[list[Any]]] = data.setdefault("heads", {})
            pinned: dict[str, str] = data.setdefault("keys", {})
            new = 0
            for h in heads:
                rows = stored.setdefault(h.desk_code, [])
                row = [h.seq, h.head, h.key_id, h.signature]
                if row not in rows:
                    rows.append(row)
                    new += 1
            for key_id, public in keys.items():
                pinned.setdefault(key_id, public)
            if not new and all(k in pinned for k in keys) and self.path.exists():
                return 0
            for code, rows in stored.items():
                rows.sort(key=lambda r: r[0])
                stored[code] = rows[-KEEP_PER_DESK:]
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _write_private(self.path, json.dumps(data, ensure_ascii=False))
            return new

    def heads(self, desk_code: str) -> list[SignedHead]:
        rows = self._load().get("heads", {}).get(desk_code, [])
        out = []
        for r in rows:
            try:
                out.append(SignedHead(desk_code, int(r[0]), str(r[1]), str(r[2]), str(r[3])))
            except (IndexError, TypeError, ValueError):
                continue
        return out

    def pinned(self) -> dict[str, str]:
        keys = self._load().get("keys", {})
        return {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}


__all__ = ["KEEP_PER_DESK", "LocalHeadStore"]
