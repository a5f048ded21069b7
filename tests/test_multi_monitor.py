"""The main window comes back on the monitor it was left on (layout saved per
workstation), with Qt's offscreen platform given two screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HELPER = Path(__file__).resolve().parent / "helpers" / "screens_child.py"


def _two_screens(tmp_path: Path) -> dict[str, str]:
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "LEFT", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
        {"name": "RIGHT", "x": 1920, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
               CUSTOMS_CONFIG_DIR=str(tmp_path / "cfg"))
    env.pop("CUSTOMS_DB_URL", None)
    return env


def _run(tmp_path: Path, mode: str) -> list[str]:
    r = subprocess.run([sys.executable, str(HELPER), str(tmp_path / "data"), mode],
                       env=_two_screens(tmp_path), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()


def test_window_returns_to_its_monitor(tmp_path):
    def run(mode: str) -> str:
        return _run(tmp_path, mode)[-1]

    saved = run("save")
    assert "screens=2 screen=RIGHT" in saved
    restored = run("restore")
    assert "screen=RIGHT" in restored
    assert int(restored.rsplit("x=", 1)[1]) >= 1920


def test_walls_come_back_on_their_monitors_with_their_cameras(tmp_path):
    saved = sorted(line for line in _run(tmp_path, "wall-save") if line.startswith("wall "))
    assert len(saved) == 2
    restored = sorted(line for line in _run(tmp_path, "wall-restore") if line.startswith("wall "))
    assert restored == saved
    right = next(line for line in restored if "layout=9" in line)
    assert "screen=RIGHT" in right and int(right.split("x=")[1].split()[0]) >= 1920
    assert "cells=DV-CAM-01;;DV-CAM-02,DV-CAM-03" in right    # a sequence kept too
    assert "screen=LEFT" in next(line for line in restored if "layout=1+5" in line)
