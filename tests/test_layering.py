"""The layers of DESIGN.md §4: the core imports no Qt, nothing below widgets/
imports widgets/. Checked statically (import-linter) and at run time."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout


def test_importing_the_whole_core_loads_no_qt():
    modules = ["app." + m.name for m in pkgutil.walk_packages([str(ROOT / "app")])
               if not m.name.startswith("db.migrations")]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = sorted(m for m in sys.modules "
            "if m.startswith(('PySide6', 'shiboken6', 'widgets')))\n"
            "assert not bad, bad\n"
            "print(len(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
