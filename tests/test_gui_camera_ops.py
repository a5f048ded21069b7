"""The camera wall's duty-room work through the real widgets, on both databases:
screenshot evidence from a sub-stream tile saved at the main stream's resolution
(metadata, SHA-256 = the database's, a duty-log entry); a camera outage longer than
the threshold → a system-fault entry and a notice to the managing unit, closed when
the camera is back; an area checklist worked through → one duty-log entry."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.cameras.registry import seed_demo_cameras
from app.db.models import LogEntry, Notice
from tests.gui_helpers import console, type_text
from tests.helpers.rtsp import FAST, RtspServer, main, sub
from video.snapshot import image_size, read_meta
from video.stream import State
from widgets.wall.checklist_panel import ChecklistPanel
from widgets.wall.directory import load_directory
from widgets.wall.evidence import EvidenceFlow, EvidenceGallery
from widgets.wall.health import OutageWatch
from widgets.wall.layouts import CellContent, WallView
from widgets.wall.tile import join_retired
from widgets.wall.wall import CameraWall, live_count

CAMS = ("DV-CAM-01", "DV-CAM-02")


def _mounts() -> list[dict]:
    out = []
    for code in CAMS:
        out += [sub(f"/{code}/sub", label=code, pattern="smpte"),
                main(f"/{code}/main", label=code, pattern="smpte")]
    return out


@pytest.fixture(scope="module")
def rtsp() -> Iterator[RtspServer]:
    server = RtspServer(_mounts())
    yield server
    server.close()


def _wall(qtbot, ctx, codes, size=(800, 450)) -> CameraWall:  # type: ignore[no-untyped-def]
    cameras = load_directory(ctx.cameras)
    wall = CameraWall(cameras, WallView(layout="4", cells=[CellContent((c,)) for c in codes]),
                      config=FAST)
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.show()
    return wall


def _close(wall: CameraWall) -> None:
    wall.shutdown()
    wall.close()
    assert join_retired(10)


def test_screenshot_from_a_sub_stream_tile_is_main_resolution_evidence(qtbot, ctx, users, rtsp):
    seed_demo_cameras(ctx, rtsp.port)
    wall = _wall(qtbot, ctx, ["DV-CAM-01"])
    try:
        qtbot.waitUntil(lambda: live_count(wall) == 1, timeout=15000)
        tile = wall.cells[0].tile
        assert tile.stream_kind == "sub" and tile.last_frame.source_width == 640
        with console(ctx, users["giamsat1"]) as session:
            flow = EvidenceFlow(session)
            flow.take(wall.cameras["DV-CAM-01"], wall)
            qtbot.waitUntil(lambda: flow.dialog is not None, timeout=15000)
            dialog = flow.dialog
            assert "DV-CAM-01" in dialog.windowTitle()
            dialog.buttons.accepted.emit()          # no description: refused, stays open
            assert dialog.isVisible()
            type_text(dialog.description, "Xe đầu kéo 29C-123.45 dừng lâu ở cổng A")
            with qtbot.waitSignal(flow.evidenceSaved, timeout=15000) as saved:
                qtbot.keyClick(dialog.description, Qt.Key.Key_Return,
                               Qt.KeyboardModifier.ControlModifier)
            record = saved.args[0]
            assert (record.width, record.height, record.stream) == (1280, 720, "main")
            png = ctx.evidence.path_of(record).read_bytes()
            assert hashlib.sha256(png).hexdigest() == record.sha256
            assert image_size(png) == (1280, 720)
            meta = read_meta(png)
            assert meta.camera_code == "DV-CAM-01" and "29C-123.45" in meta.description
            assert meta.officer == users["giamsat1"].full_name
            with ctx.db.read() as s:
                entry = s.get(LogEntry, record.log_entry_id)
            assert record.sha256 in entry.content and "DV-CAM-01" in entry.content
            assert ctx.evidence.verify(record).ok
            # the shift's gallery: the thumbnail, the picture, the file's integrity
            gallery = EvidenceGallery(session)
            qtbot.addWidget(gallery)
            gallery.load()
            qtbot.waitUntil(lambda: gallery.list.count() == 1, timeout=10000)
            item = gallery.list.item(0)
            assert "DV-CAM-01" in item.text() and not item.icon().isNull()
            gallery.list.setCurrentItem(item)
            gallery.verify_selected()
            qtbot.waitUntil(lambda: "SHA-256" in gallery.status.text(), timeout=10000)
            gallery._open(gallery.list.currentItem())
            qtbot.waitUntil(lambda: getattr(gallery, "viewer", None) is not None, timeout=10000)
            gallery.viewer.close()
            path = ctx.evidence.path_of(record)
            path.write_bytes(path.read_bytes() + b"tampered")
            gallery.verify_selected()
            qtbot.waitUntil(lambda: "NOT INTACT" in gallery.status.text(), timeout=10000)
    finally:
        _close(wall)


def test_an_outage_is_logged_notified_and_closed_when_the_camera_is_back(qtbot, ctx, users):
    server = RtspServer(_mounts())
    try:
        seed_demo_cameras(ctx, server.port)
        wall = _wall(qtbot, ctx, ["DV-CAM-02"])
        with console(ctx, users["giamsat1"]) as session:
            watch = OutageWatch(session, threshold_s=1.0, tick_ms=100)
            wall.cameraStateChanged.connect(watch.report)
            watch.start()
            try:
                qtbot.waitUntil(lambda: live_count(wall) == 1, timeout=15000)
                server.stop()
                qtbot.waitUntil(lambda: wall.cells[0].tile.state is not State.LIVE,
                                timeout=10000)
                assert not ctx.camera_health.open_outages()    # not yet: under the threshold
                ctx.clock.advance(timedelta(seconds=2))         # the test's clock stands still
                qtbot.waitUntil(lambda: bool(ctx.camera_health.open_outages()), timeout=15000)
                [info] = ctx.camera_health.open_outages()
                assert info.camera.code == "DV-CAM-02"
                with ctx.db.read() as s:
                    entry = s.query(LogEntry).filter(
                        LogEntry.kind == "system_fault").order_by(LogEntry.id.desc()).first()
                    notice = s.query(Notice).filter(Notice.source_kind == "camera_outage").one()
                assert "DV-CAM-02" in entry.content
                assert notice.unit_id == info.camera.unit_id and notice.source_ref == "DV-CAM-02"
                server.start()
                qtbot.waitUntil(lambda: wall.cells[0].tile.state is State.LIVE, timeout=20000)
                ctx.clock.advance(timedelta(seconds=2))
                qtbot.waitUntil(lambda: not ctx.camera_health.open_outages(), timeout=20000)
                [closed] = ctx.camera_health.history("DV-CAM-02")
                assert closed.ended_at is not None
            finally:
                watch.stop()
        _close(wall)
    finally:
        server.close()


def test_an_area_checklist_worked_through_ends_in_the_log(qtbot, ctx, users):
    seed_demo_cameras(ctx, 9)
    with console(ctx, users["giamsat1"]) as session:
        panel = ChecklistPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        panel.load()
        qtbot.waitUntil(lambda: panel.site.count() > 0, timeout=10000)
        panel.site.setCurrentIndex(next(i for i in range(panel.site.count())
                                        if "Hữu Nghị" in panel.site.itemText(i)))
        panel.start()
        qtbot.waitUntil(lambda: panel.progress is not None, timeout=10000)
        zones = panel.progress.checklist.zones
        opened: list[list[str]] = []
        panel.openCameras.connect(opened.append)
        panel.open_selected()
        assert opened and all(c.startswith("HN-") for c in opened[0])
        panel.tick("problem")                      # a problem needs a remark
        assert "remark" in panel.status.text().lower() or panel.status.text()
        for i in range(len(zones)):
            done = len(panel.progress.ticks)
            if i == 0:
                type_text(panel.remark, "Camera HN-CAM-03 bị lóa nắng")
                panel.tick("problem")
            else:
                panel.tick("ok")
            qtbot.waitUntil(lambda d=done: len(panel.progress.ticks) == d + 1, timeout=10000)
        assert panel.finish_button.isEnabled()
        with qtbot.waitSignal(panel.finished, timeout=10000) as fin:
            panel.finish()
        run = fin.args[0]
        with ctx.db.read() as s:
            entry = s.get(LogEntry, run.log_entry_id)
        assert "lóa nắng" in entry.content
