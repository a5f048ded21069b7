"""What the simulated cameras burn into their pictures: their local date and time as
an officer reads them (dd/mm/yyyy, bottom right), no stream clock ("00:00:00.733
#11"), and no name when the tile names the camera (the demo's)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from video.sim import prepare
from video.sim.demo_site import demo_mounts

SIM = Path(__file__).resolve().parent.parent / "video" / "sim"


def _launch_line(mount: dict) -> str:
    """rtsp_server.launch_line, run with Debian's python3 (it imports GStreamer)."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import rtsp_server; "
            "print(rtsp_server.launch_line(json.loads(sys.argv[2])))")
    import json  # noqa: PLC0415

    return subprocess.run(["/usr/bin/python3", "-c", code, str(SIM), json.dumps(mount)],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def test_a_live_camera_burns_its_local_date_and_time():
    line = _launch_line({"path": "/cam/sub", "label": "CAM 01"})
    assert 'time-format="%d/%m/%Y %H:%M:%S"' in line and "halignment=right" in line
    assert 'textoverlay text="CAM 01"' in line


def test_the_demo_cameras_burn_no_name_and_the_files_no_stream_clock(tmp_path, monkeypatch):
    def not_prepared(*_a, **_k):  # type: ignore[no-untyped-def]
        raise FileNotFoundError("no pre-encoded files")

    monkeypatch.setattr(prepare, "simulator_mounts", not_prepared)  # the live fallback
    live = [m for m in demo_mounts() if not m.get("file")]
    assert live and all(m["label"] == "" for m in live)
    assert "textoverlay" not in _launch_line(live[0])
    recipe = prepare.Recipe(label="DV-CAM-01", width=640, height=360)
    assert "drawtext" not in prepare._filter(recipe, tmp_path / "label.txt")
