"""The camera map (Đ14.1.1b, issue 5 item 3): the calibration's conversions between
ONVIF's generic spaces and degrees / fields of view; imports from CSV, JSON and
XLSX (all or nothing, every problem at its file:line or sheet:row); the diff
shown before applying; versions (file, SHA-256, who, when), the current one, and
role-gating; exports that import back unchanged."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import textwrap
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.cameras.map_diff import diff_data
from app.cameras.map_import import export_csv, export_json, export_xlsx, parse_file, validate
from app.cameras.map_model import (
    CALIBRATION_COMPARED,
    DEMO_FILE,
    FIELD_TEXTS,
    POSITION_COMPARED,
    Calibration,
    CameraMapData,
    WatchPosition,
    parse_fov_curve,
    wrap180,
)
from app.cameras.map_service import seed_demo_camera_map
from app.cameras.registry import demo_cameras, seed_demo_cameras
from app.db.models import CameraCalibration, CameraMapVersion, CameraWatchPosition
from app.errors import (
    ConflictError,
    ImportFileError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from tests.conftest import T0

DEMO_DIR = DEMO_FILE.parent
KINDS = {c["code"]: c["kind"] for c in demo_cameras()}
PTZ = ("DV-CAM-03", "DV-CAM-05", "HN-CAM-05", "HN-CAM-06", "HN-CAM-09")


def cal(**kw: object) -> Calibration:
    values: dict[str, object] = dict(
        camera="C", plan_x=10.0, plan_y=20.0, height_m=15.0, heading_deg=90.0,
        pan_min_deg=-170.0, pan_max_deg=170.0, tilt_min_deg=-90.0, tilt_max_deg=30.0,
        fov_curve=((0.0, 60.0), (0.5, 20.0), (1.0, 4.0)))
    values.update(kw)
    return Calibration(**values)  # type: ignore[arg-type]


# -- conversions (pure) --------------------------------------------------------------------
def test_pan_and_tilt_map_the_generic_range_linearly_onto_degrees():
    c = cal()
    assert c.pan_deg(-1.0) == -170.0 and c.pan_deg(1.0) == 170.0 and c.pan_deg(0.0) == 0.0
    assert c.pan_deg(0.5) == pytest.approx(85.0)
    assert c.pan_generic(85.0) == pytest.approx(0.5)
    assert c.tilt_deg(-1.0) == -90.0 and c.tilt_deg(1.0) == 30.0
    assert c.tilt_deg(0.0) == pytest.approx(-30.0)
    assert c.tilt_generic(-30.0) == pytest.approx(0.0)
    for g in (-1.0, -0.37, 0.0, 0.42, 1.0):
        assert c.pan_generic(c.pan_deg(g)) == pytest.approx(g)
        assert c.tilt_generic(c.tilt_deg(g)) == pytest.approx(g)
    # An asymmetric range: generic 0 is its middle, not 0°.
    a = cal(pan_min_deg=0.0, pan_max_deg=350.0)
    assert a.pan_deg(0.0) == pytest.approx(175.0)
    assert a.pan_deg_per_unit == pytest.approx(175.0)


def test_angles_outside_the_range_are_refused_and_a_full_circle_wraps():
    c = cal()
    with pytest.raises(ValidationError) as err:
        c.pan_generic(175.0)
    assert "cannot pan to 175.0°" in err.value.message()
    with pytest.raises(ValidationError):
        c.tilt_generic(45.0)
    full = cal(pan_min_deg=-180.0, pan_max_deg=180.0)
    assert full.full_circle and not c.full_circle
    assert full.pan_generic(190.0) == pytest.approx(full.pan_generic(-170.0))
    assert full.pan_generic(-190.0) == pytest.approx(170.0 / 180.0)
    # The short way round: +179° and -179° are 2° apart, not 358°.
    assert full.pan_delta_deg(full.pan_generic(-179.0), full.pan_generic(179.0)) == \
        pytest.approx(2.0)
    assert full.pan_delta_generic(-0.995, 0.995) == pytest.approx(0.01)
    assert c.pan_delta_generic(-0.995, 0.995) == pytest.approx(-1.99)
    assert wrap180(190.0) == -170.0 and wrap180(-180.0) == -180.0


def test_zoom_to_field_of_view_is_interpolated_and_inverted():
    c = cal()
    assert c.fov_deg(0.0) == 60.0 and c.fov_deg(1.0) == 4.0
    assert c.fov_deg(0.25) == pytest.approx(40.0)
    assert c.fov_deg(0.75) == pytest.approx(12.0)
    assert c.fov_deg(-0.2) == 60.0 and c.fov_deg(1.5) == 4.0  # constant beyond the ends
    for z in (0.0, 0.1, 0.25, 0.5, 0.8, 1.0):
        assert c.zoom_for_fov(c.fov_deg(z)) == pytest.approx(z)
    assert c.zoom_for_fov(90.0) == 0.0 and c.zoom_for_fov(1.0) == 1.0
    fixed = cal(fov_curve=((0.0, 90.0),))
    assert fixed.fov_deg(0.7) == 90.0 and fixed.zoom_for_fov(30.0) == 0.0


def test_bearing_and_aiming_at_a_plan_point():
    c = cal(heading_deg=90.0)  # pan 0° looks east (+x)
    assert c.bearing(0.0) == pytest.approx(90.0)
    assert c.bearing(c.pan_generic(-90.0)) == pytest.approx(0.0)
    pan, tilt = c.aim_at(10.0, 120.0)  # due north of the camera, 100 m away
    assert c.pan_deg(pan) == pytest.approx(-90.0)
    assert c.tilt_deg(tilt) == pytest.approx(-math.degrees(math.atan2(15.0, 100.0)))
    pan, _ = c.aim_at(60.0, 20.0, z=15.0)  # due east, level with the camera
    assert pan == pytest.approx(0.0)
    with pytest.raises(ValidationError):
        c.aim_at(-90.0, 20.0)  # due west: 180° from the heading, outside ±170°


def test_fov_curve_text_and_lists():
    assert parse_fov_curve("0:58; 0,5:15 ;1:3.2") == ((0.0, 58.0), (0.5, 15.0), (1.0, 3.2))
    assert parse_fov_curve([[0, 60], {"zoom": 1, "fov": 4}]) == ((0.0, 60.0), (1.0, 4.0))
    assert parse_fov_curve("0-58") is None and parse_fov_curve("a:b") is None
    assert parse_fov_curve("") is None and parse_fov_curve(12) is None


# -- files -------------------------------------------------------------------------------
def test_the_demo_files_hold_the_same_map_in_three_formats():
    data = {fmt: validate(parse_file(DEMO_DIR / f"camera_map.{fmt}"), KINDS)
            for fmt in ("json", "csv", "xlsx")}
    j = data["json"]
    assert sorted(j.cameras) == sorted(PTZ)
    for code in PTZ:
        assert 2 <= len(j.positions_of(code)) <= 3
        assert j.calibration_of(code) is not None
        assert sum(p.default for p in j.positions_of(code)) == 1
    for fmt in ("csv", "xlsx"):
        assert diff_data(j, data[fmt]).empty, fmt
        assert data[fmt].file_format == fmt
        raw = (DEMO_DIR / f"camera_map.{fmt}").read_bytes()
        assert data[fmt].sha256 == hashlib.sha256(raw).hexdigest()
    p = next(p for p in j.positions if p.key == ("HN-CAM-05", "P02"))
    assert (p.preset_token, p.pan, p.tilt, p.zoom, p.scanner) == ("HN05-P02", 0.25, -0.45, 0.5,
                                                                  "MS-HN-01")
    assert (p.tol_pan, p.tol_tilt, p.tol_zoom) == (0.01, 0.01, 0.02)  # defaults
    assert next(p for p in j.positions if p.key == ("HN-CAM-09", "P03")).preset_token is None


def _csv(tmp_path: Path, name: str, rows: list[dict[str, object]],
         columns: list[str] | None = None) -> Path:
    cols = columns or ["record", "camera", "position", "name", "preset", "pan", "tilt", "zoom",
                       "tol_pan", "default", "scanner", "plan_x", "plan_y", "height", "heading",
                       "pan_min", "pan_max", "tilt_min", "tilt_max", "fov"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


CAL_DV03 = dict(record="calibration", camera="DV-CAM-03", plan_x=212, plan_y=148, height=18,
                heading=135, pan_min=-175, pan_max=175, tilt_min=-90, tilt_max=20,
                fov="0:58; 1:2.3")


def test_bad_csv_lists_every_problem_at_its_line(tmp_path):
    path = _csv(tmp_path, "map.csv", [
        CAL_DV03,                                                                     # 2
        dict(record="position", camera="DV-CAM-03", position="P01", name="Toàn cảnh",
             preset="DV03-P01", pan=0, tilt=-0.3, zoom=0, default="yes"),             # 3
        dict(record="position", camera="DV-CAM-03", position="P01", name="Lặp", pan=0.1,
             tilt=-0.3),                                                              # 4
        dict(record="position", camera="DV-CAM-03", position="P02", name="Quá giới hạn",
             pan=1.5, tilt=-0.3),                                                     # 5
        dict(record="position", camera="XX-CAM-99", position="P01", name="Không có",
             pan=0, tilt=0),                                                          # 6
        dict(record="position", camera="DV-CAM-04", position="P01", name="Cố định",
             pan=0.2, tilt=0),                                                        # 7
        {**CAL_DV03, "camera": "DV-CAM-05", "pan_min": 170, "pan_max": -170},         # 8
        {**CAL_DV03, "camera": "HN-CAM-05", "fov": "0:20; 1:40"},                     # 9
        dict(record="position", camera="DV-CAM-05", name="Không mã", pan=0, tilt=0),  # 10
        dict(record="position", camera="DV-CAM-05", position="P01", name="Sai", pan=0,
             tilt=0, default="có lẽ"),                                                 # 11
        dict(record="position", camera="DV-CAM-05", position="P02", name="Thiếu",
             pan=0.1),                                                                # 12
        dict(record="position", camera="DV-CAM-05", position="P03", name="Dung sai",
             pan=0.1, tilt=0, tol_pan=0),                                             # 13
        {**CAL_DV03},                                                                 # 14
    ])
    with pytest.raises(ImportFileError) as err:
        validate(parse_file(path), KINDS)
    assert err.value.problems == [
        ("map.csv", 4, "camera DV-CAM-03: duplicate position P01"),
        ("map.csv", 5, "camera DV-CAM-03: pan must be a number (-1 … 1)"),
        ("map.csv", 6, "unknown camera XX-CAM-99"),
        ("map.csv", 7, "camera DV-CAM-04 is not a PTZ camera: leave preset, pan, tilt and "
                       "zoom empty"),
        ("map.csv", 8, "camera DV-CAM-05: pan_min must be below pan_max"),
        ("map.csv", 9, "camera HN-CAM-05: along the field-of-view curve zoom must increase "
                       "and the angle decrease"),
        ("map.csv", 10, "camera DV-CAM-05: position is required"),
        ("map.csv", 11, "camera DV-CAM-05: default must be yes or no"),
        ("map.csv", 12, "camera DV-CAM-05: tilt is required"),
        ("map.csv", 13, "camera DV-CAM-05: tol_pan must be above zero"),
        ("map.csv", 14, "camera DV-CAM-03: a second calibration"),
    ]
    assert "map.csv:4: camera DV-CAM-03: duplicate position P01" in str(err.value)
    # The message is translatable: each problem keeps its template and values.
    translated = err.value.message(
        lambda _ctx, text: text.replace("unknown camera", "camera lạ"))
    assert "map.csv:6: camera lạ XX-CAM-99" in translated


def test_csv_structure_errors(tmp_path):
    with pytest.raises(ImportFileError) as err:
        parse_file(_csv(tmp_path, "a.csv", [], columns=["camera", "pan"]))
    assert err.value.problems == [("a.csv", 1, "missing column(s): record")]
    with pytest.raises(ImportFileError) as err:
        parse_file(_csv(tmp_path, "b.csv", [], columns=["record", "camera", "colour"]))
    assert err.value.problems == [("b.csv", 1, "unknown column(s): colour")]
    path = _csv(tmp_path, "c.csv", [
        dict(record="position", camera="DV-CAM-03", position="P01", name="A", pan=0, tilt=0),
        dict(record="calibration", camera="DV-CAM-03", position="P01", plan_x=1),
        dict(record="camera", camera="DV-CAM-03"),
    ])
    with pytest.raises(ImportFileError) as err:
        parse_file(path)
    assert err.value.problems == [
        ("c.csv", 3, "column(s) position do not apply to a calibration record"),
        ("c.csv", 4, "record must be one of position, calibration")]
    (tmp_path / "d.txt").write_text("x")
    with pytest.raises(ImportFileError) as err:
        parse_file(tmp_path / "d.txt")
    assert "unsupported file type" in err.value.problems[0][2]


def test_bad_json_lists_problems_at_their_lines(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(textwrap.dedent("""\
        {"version": 1, "cameras": [
          {"camera": "DV-CAM-03",
           "calibration": {"plan_x": 1, "plan_y": 2, "height": 10, "heading": 400,
                           "pan_min": -170, "pan_max": 170, "tilt_min": -90, "tilt_max": 20,
                           "fov": "0:58; 1:2.3"},
           "positions": [
             {"position": "P01", "name": "A", "pan": 0, "tilt": -0.2},
             {"position": "P02", "name": "B", "pan": 0, "tilt": -0.2, "colour": "red"},
             {"position": "P03", "pan": 0.1, "tilt": 0.3, "zoom": 2}
           ]},
          {"camera": "HN-CAM-05", "calibration": {"plan_x": 1, "plan_y": 2, "height": 10,
           "heading": 60, "fov": "0:60; 1:3"}},
          {"camera": "HN-CAM-06"}
        ]}
    """), encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        validate(parse_file(path), KINDS)
    assert err.value.problems == [("map.json", 8, "unknown field(s): colour")]
    path.write_text(path.read_text().replace(', "colour": "red"', ""), encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        validate(parse_file(path), KINDS)
    assert err.value.problems == [
        ("map.json", 3, "camera DV-CAM-03: heading must be a number (0 … 360)"),
        ("map.json", 9, "camera DV-CAM-03: name is required"),
        ("map.json", 9, "camera DV-CAM-03: zoom must be a number (0 … 1)"),
        ("map.json", 11, "camera HN-CAM-05: pan_min is required"),
        ("map.json", 11, "camera HN-CAM-05: pan_max is required"),
        ("map.json", 11, "camera HN-CAM-05: tilt_min is required"),
        ("map.json", 11, "camera HN-CAM-05: tilt_max is required"),
        ("map.json", 13, "camera HN-CAM-06: neither calibration nor positions"),
    ]
    broken = tmp_path / "broken.json"
    broken.write_text('{"cameras": [\n  {"camera": "X",\n  oops}\n]}', encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        parse_file(broken)
    assert err.value.problems[0][:2] == ("broken.json", 3)


def test_bad_xlsx_names_sheet_and_row(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "positions"
    ws.append(["camera", "position", "name", "preset", "pan", "tilt", "zoom"])
    ws.append(["DV-CAM-03", "P01", "Toàn cảnh", "DV03-P01", 0, -0.3, 0])
    ws.append(["DV-CAM-03", "P02", "Lối ra", None, "abc", -0.3, 0.4])
    ws.append([None, None, None, None, None, None, None])          # an empty row: skipped
    ws.append(["DV-CAM-03", 3, "Mã số", None, 0.2, -0.2, 0.1])     # a numeric code: "3"
    ws.append(["DV-CAM-03", "P04", "Thừa ô", None, 0.2, -0.2, 0.1, None, "x"])
    ws = book.create_sheet("calibration")
    ws.append(["camera", "plan_x", "plan_y", "height", "heading", "pan_min", "pan_max",
               "tilt_min", "tilt_max"])
    ws.append(["DV-CAM-03", 1, 2, 10, 135, -175, 175, -90, 20])
    path = tmp_path / "map.xlsx"
    book.save(path)
    with pytest.raises(ImportFileError) as err:
        validate(parse_file(path), KINDS)
    assert err.value.problems == [("map.xlsx", "positions:6", "more cells than columns")]
    wb = openpyxl.load_workbook(path)
    wb["positions"].delete_rows(6)
    wb.save(path)
    with pytest.raises(ImportFileError) as err:
        validate(parse_file(path), KINDS)
    assert err.value.problems == [
        ("map.xlsx", "positions:3", "camera DV-CAM-03: pan must be a number (-1 … 1)"),
        ("map.xlsx", "calibration:2", "camera DV-CAM-03: fov is required")]
    assert "map.xlsx:positions:3: camera DV-CAM-03: pan" in str(err.value)
    wb = openpyxl.load_workbook(path)
    wb["positions"]["E3"] = 0.35
    wb["calibration"]["J1"] = "fov"
    wb["calibration"]["J2"] = "0:58; 1:2.3"
    wb.save(path)
    data = validate(parse_file(path), KINDS)
    assert [p.code for p in data.positions] == ["P01", "P02", "3"]
    assert data.positions[0].default and not data.positions[1].default  # the first one
    notxlsx = tmp_path / "fake.xlsx"
    notxlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError) as err:
        parse_file(notxlsx)
    assert err.value.problems[0][:2] == ("fake.xlsx", 0)
    assert "not a readable XLSX workbook" in err.value.problems[0][2]
    nosheet = tmp_path / "nosheet.xlsx"
    openpyxl.Workbook().save(nosheet)
    with pytest.raises(ImportFileError) as err:
        parse_file(nosheet)
    assert err.value.problems == [("nosheet.xlsx", 0,
                                   "the workbook needs a sheet named positions")]


# -- versions in the database ---------------------------------------------------------------
@pytest.fixture
def cams(ctx):
    seed_demo_cameras(ctx)


def _counts(ctx) -> tuple[int, int, int]:
    with ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (CameraMapVersion, CameraWatchPosition, CameraCalibration))


def test_import_apply_and_versions(ctx, users, cams):
    admin = users["admin"]
    assert ctx.camera_map.current_version() is None
    assert ctx.camera_map.snapshot() == CameraMapData((), ())
    data = ctx.camera_map.load_file(DEMO_FILE)
    first = ctx.camera_map.diff(data)
    assert first.base_version_id is None and len(first.added) == 13
    assert len(first.calibrations_added) == 5 and not first.removed and not first.changed
    v1 = ctx.camera_map.apply(admin, data, None)
    assert (v1.number, v1.filename, v1.file_format, v1.imported_by, v1.imported_at) == (
        1, "camera_map.json", "json", admin.id, T0)
    assert v1.sha256 == hashlib.sha256(DEMO_FILE.read_bytes()).hexdigest()
    assert (v1.cameras, v1.positions) == (5, 13)
    assert "thêm 13" in v1.summary
    assert _counts(ctx) == (1, 13, 5)
    assert diff_data(ctx.camera_map.snapshot(), data).empty

    # The sub-department's next file: one position moved, one added, one removed, a
    # calibration changed. The diff shows old → new before anything is applied.
    doc = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    hn05 = next(c for c in doc["cameras"] if c["camera"] == "HN-CAM-05")
    hn05["positions"][1]["pan"] = 0.3
    hn05["positions"][1]["scanner"] = "MS-HN-02"
    hn05["positions"].append({"position": "P04", "name": "Bãi xe quá cảnh", "pan": -0.5,
                              "tilt": -0.3, "zoom": 0.2})
    dv05 = next(c for c in doc["cameras"] if c["camera"] == "DV-CAM-05")
    dv05["positions"].pop()
    dv05["calibration"]["heading"] = 205.0
    new_file = ctx.data_dir.parent / "camera_map_v2.json"
    new_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data2 = ctx.camera_map.load_file(new_file)
    d = ctx.camera_map.diff(data2)
    assert (d.base_version_id, d.base_number) == (v1.id, 1)
    assert [p.key for p in d.added] == [("HN-CAM-05", "P04")]
    assert [p.key for p in d.removed] == [("DV-CAM-05", "P02")]
    assert [(c.key, [(f.field, f.old, f.new) for f in c.changes]) for c in d.changed] == [
        (("HN-CAM-05", "P02"), [("pan", 0.25, 0.3), ("scanner", "MS-HN-01", "MS-HN-02")])]
    assert [(c.new.camera, [(f.field, f.old, f.new) for f in c.changes])
            for c in d.calibrations_changed] == [("DV-CAM-05", [("heading_deg", 200.0, 205.0)])]
    assert _counts(ctx) == (1, 13, 5)  # a diff writes nothing

    v2 = ctx.camera_map.apply(users["lanhdaophong"], data2, v1.id)
    assert v2.number == 2 and v2.filename == "camera_map_v2.json"
    assert [v.number for v in ctx.camera_map.versions()] == [2, 1]
    assert ctx.camera_map.current_version().id == v2.id
    assert diff_data(ctx.camera_map.snapshot(), data2).empty
    assert diff_data(ctx.camera_map.snapshot(v1.id), data).empty  # versions are kept
    refs = {r.camera: r for r in ctx.camera_map.references()}
    assert sorted(refs) == sorted(PTZ)
    assert refs["HN-CAM-05"].default.code == "P01"
    assert [p.code for p in refs["HN-CAM-05"].positions] == ["P01", "P02", "P03", "P04"]
    assert refs["DV-CAM-05"].calibration.heading_deg == 205.0


def test_apply_refuses_stale_empty_and_unauthorised(ctx, users, cams):
    data = ctx.camera_map.load_file(DEMO_FILE)
    with pytest.raises(PermissionDenied):
        ctx.camera_map.apply(users["giamsat1"], data, None)
    v1 = ctx.camera_map.apply(users["admin"], data, None)
    with pytest.raises(ValidationError) as err:  # the same map again
        ctx.camera_map.apply(users["admin"], data, v1.id)
    assert "no change" in err.value.message()
    other = ctx.camera_map.load_file(DEMO_DIR / "camera_map.csv")
    changed = CameraMapData(other.positions[:-1], other.calibrations, filename="x.csv",
                            file_format="csv", sha256="0" * 64)
    with pytest.raises(ConflictError):  # the diff was shown against no version
        ctx.camera_map.apply(users["admin"], changed, None)
    assert _counts(ctx)[0] == 1
    ctx.camera_map.apply(users["admin"], changed, v1.id)
    assert _counts(ctx)[0] == 2


def test_a_bad_file_changes_nothing(ctx, users, cams, tmp_path):
    ctx.camera_map.import_file(users["admin"], DEMO_FILE)
    before = _counts(ctx)
    path = _csv(tmp_path, "bad.csv", [
        CAL_DV03,
        dict(record="position", camera="DV-CAM-03", position="P01", name="A", pan=0, tilt=2)])
    with pytest.raises(ImportFileError) as err:
        ctx.camera_map.import_file(users["admin"], path)
    assert err.value.problems == [("bad.csv", 3, "camera DV-CAM-03: tilt must be a number "
                                                 "(-1 … 1)")]
    assert _counts(ctx) == before


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_exports_import_back_unchanged(ctx, users, cams, fmt):
    ctx.camera_map.import_file(users["admin"], DEMO_FILE)
    snap = ctx.camera_map.snapshot()
    raw = {"csv": export_csv, "json": export_json, "xlsx": export_xlsx}[fmt](snap)
    back = ctx.camera_map.load_bytes(raw, f"export.{fmt}")
    assert back.file_format == fmt and back.sha256 == hashlib.sha256(raw).hexdigest()
    assert ctx.camera_map.diff(back).empty


def test_positions_of_a_fixed_camera_need_no_pan_tilt():
    rows = CameraMapData((WatchPosition("DV-CAM-04", "P01", "Bãi 2"),), ())
    assert rows.positions_of("DV-CAM-04")[0].has_position is False
    path_data = validate(parse_file(DEMO_FILE), KINDS)
    assert all(p.has_position for p in path_data.positions)


def test_demo_seed_and_the_diff_field_names(ctx, users, cams):
    v = seed_demo_camera_map(ctx, users["admin"])
    assert v is not None and v.number == 1
    assert seed_demo_camera_map(ctx, users["admin"]) is None  # already current
    xlsx = ctx.camera_map.load_file(DEMO_DIR / "camera_map.xlsx")
    assert xlsx.file_format == "xlsx" and ctx.camera_map.diff(xlsx).empty
    assert set(FIELD_TEXTS) == set(POSITION_COMPARED) | set(CALIBRATION_COMPARED)
    with pytest.raises(NotFound):
        ctx.camera_map.reference("NO-CAM")
    assert ctx.camera_map.reference("DV-CAM-04").positions == ()  # a fixed camera, unmapped
