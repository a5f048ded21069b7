"""Screenshot evidence (Đ14.1.2b; issue 3 item 6): the PNG file in the evidence
folder (evidence/YYYY/MM/DD/…png below the data folder, or a shared folder set in
the settings; written atomically), its SHA-256 and the record in the database
(camera, desk, time, place, description, path, hash, resolution, stream, who)
together with the duty-log entry that names camera, place, description and hash,
in one transaction. `verify` re-hashes the file; `for_shift` feeds the gallery;
`link_incident` lets the workflow attach the incident the evidence supports.

The PNG itself (pixels and metadata chunks) is made by `video.snapshot`."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local, to_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import Camera, Evidence, Incident, Shift
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, DatabaseUnavailable, NotFound, ValidationError
from app.text import nfc

log = logs.get("evidence")

TOPIC = Topic.EVIDENCE
STREAMS = ("main", "sub")
STREAM_VI = {"main": "luồng chính", "sub": "luồng phụ"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class EvidenceCheck:
    """The result of re-hashing an evidence file."""

    ok: bool
    sha256: str | None = None       # the file's hash now (None: missing)
    problem: str = ""               # untranslated, marked with QT_TRANSLATE_NOOP


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".png", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a power cut
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


class EvidenceStore:
    """Saves, lists and verifies screenshot evidence."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog, root: Path) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.root = Path(root)

    def path_of(self, record: Evidence) -> Path:
        """The file of an evidence record (refuses paths leaving the evidence folder)."""
        path = (self.root / record.path).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The evidence path {path} is outside the evidence folder."),
                path=record.path)
        return path

    def save(self, actor: CurrentUser, desk_id: int, camera_code: str, png: bytes,
             taken_at: datetime, description: str, width: int, height: int,
             stream: str = "main") -> Evidence:
        """Write the PNG (atomically), then the record and its duty-log entry in one
        transaction. `taken_at` is naive UTC; width × height the source resolution."""
        require(actor, Permission.LOG_WRITE)
        description = nfc(description).strip()
        if not description:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Describe what the screenshot shows."))
        if stream not in STREAMS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown stream '{stream}' (main or sub)."), stream=stream)
        if width <= 0 or height <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The screenshot has no size ({width}×{height})."),
                width=width, height=height)
        if not png.startswith(PNG_SIGNATURE):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The screenshot is not a PNG image."))
        with self.db.read() as s:
            cam = s.scalar(select(Camera).where(Camera.code == camera_code))
        if cam is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."),
                           code=camera_code)
        digest = sha256_of(png)
        local = to_local(taken_at)
        safe_code = _UNSAFE.sub("_", cam.code) or "camera"
        relative = (f"{local:%Y/%m/%d}/{safe_code}_{local:%Y%m%d-%H%M%S}_"
                    f"{uuid.uuid4().hex[:8]}.png")
        path = self.root / relative
        _atomic_write(path, png)
        place = ", ".join(p for p in (cam.site, cam.zone) if p)
        try:
            with self.db.write() as s:
                now = self.clock.now()
                shift_id = s.scalar(select(Shift.id).where(
                    Shift.desk_id == desk_id, Shift.starts_at <= taken_at,
                    Shift.ends_at > taken_at))
                record = Evidence(
                    desk_id=desk_id, shift_id=shift_id, camera_id=cam.id, camera_code=cam.code,
                    taken_at=taken_at, place=place[:300], description=description,
                    path=relative, sha256=digest, size_bytes=len(png), width=int(width),
                    height=int(height), stream=stream, created_by=actor.id, created_at=now)
                s.add(record)
                s.flush()
                entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                    kind=EntryKind.WORK,
                    content=(f"Chụp ảnh màn hình camera {cam.code} – {cam.name}, địa điểm "
                             f"{place}, lúc {fmt_local(taken_at)}. Mô tả dấu hiệu: "
                             f"{description}. Ảnh lưu làm chứng cứ số {record.id} "
                             f"({width}×{height}, {STREAM_VI[stream]}), tệp {relative}, "
                             f"mã SHA-256 {digest}."),
                    occurred_at=taken_at, place=place or None))
                record.log_entry_id = entry.id
                s.flush()
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, TOPIC, record.id)
        except DatabaseUnavailable:
            # The COMMIT may have reached the server before the connection broke: keep
            # the file (an orphan file is harmless, a record without its file is not).
            log.warning("evidence file %s kept: the database became unreachable", relative)
            raise
        except BaseException:
            # The database refused the record: no record points to the file.
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        log.info("evidence %s saved: camera %s, %s, sha256 %s", record.id, cam.code, relative,
                 digest)
        return record

    def get(self, evidence_id: int) -> Evidence:
        with self.db.read() as s:
            record = s.get(Evidence, evidence_id)
        if record is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The evidence record does not exist."))
        return record

    def read(self, record: Evidence) -> bytes:
        return self.path_of(record).read_bytes()

    def verify(self, record: Evidence) -> EvidenceCheck:
        """Re-hash the file and compare with the database."""
        try:
            data = self.path_of(record).read_bytes()
        except FileNotFoundError:
            return EvidenceCheck(False, None, QT_TRANSLATE_NOOP(
                "errors", "The evidence file is missing."))
        except OSError as exc:
            log.warning("evidence %s unreadable: %s", record.id, exc)
            return EvidenceCheck(False, None, QT_TRANSLATE_NOOP(
                "errors", "The evidence file cannot be read."))
        digest = sha256_of(data)
        if digest != record.sha256:
            return EvidenceCheck(False, digest, QT_TRANSLATE_NOOP(
                "errors", "The evidence file was changed: its SHA-256 no longer matches the "
                          "database."))
        return EvidenceCheck(True, digest)

    def for_shift(self, desk_id: int, shift: Shift | int) -> list[Evidence]:
        """The shift's screenshots (by the shift's time span), oldest first."""
        with self.db.read() as s:
            if isinstance(shift, int):
                found = s.get(Shift, shift)
                if found is None:
                    return []
                shift = found
            return list(s.scalars(select(Evidence).where(
                Evidence.desk_id == desk_id, Evidence.taken_at >= shift.starts_at,
                Evidence.taken_at < shift.ends_at).order_by(Evidence.taken_at, Evidence.id)))

    def link_incident(self, actor: CurrentUser, evidence_id: int, incident_id: int | None
                      ) -> Evidence:
        """Attach the incident the evidence supports (None detaches it)."""
        require(actor, Permission.LOG_WRITE)
        with self.db.write() as s:
            record = s.get(Evidence, evidence_id)
            if record is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The evidence record does not exist."))
            if incident_id is not None and s.get(Incident, incident_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
            record.incident_id = incident_id
            s.flush()
            record_change(s, self.clock, record.desk_id, TOPIC, record.id)
            return record


__all__ = ["STREAMS", "Evidence", "EvidenceCheck", "EvidenceStore", "sha256_of"]
