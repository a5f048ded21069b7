"""Only `app/clock.py` reads the wall clock. Every other module of the client is
handed a clock, so that the suite can move the date of the whole client
(`pytest --t0 …`) and nothing escapes to the machine's calendar.

The simulators (`video/sim/`, `datasources/**/sim/`) are programs of their own
standing for the outside world (a camera's clock is the camera's), and are not
the client; benchmarks measure real time."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import T0

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ("app", "widgets", "video", "forms", "datasources")
ALLOWED = {ROOT / "app" / "clock.py"}

# attribute chains whose call reads the wall clock
WALL_CLOCK = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
    ("date", "today"), ("time", "time"), ("time", "time_ns"), ("time", "localtime"),
    ("time", "gmtime"), ("time", "ctime"), ("time", "asctime"), ("time", "strftime"),
    ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QDateTime", "currentSecsSinceEpoch"),
    ("QDate", "currentDate"), ("QTime", "currentTime"),
}


def _client_files() -> list[Path]:
    files = [ROOT / "main.py"]
    for top in CLIENT:
        for path in (ROOT / top).rglob("*.py"):
            if "sim" in path.relative_to(ROOT).parts:
                continue
            files.append(path)
    return [f for f in files if f not in ALLOWED]


def wall_clock_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every call that reads the wall clock in `source`."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        if (name, node.func.attr) in WALL_CLOCK:
            out.append((node.lineno, f"{name}.{node.func.attr}()"))
    return out


def test_the_rule_finds_each_kind_of_call() -> None:
    sample = ("import datetime as dt\nfrom datetime import date, datetime\nimport time\n"
              "a = datetime.now()\nb = dt.datetime.utcnow()\nc = date.today()\n"
              "d = time.time()\ne = QDateTime.currentDateTime()\nf = time.monotonic()\n"
              "g = clock.now()\n")
    assert [line for line, _ in wall_clock_calls(sample)] == [4, 5, 6, 7, 8]


def test_no_client_module_reads_the_wall_clock() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {call}"
             for path in _client_files()
             for line, call in wall_clock_calls(path.read_text(encoding="utf-8"))]
    assert found == [], "read the injected clock instead:\n" + "\n".join(found)


def test_the_suite_runs_on_the_clock_it_was_given(clock) -> None:  # type: ignore[no-untyped-def]
    """`--t0` (or CUSTOMS_TEST_T0) reaches the modules that imported T0 and the clock
    fixture alike."""
    import os  # noqa: PLC0415
    from datetime import datetime  # noqa: PLC0415

    from app.clock import to_utc  # noqa: PLC0415
    from tests import conftest  # noqa: PLC0415

    given = to_utc(datetime.strptime(os.environ["CUSTOMS_TEST_T0"], conftest.T0_FORMAT))
    assert clock.now() == T0 == conftest.T0 == given
