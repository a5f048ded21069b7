"""The image check of watch positions (Đ14.1.1b for fixed cameras, and PTZ cameras that
report no position): a reference picture per camera and watch position, kept in the
shared database so every console compares with the same one, and the record of each
check. The comparison itself is video/drift.py's; this module takes its verdict as plain
values (the core imports no video code).

A failed check is a camera fault (Đ14.1.1d): in one transaction, the result, a
system-fault entry in the duty log (the finding in Vietnamese) and a notice to the
camera's managing unit. A check that passes, or cannot compare, is recorded without a
notice."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import Camera, ImageCheckResult, Notice, OrgUnit, ReferenceImage
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError

log = logs.get("cameras.image")
TOPIC = Topic.IMAGE_CHECK
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FAULTS = frozenset({"drift", "blur", "blackout", "glare", "obstruction"})
VERDICTS = FAULTS | {"ok", "cannot_compare"}
VERDICT_VI = {"ok": "đúng vị trí tham chiếu", "drift": "lệch góc quan sát",
              "blur": "hình ảnh bị mờ", "blackout": "mất hình (tối đen)",
              "glare": "hình ảnh bị chói, lóa", "obstruction": "bị che khuất",
              "cannot_compare": "không so sánh được bằng hình ảnh"}


@dataclass(frozen=True)
class ReferenceInfo:
    camera_code: str
    position: str
    sha256: str
    width: int
    height: int
    taken_at: datetime


class ImageChecks:
    """Reference pictures and image-check results."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog

    def _camera(self, s, code: str) -> Camera:
        cam = s.scalar(select(Camera).where(Camera.code == code))
        if cam is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."), code=code)
        return cam

    # -- references ----------------------------------------------------------------------
    def set_reference(self, actor: CurrentUser, camera_code: str, position: str, png: bytes,
                      width: int, height: int) -> ReferenceInfo:
        """Keeps `png` as the camera's reference picture for `position` ("" for a fixed
        camera), replacing the previous one (camera-map keepers only)."""
        require(actor, Permission.CAMERA_MAP)
        if not png.startswith(PNG_SIGNATURE):
            raise ValidationError(QT_TRANSLATE_NOOP("errors",
                                                    "The reference picture is not a PNG image."))
        digest = hashlib.sha256(png).hexdigest()
        with self.db.write() as s:
            cam = self._camera(s, camera_code)
            row = s.scalar(select(ReferenceImage).where(
                ReferenceImage.camera_id == cam.id, ReferenceImage.position == position))
            if row is None:
                row = ReferenceImage(camera_id=cam.id, position=position)
                s.add(row)
            row.png, row.sha256, row.width, row.height = png, digest, int(width), int(height)
            row.taken_at, row.taken_by = self.clock.now(), actor.id
            s.flush()
            record_change(s, self.clock, None, TOPIC, row.id)
            log.info("reference picture of %s/%s set by %s", camera_code, position or "-",
                     actor.username)
            return ReferenceInfo(camera_code, position, digest, row.width, row.height,
                                 row.taken_at)

    def reference(self, camera_code: str, position: str) -> tuple[ReferenceInfo, bytes] | None:
        with self.db.read() as s:
            cam = self._camera(s, camera_code)
            row = s.scalar(select(ReferenceImage).where(
                ReferenceImage.camera_id == cam.id, ReferenceImage.position == position))
            if row is None:
                return None
            return (ReferenceInfo(camera_code, position, row.sha256, row.width, row.height,
                                  row.taken_at), bytes(row.png))

    def references(self) -> list[ReferenceInfo]:
        with self.db.read() as s:
            rows = s.execute(select(ReferenceImage, Camera.code).join(
                Camera, Camera.id == ReferenceImage.camera_id)).all()
        return [ReferenceInfo(code, r.position, r.sha256, r.width, r.height, r.taken_at)
                for r, code in rows]

    # -- results -------------------------------------------------------------------------
    def record(self, actor: CurrentUser, desk_id: int, camera_code: str, position: str,
               verdict: str, finding_vi: str) -> ImageCheckResult:
        """A check's verdict (video.drift's Verdict value) and its finding in Vietnamese;
        a fault writes the log entry and the notice in the same transaction."""
        require(actor, Permission.LOG_WRITE)
        if verdict not in VERDICTS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "'{verdict}' is not an image-check verdict."), verdict=verdict)
        with self.db.write() as s:
            cam = self._camera(s, camera_code)
            now = self.clock.now()
            result = ImageCheckResult(camera_id=cam.id, desk_id=desk_id, position=position,
                                      verdict=verdict, finding=finding_vi, checked_at=now,
                                      checked_by=actor.id)
            s.add(result)
            s.flush()
            if verdict in FAULTS:
                unit = s.get(OrgUnit, cam.unit_id)
                unit_name = unit.name if unit else ""
                place = ", ".join(p for p in (cam.site, cam.zone) if p)
                where = f" (vị trí quan sát {position})" if position else ""
                notice = Notice(
                    desk_id=desk_id, unit_id=cam.unit_id, contact=unit_name or None,
                    subject=f"Camera {cam.code} – {cam.name}: {VERDICT_VI[verdict]}"[:300],
                    body=(f"Kiểm tra hình ảnh camera {cam.code} – {cam.name} tại {place}"
                          f"{where} lúc {fmt_local(now)} so với hình ảnh tham chiếu: "
                          f"{finding_vi}. Đề nghị đơn vị quản lý kiểm tra, điều chỉnh góc "
                          "quan sát, độ phóng to theo dữ liệu bản đồ camera (Điều 14.1.1 "
                          "Quyết định 888/QĐ-TCHQ) và phản hồi kết quả."),
                    channel="phone", source_kind="image_check", source_ref=cam.code,
                    created_by=actor.id, created_at=now, status="draft")
                s.add(notice)
                s.flush()
                entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                    kind=EntryKind.SYSTEM_FAULT,
                    content=(f"Kiểm tra hình ảnh camera {cam.code} – {cam.name} ({place})"
                             f"{where}: {VERDICT_VI[verdict]} — {finding_vi}. Đã thông báo "
                             f"{unit_name or 'đơn vị quản lý camera'} kiểm tra, khắc phục "
                             "(Đ14.1.1)."),
                    occurred_at=now, place=place or None, unit_name=unit_name or None))
                result.log_entry_id, result.notice_id = entry.id, notice.id
                s.flush()
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.NOTICE, notice.id)
            record_change(s, self.clock, desk_id, TOPIC, result.id)
            return result

    def results(self, camera_code: str, limit: int = 50) -> list[ImageCheckResult]:
        with self.db.read() as s:
            cam = self._camera(s, camera_code)
            return list(s.scalars(select(ImageCheckResult).where(
                ImageCheckResult.camera_id == cam.id).order_by(
                ImageCheckResult.checked_at.desc(), ImageCheckResult.id.desc()).limit(limit)))


__all__ = ["FAULTS", "TOPIC", "VERDICTS", "VERDICT_VI", "ImageChecks", "ReferenceInfo"]
