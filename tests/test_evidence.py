"""Screenshot evidence (Đ14.1.2b): the saved PNG's SHA-256 equals the database's,
its metadata round-trips, a duty-log entry names camera, place, description and
hash; verify() catches a changed or missing file; the shift's gallery; the
incident link; nothing is left behind when the database refuses the record."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func, select

from app.cameras.registry import seed_demo_cameras
from app.clock import to_local
from app.db.models import Evidence, LogEntry
from app.errors import NotFound, PermissionDenied, ValidationError
from app.workflow.incidents import IncidentDraft
from video.snapshot import encode_png, meta_for, read_meta


@pytest.fixture
def cams(ctx):
    seed_demo_cameras(ctx)
    return {c.code: c for c in ctx.cameras.cameras()}


def _png(cam, ctx, officer_name: str, description: str, w: int = 160, h: int = 90) -> bytes:
    rng = np.random.default_rng(7)
    frame = rng.integers(0, 255, (h, w, 4), dtype=np.uint8)  # bgra, as the decoder gives it
    return encode_png(frame, meta_for(cam, ctx.clock.now(), description, officer_name, w, h,
                                      "main"))


def _files(ctx) -> list:
    return sorted(p for p in ctx.evidence.root.rglob("*") if p.is_file())


def test_save_writes_file_record_and_entry(ctx, users, desk, cams):
    officer = users["giamsat1"]
    shift = ctx.roster.current_shift(desk.id)
    cam = cams["DV-CAM-03"]
    description = "Container TGHU 123456-7 bị mở cửa trên bãi khi chưa có công chức giám sát"
    png = _png(cam, ctx, officer.full_name, description)
    rec = ctx.evidence.save(officer, desk.id, cam.code, png, ctx.clock.now(), description,
                            160, 90, "main")

    path = ctx.evidence.path_of(rec)
    assert path.read_bytes() == png
    assert hashlib.sha256(path.read_bytes()).hexdigest() == rec.sha256
    local = to_local(ctx.clock.now())
    assert rec.path.startswith(f"{local:%Y/%m/%d}/DV-CAM-03_{local:%Y%m%d-%H%M%S}_")
    assert path.suffix == ".png"
    assert path == ctx.data_dir / "evidence" / rec.path
    assert [p.name for p in _files(ctx)] == [path.name]  # no temporary file left
    with ctx.db.read() as s:
        stored = s.get(Evidence, rec.id)
        entry = s.get(LogEntry, rec.log_entry_id)
    assert (stored.sha256, stored.width, stored.height, stored.stream, stored.size_bytes) == (
        rec.sha256, 160, 90, "main", len(png))
    assert (stored.camera_id, stored.camera_code, stored.created_by, stored.desk_id) == (
        cam.id, "DV-CAM-03", officer.id, desk.id)
    assert stored.place == "Cảng Đình Vũ, Khu vực bến tập kết hàng hóa"
    assert stored.shift_id == shift.id
    assert stored.incident_id is None
    assert entry.kind == "work" and entry.desk_id == desk.id
    for part in ("DV-CAM-03", "Bãi container số 1", stored.place, description, rec.sha256,
                 rec.path):
        assert part in entry.content
    assert entry.place == stored.place and entry.occurred_at == rec.taken_at

    meta = read_meta(ctx.evidence.read(rec))
    assert (meta.camera_code, meta.site, meta.description, meta.officer) == (
        "DV-CAM-03", "Cảng Đình Vũ", description, officer.full_name)
    assert (meta.source_width, meta.source_height, meta.stream) == (160, 90, "main")
    assert meta.taken_at_utc == rec.taken_at
    assert ctx.evidence.verify(rec).ok
    assert ctx.dutylog.verify(desk.id).ok


def test_verify_detects_a_changed_or_missing_file(ctx, users, desk, cams):
    officer = users["giamsat1"]
    png = _png(cams["HN-CAM-05"], ctx, officer.full_name, "Hàng hóa bốc dỡ ngoài giờ")
    rec = ctx.evidence.save(officer, desk.id, "HN-CAM-05", png, ctx.clock.now(),
                            "Hàng hóa bốc dỡ ngoài giờ", 160, 90)
    path = ctx.evidence.path_of(rec)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF
    path.write_bytes(bytes(data))
    check = ctx.evidence.verify(rec)
    assert not check.ok and check.sha256 != rec.sha256 and "changed" in check.problem
    path.unlink()
    check = ctx.evidence.verify(rec)
    assert not check.ok and check.sha256 is None and "missing" in check.problem


def test_gallery_of_the_shift_and_incident_link(ctx, users, desk, cams):
    officer = users["giamsat1"]
    shift = ctx.roster.current_shift(desk.id)
    ctx.clock.set(shift.starts_at + timedelta(hours=2))  # the saves below stay in this shift
    saved = []
    for code in ("DV-CAM-01", "HN-CAM-03"):
        png = _png(cams[code], ctx, officer.full_name, f"Dấu hiệu bất thường {code}")
        saved.append(ctx.evidence.save(officer, desk.id, code, png, ctx.clock.now(),
                                       f"Dấu hiệu bất thường {code}", 160, 90, "sub"))
        ctx.clock.advance(timedelta(minutes=3))
    ctx.clock.set(shift.ends_at + timedelta(hours=1))  # next shift
    png = _png(cams["DV-CAM-02"], ctx, officer.full_name, "Ca sau")
    ctx.evidence.save(officer, desk.id, "DV-CAM-02", png, ctx.clock.now(), "Ca sau", 160, 90)
    assert [e.id for e in ctx.evidence.for_shift(desk.id, shift)] == [r.id for r in saved]
    assert [e.id for e in ctx.evidence.for_shift(desk.id, shift.id)] == [r.id for r in saved]

    incident = ctx.incidents.create(officer, desk.id, IncidentDraft(
        content="Nghi vấn sang tải hàng hóa tại bãi kiểm hóa", place="Hữu Nghị"))
    linked = ctx.evidence.link_incident(officer, saved[1].id, incident.id)
    assert linked.incident_id == incident.id
    assert ctx.evidence.get(saved[1].id).incident_id == incident.id
    with pytest.raises(NotFound):
        ctx.evidence.link_incident(officer, saved[1].id, 99999)


def test_bad_input_leaves_nothing(ctx, users, desk, cams):
    officer = users["giamsat1"]
    png = _png(cams["DV-CAM-01"], ctx, officer.full_name, "x")
    now = ctx.clock.now()
    with pytest.raises(ValidationError):
        ctx.evidence.save(officer, desk.id, "DV-CAM-01", png, now, "   ", 160, 90)
    with pytest.raises(ValidationError):
        ctx.evidence.save(officer, desk.id, "DV-CAM-01", b"not a png", now, "Mô tả", 160, 90)
    with pytest.raises(ValidationError):
        ctx.evidence.save(officer, desk.id, "DV-CAM-01", png, now, "Mô tả", 160, 90, "hd")
    with pytest.raises(NotFound):
        ctx.evidence.save(officer, desk.id, "NO-CAM", png, now, "Mô tả", 160, 90)
    with pytest.raises(PermissionDenied):
        ctx.evidence.save(users["cuctruong"], desk.id, "DV-CAM-01", png, now, "Mô tả", 160, 90)
    # The database refuses the record (no such desk): the file written first is removed.
    with pytest.raises(Exception):  # noqa: B017 - the database's own integrity error
        ctx.evidence.save(officer, 99999, "DV-CAM-01", png, now, "Mô tả", 160, 90)
    assert _files(ctx) == []
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0


def test_file_is_kept_when_the_database_goes_away(ctx, users, desk, cams, monkeypatch):
    """The COMMIT may have landed before the connection broke: never delete the file then."""
    import contextlib  # noqa: PLC0415

    from app.errors import DatabaseUnavailable  # noqa: PLC0415

    @contextlib.contextmanager
    def unreachable():
        raise DatabaseUnavailable("The database is unreachable: {reason}", reason="test")
        yield  # pragma: no cover

    officer = users["giamsat1"]
    png = _png(cams["DV-CAM-01"], ctx, officer.full_name, "x")
    monkeypatch.setattr(ctx.evidence.db, "write", unreachable)
    with pytest.raises(DatabaseUnavailable):
        ctx.evidence.save(officer, desk.id, "DV-CAM-01", png, ctx.clock.now(), "Mô tả", 160, 90)
    assert [p.read_bytes() for p in _files(ctx)] == [png]


def test_evidence_folder_setting(db_url, tmp_path, clock):
    from app.context import AppContext  # noqa: PLC0415
    from app.db.engine import Database  # noqa: PLC0415
    from app.settings import Settings  # noqa: PLC0415

    shared = tmp_path / "shared-evidence"
    c = AppContext(settings=Settings(data_dir=str(tmp_path / "d"), evidence_dir=str(shared)),
                   clock=clock, db=Database(db_url), data_dir=tmp_path / "d")
    try:
        assert c.evidence.root == shared
    finally:
        c.close()
