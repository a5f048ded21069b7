"""The image check's record (app/cameras/image_check.py) with the real comparison
(video/drift.py), on both databases: a reference picture kept per camera and watch
position (camera-map keepers only), a passing check recorded without a notice, a
shifted view recorded as a fault with its duty-log entry and its notice to the
camera's managing unit."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from app.cameras.registry import seed_demo_cameras
from app.db.models import LogEntry, Notice
from app.errors import PermissionDenied, ValidationError
from video.drift import compare, summary_vi


def _scene(seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((360, 640, 3), 90, np.uint8)
    for _ in range(60):   # containers of varied colours and sizes
        x, y = rng.integers(0, 600), rng.integers(0, 330)
        w, h = rng.integers(20, 90), rng.integers(12, 50)
        img[y:y + h, x:x + w] = rng.integers(30, 230, 3)
        img[y:y + h:6, x:x + w] = 20
    return img


def _png(rgb: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="PNG")
    return out.getvalue()


def test_reference_then_checks_record_faults_with_log_and_notice(ctx, users, desk):
    seed_demo_cameras(ctx, 9)
    checks = ctx.image_checks
    scene = _scene()
    with pytest.raises(PermissionDenied):
        checks.set_reference(users["giamsat1"], "DV-CAM-04", "", _png(scene), 640, 360)
    with pytest.raises(ValidationError):
        checks.set_reference(users["admin"], "DV-CAM-04", "", b"not a png", 640, 360)
    info = checks.set_reference(users["admin"], "DV-CAM-04", "", _png(scene), 640, 360)
    ref_info, png = checks.reference("DV-CAM-04", "")
    assert ref_info.sha256 == info.sha256 and png == _png(scene)
    reference = np.array(Image.open(io.BytesIO(png)).convert("RGB"))

    same = compare(reference, scene)
    ok = checks.record(users["giamsat1"], desk.id, "DV-CAM-04", "", same.verdict.value,
                       summary_vi(same))
    assert ok.verdict == "ok" and ok.notice_id is None and ok.log_entry_id is None

    shifted = np.roll(scene, 60, axis=1)   # the view moved ~9 % to the side
    moved = compare(reference, shifted)
    assert moved.verdict.value == "drift"
    fault = checks.record(users["giamsat1"], desk.id, "DV-CAM-04", "", moved.verdict.value,
                          summary_vi(moved))
    with ctx.db.read() as s:
        entry = s.get(LogEntry, fault.log_entry_id)
        notice = s.get(Notice, fault.notice_id)
        cam = ctx.cameras.camera("DV-CAM-04")
    assert entry.kind == "system_fault" and "DV-CAM-04" in entry.content
    assert "lệch" in entry.content
    assert notice.unit_id == cam.unit_id and notice.source_kind == "image_check"
    assert [r.verdict for r in checks.results("DV-CAM-04")] == ["drift", "ok"]
    with pytest.raises(ValidationError):
        checks.record(users["giamsat1"], desk.id, "DV-CAM-04", "", "fine", "")
