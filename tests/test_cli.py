"""The command line as operators and automated checks use it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], tmp_path: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               CUSTOMS_DATA_DIR=str(tmp_path / "data"), CUSTOMS_CONFIG_DIR=str(tmp_path / "cfg"))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _log_rows(tmp_path: Path) -> list[tuple[str, str]]:
    """(kind, content) of every duty-log entry in the demo's database."""
    with closing(sqlite3.connect(str(tmp_path / "data" / "demo" / "demo.sqlite"))) as c:
        return list(c.execute("SELECT kind, content FROM log_entry ORDER BY seq"))


def _pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


@pytest.mark.slow
def test_demo_screenshot_and_print_and_verify(tmp_path):
    shot = tmp_path / "main.png"
    r = _run(["--demo", "--screenshot", str(shot)], tmp_path)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage  # noqa: PLC0415

    img = QImage(str(shot))
    assert img.width() >= 1200 and img.height() >= 700
    seeded = _log_rows(tmp_path)
    log_shot = tmp_path / "log.png"
    r = _run(["--demo", "--screenshot", str(log_shot), "--view", "log"], tmp_path)
    assert r.returncode == 0 and log_shot.exists(), r.stderr
    # a screenshot run writes nothing to the log: no start-of-shift camera check (the
    # simulators are not running), no outage, no escalation, under nobody's name
    assert _log_rows(tmp_path) == seeded
    console_shot = tmp_path / "supervisor.png"
    r = _run(["--demo", "--screenshot", str(console_shot), "--view", "supervisor"], tmp_path)
    assert r.returncode == 0 and console_shot.exists(), r.stderr
    assert console_shot.read_bytes() != shot.read_bytes()
    assert QImage(str(console_shot)).size() != img.size()  # the console, not the window
    assert not any("Kiểm tra" in c and "camera PTZ" in c for _k, c in seeded)

    pdf = tmp_path / "log.pdf"
    r = _run(["--demo", "--print-log", "current", "--pdf", str(pdf)], tmp_path)
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = _pdftext(pdf)
        assert "NHẬT KÝ TRỰC BAN" in text
        assert "Thành phần trực ban" in text
        assert "cảng Đình Vũ" in text
        assert "In bởi" not in text and "CLI" not in text  # paper names no program

    r = _run(["--demo", "--verify-log"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "toàn vẹn" in r.stdout


def test_unreachable_database_exits_with_a_clear_message(tmp_path):
    r = _run(["--db", "postgresql+psycopg://postgres@127.0.0.1:1/none", "--verify-log"], tmp_path)
    assert r.returncode == 3
    assert "database unreachable" in r.stderr and "Traceback" not in r.stderr


def test_invalid_arguments_are_reported(tmp_path):
    r = _run(["--db", "not a url", "--verify-log"], tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = _run(["--demo", "--print-log", "2026-13-45", "--pdf", str(tmp_path / "x.pdf")], tmp_path)
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = _run(["--demo", "--print-log", "current"], tmp_path)
    assert r.returncode == 2 and "--pdf" in r.stderr
