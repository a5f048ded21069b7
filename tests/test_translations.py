"""The Vietnamese translation (resources/i18n/dutyroom_vi.ts) is complete, keeps
what the code substitutes or needs (placeholders, accelerators, HTML tags,
shortcut names), is NFC, is up to date with the code (lupdate finds nothing
new) and compiles into a .qm that Qt loads and uses."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "dutyroom_vi.ts"
FIX = "run `bash resources/i18n/update.sh`, then translate the new entries in " \
      "resources/i18n/dutyroom_vi.ts"

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta)\+[\w+]+|\bF\d{1,2}\b|\bEsc\b")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None, f"{name}: {msg.findtext('source')!r} has no <translation>"
            out.append((name, msg.findtext("source") or "", tr))
    return out


def _accelerators(text: str) -> list[str]:
    """The characters marked with a single & (&& is a literal ampersand)."""
    return [m.group(1) for m in re.finditer(r"(?<!&)&([^&\s])", text.replace("&&", ""))]


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    assert found, f"{name} not found (run `bash .ci/setup test`)"
    return found


def _sources() -> list[str]:
    """The same files as resources/i18n/update.sh: the Python files of app/, widgets/,
    video/ and forms/ that git tracks or would add (not ignored), without the migrations
    (all of them outside a git checkout)."""
    patterns = ["app/*.py", "app/**/*.py", "widgets/*.py", "widgets/**/*.py", "video/*.py",
                "video/**/*.py", "forms/*.py"]
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others",
                                 "--exclude-standard", *patterns], cwd=ROOT, check=True,
                                capture_output=True, text=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        listed = sorted(str(p.relative_to(ROOT)) for d in ("app", "widgets", "video", "forms")
                        for p in (ROOT / d).rglob("*.py"))
    files = [f for f in listed if "migrations" not in f]
    assert files, "no source files found for lupdate"
    return files


# -- (a) the .ts itself ----------------------------------------------------------------------
def test_every_message_is_translated_and_finished() -> None:
    problems = []
    for ctx, src, tr in _messages(TS):
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{ctx}: {src!r} is {tr.get('type')}")
        elif not (tr.text or "").strip():
            problems.append(f"{ctx}: {src!r} has an empty translation")
    assert not problems, f"{len(problems)} message(s) not translated ({FIX}):\n" + \
        "\n".join(problems)


def test_translations_keep_placeholders_tags_shortcuts_and_accelerators() -> None:
    problems = []
    for ctx, src, tr in _messages(TS):
        text = tr.text or ""
        if set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {src!r}: placeholders {sorted(set(PLACEHOLDER.findall(src)))}"
                            f" != {sorted(set(PLACEHOLDER.findall(text)))} in {text!r}")
        if Counter(TAG.findall(src)) != Counter(TAG.findall(text)):
            problems.append(f"{ctx}: {src!r}: HTML tags differ in {text!r}")
        if Counter(SHORTCUT.findall(src)) != Counter(SHORTCUT.findall(text)):
            problems.append(f"{ctx}: {src!r}: shortcut names differ in {text!r}")
        src_acc, tr_acc = _accelerators(src), _accelerators(text)
        if len(src_acc) != len(tr_acc):
            problems.append(f"{ctx}: {src!r}: {len(src_acc)} accelerator(s) in the source, "
                            f"{len(tr_acc)} in {text!r}")
        elif any(not (c.isascii() and c.isalnum()) for c in tr_acc):
            problems.append(f"{ctx}: {text!r}: the accelerator must be a plain letter or digit "
                            "(Alt+Ư cannot be typed)")
    assert not problems, "\n".join(problems)


def test_accelerators_stay_unique_where_the_source_ones_are() -> None:
    """Within a context whose English accelerators are all different (a form, a
    dialog), the Vietnamese ones must be different too."""
    by_ctx: dict[str, list[tuple[str, str]]] = {}
    for ctx, src, tr in _messages(TS):
        for s, t in zip(_accelerators(src), _accelerators(tr.text or ""), strict=False):
            by_ctx.setdefault(ctx, []).append((s.lower(), t.lower()))
    problems = []
    for ctx, pairs in by_ctx.items():
        sources = [s for s, _ in pairs]
        targets = [t for _, t in pairs]
        if len(set(sources)) == len(sources) and len(set(targets)) != len(targets):
            twice = sorted(c for c, n in Counter(targets).items() if n > 1)
            problems.append(f"{ctx}: accelerator(s) {twice} used twice")
    assert not problems, "\n".join(problems)


def test_translations_are_nfc() -> None:
    bad = [f"{ctx}: {src!r}" for ctx, src, tr in _messages(TS)
           if not unicodedata.is_normalized("NFC", tr.text or "")]
    assert not bad, "translations not in Unicode NFC:\n" + "\n".join(bad)


# -- (b) the .ts is up to date with the code -------------------------------------------------
def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "dutyroom_vi.ts"
    shutil.copyfile(TS, copy)
    run = subprocess.run([_tool("pyside6-lupdate"), *_sources(), "-no-obsolete",
                          "-ts", str(copy), "-target-language", "vi_VN"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)",
                      run.stdout)
    assert found, f"unexpected lupdate output:\n{run.stdout}{run.stderr}"
    new = int(found.group(2))
    fresh = _messages(copy)
    unfinished = [f"{ctx}: {src!r}" for ctx, src, tr in fresh
                  if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert new == 0 and not unfinished, \
        f"{new} new string(s) in the code, untranslated ({FIX}):\n" + "\n".join(unfinished)
    stored = {(ctx, src) for ctx, src, _ in _messages(TS)}
    current = {(ctx, src) for ctx, src, _ in fresh}
    gone = sorted(stored - current)
    assert not gone, f"strings no longer in the code ({FIX}):\n" + \
        "\n".join(f"{ctx}: {src!r}" for ctx, src in gone)


# -- (c) the compiled translation is used by Qt ----------------------------------------------
KEY_STRINGS = [
    ("MainWindow", "&Duty log", "Nhật ký"),
    ("labels", "Incident", "Vụ việc phát sinh"),
    ("labels", "Work done", "Nội dung thực hiện"),
    ("labels", "Directive", "Nội dung chỉ đạo"),
    ("labels", "Result", "Kết quả thực hiện"),
    ("labels", "System fault", "Sự cố hệ thống"),
    ("labels", "Shift leader", "Lãnh đạo ca trực"),
    ("labels", "Room-level leader", "Lãnh đạo cấp phòng trực ban"),
    ("labels", "Surveillance officer", "Công chức giám sát trực tuyến"),
    ("MainWindow", "&Lock screen", "Khóa màn hình"),
    ("MainWindow", "Office hours", "giờ hành chính"),
    ("LoginDialog", "Log in", "Đăng nhập"),
    ("errors", "The database is unreachable: {reason}",
     "Không kết nối được cơ sở dữ liệu: {reason}"),
]


def test_compiled_translation_is_loaded_by_qt(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: PLC0415

    qm = tmp_path / "dutyroom_vi.qm"
    run = subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and qm.exists(), run.stdout + run.stderr
    assert "untranslated" not in run.stdout, run.stdout
    translator = QTranslator()
    assert translator.load(str(qm)), f"QTranslator cannot load {qm}"
    assert qapp.installTranslator(translator)
    try:
        for ctx, src, expected in KEY_STRINGS:
            got = QCoreApplication.translate(ctx, src)
            assert expected in got.replace("&", ""), f"{ctx}: {src!r} -> {got!r}"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("labels", "Incident") == "Incident"
