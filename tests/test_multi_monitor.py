"""The main window comes back on the monitor it was left on (layout saved per
workstation), with Qt's offscreen platform given two screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HELPER = Path(__file__).resolve().parent / "helpers" / "screens_child.py"


def test_window_returns_to_its_monitor(tmp_path):
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "LEFT", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
        {"name": "RIGHT", "x": 1920, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
               CUSTOMS_CONFIG_DIR=str(tmp_path / "cfg"))
    env.pop("CUSTOMS_DB_URL", None)

    def run(mode: str) -> str:
        r = subprocess.run([sys.executable, str(HELPER), str(tmp_path / "data"), mode], env=env,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip().splitlines()[-1]

    saved = run("save")
    assert "screens=2 screen=RIGHT" in saved
    restored = run("restore")
    assert "screen=RIGHT" in restored
    assert int(restored.rsplit("x=", 1)[1]) >= 1920
