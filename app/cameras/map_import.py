"""Reading and writing camera-map files: CSV, JSON or XLSX parsed (every problem
named by its place), validated against the camera registry, and exported back in
the same formats."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.cameras.map_model import (
    _EPS,
    CALIBRATION_FIELDS,
    CSV_FIELDS,
    DEFAULT_TOLERANCE,
    FORMATS,
    POSITION_FIELDS,
    RECORDS,
    SHEETS,
    Calibration,
    CameraMapData,
    WatchPosition,
    format_fov_curve,
    parse_fov_curve,
)
from app.errors import QT_TRANSLATE_NOOP, ImportFileError
from app.parsing import load_json, read_csv, to_bool, to_float
from app.text import nfc


# -- parsing ------------------------------------------------------------------------------
@dataclass
class RawRecord:
    """One record of a file before validation, with where it was found."""

    record: str            # position | calibration
    values: dict[str, Any]
    where: str | int       # line number, or "sheet:row"


@dataclass
class CameraMapFile:
    filename: str
    file_format: str
    sha256: str
    size_bytes: int
    records: list[RawRecord] = field(default_factory=list)


def _problem(filename: str, where: str | int, template: str,
             values: dict[str, Any] | None = None) -> tuple[str, str | int, str, dict[str, Any]]:
    return (filename, where, template, values or {})


def _read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ImportFileError([(Path(path).name, 0, str(exc))]) from exc


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "the file is not UTF-8 text"))]) from exc


# A text cell starting with one of these is a formula to a spreadsheet (OWASP "CSV
# injection"): the CSV export writes it behind an apostrophe, which the import takes
# off again, so that an exported file reads back as it was.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A CSV cell that no spreadsheet evaluates: formula-like text behind an
    apostrophe; anything else (numbers too: -0.5 is a number) as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    """A cell as the validation wants it: stripped text (an export's apostrophe in
    front of formula-like text taken off), numbers as they are, empty → dropped
    (None)."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.startswith("'") and value[1:].startswith(FORMULA_START):
            value = value[1:]
        value = nfc(value).strip()
        return value or None
    return value


def parse_csv_bytes(raw: bytes, name: str) -> CameraMapFile:
    text = _decode(raw, name)
    out = CameraMapFile(name, "csv", hashlib.sha256(raw).hexdigest(), len(raw))
    table = read_csv(text, name)
    columns = [(c or "").strip() for c in table.fieldnames]
    if "record" not in columns or "camera" not in columns:
        missing = [c for c in ("record", "camera") if c not in columns]
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "missing column(s): {columns}"), {"columns": ", ".join(missing)})])
    unknown = [c for c in columns if c and c not in CSV_FIELDS]
    if unknown:
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "unknown column(s): {columns}"), {"columns": ", ".join(unknown)})])
    problems = []
    for line, row in table.rows:
        if None in row:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "more cells than columns")))
        values = {k.strip(): _cell(v) for k, v in row.items() if k and isinstance(v, str)}
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            continue  # an empty line
        kind = str(values.pop("record", "")).lower()
        if kind not in RECORDS:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "record must be one of {values}"), {"values": ", ".join(RECORDS)}))
            continue
        allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
        wrong = [k for k in values if k not in allowed]
        if wrong:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "column(s) {columns} do not apply to a {record} record"),
                {"columns": ", ".join(wrong), "record": kind}))
            continue
        out.records.append(RawRecord(kind, values, line))
    if problems:
        raise ImportFileError(problems)
    return out


def parse_json_bytes(raw: bytes, name: str) -> CameraMapFile:
    text = _decode(raw, name)
    out = CameraMapFile(name, "json", hashlib.sha256(raw).hexdigest(), len(raw))
    try:
        doc = load_json(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError([(name, exc.lineno, exc.msg)]) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("cameras"), list):
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold an object with a \"cameras\" list"))])
    problems = []
    if doc.get("version", 1) != 1:
        problems.append(_problem(name, doc["__line__"], QT_TRANSLATE_NOOP(
            "errors", "unsupported version {version}"), {"version": doc.get("version")}))
    for item in doc["cameras"]:
        if not isinstance(item, dict):
            problems.append(_problem(name, doc["__line__"], QT_TRANSLATE_NOOP(
                "errors", "a camera must be an object")))
            continue
        line = item["__line__"]
        unknown = sorted(k for k in item if k not in ("camera", "calibration", "positions",
                                                       "__line__"))
        if unknown:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "unknown field(s): {columns}"), {"columns": ", ".join(unknown)}))
        camera = _cell(item.get("camera"))
        cal = item.get("calibration")
        if cal is not None:
            if not isinstance(cal, dict):
                problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                    "errors", "the calibration must be an object")))
            else:
                out.records.append(_json_record("calibration", cal, camera, name, problems))
        positions = item.get("positions") or []
        if not isinstance(positions, list):
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "the positions must be a list")))
            positions = []
        for p in positions:
            if not isinstance(p, dict):
                problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                    "errors", "a position must be an object")))
                continue
            out.records.append(_json_record("position", p, camera, name, problems))
        if cal is None and not positions:
            out.records.append(RawRecord("empty", {"camera": camera}, line))
    if problems:
        raise ImportFileError(problems)
    return out


def _json_record(kind: str, obj: dict[str, Any], camera: Any, name: str,
                 problems: list[tuple]) -> RawRecord:
    line = obj["__line__"]
    allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
    unknown = sorted(k for k in obj if k != "__line__" and (k == "camera" or k not in allowed))
    if unknown:
        problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
            "errors", "unknown field(s): {columns}"), {"columns": ", ".join(unknown)}))
    values = {k: _cell(v) for k, v in obj.items() if k != "__line__"}
    values = {k: v for k, v in values.items() if v is not None}
    if camera is not None:
        values["camera"] = camera
    return RawRecord(kind, values, line)


def parse_xlsx_bytes(raw: bytes, name: str) -> CameraMapFile:
    import openpyxl  # noqa: PLC0415 - loaded only for XLSX files
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    out = CameraMapFile(name, "xlsx", hashlib.sha256(raw).hexdigest(), len(raw))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "not a readable XLSX workbook ({detail})"), {"detail": str(exc)})]) \
            from exc
    except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile and friends
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "not a readable XLSX workbook ({detail})"), {"detail": str(exc)})]) \
            from exc
    try:
        problems: list[tuple] = []
        sheets = {ws.title.strip().lower(): ws for ws in book.worksheets}
        if "positions" not in sheets:
            raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
                "errors", "the workbook needs a sheet named {sheet}"), {"sheet": "positions"})])
        for sheet, kind in SHEETS.items():
            ws = sheets.get(sheet)
            if ws is None:
                continue
            allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None)
            columns = [str(c).strip() if c is not None else "" for c in header or ()]
            while columns and not columns[-1]:
                columns.pop()
            unknown = [c for c in columns if c and c not in allowed]
            if unknown or "camera" not in columns:
                problems.append(_problem(name, f"{ws.title}:1", QT_TRANSLATE_NOOP(
                    "errors", "unknown column(s): {columns}") if unknown else QT_TRANSLATE_NOOP(
                    "errors", "missing column(s): {columns}"),
                    {"columns": ", ".join(unknown) if unknown else "camera"}))
                continue
            for number, row in enumerate(rows, start=2):
                cells = list(row)
                extra = [c for c in cells[len(columns):] if _cell(c) is not None]
                values = {c: _cell(v) for c, v in zip(columns, cells, strict=False) if c}
                values = {k: v for k, v in values.items() if v is not None}
                if extra:
                    problems.append(_problem(name, f"{ws.title}:{number}", QT_TRANSLATE_NOOP(
                        "errors", "more cells than columns")))
                if values:
                    out.records.append(RawRecord(kind, values, f"{ws.title}:{number}"))
        if problems:
            raise ImportFileError(problems)
    finally:
        book.close()
    return out


def parse_file(path: Path) -> CameraMapFile:
    """Read a camera-map file by its extension (.csv, .json, .xlsx)."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    raw = _read_bytes(path)
    if suffix == "json":
        return parse_json_bytes(raw, path.name)
    if suffix == "xlsx":
        return parse_xlsx_bytes(raw, path.name)
    if suffix == "csv":
        return parse_csv_bytes(raw, path.name)
    raise ImportFileError([_problem(path.name, 0, QT_TRANSLATE_NOOP(
        "errors", "unsupported file type (expected {values})"), {"values": ", ".join(FORMATS)})])


# -- validation ----------------------------------------------------------------------------
def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number in a spreadsheet
    text = nfc(str(value)).strip()
    return text or None


def validate(parsed: CameraMapFile, camera_kinds: dict[str, str]) -> CameraMapData:
    """Check every record against the rules and the camera registry (`camera_kinds`:
    code → kind); raise ImportFileError listing every problem, else the data."""
    name = parsed.filename
    problems: list[tuple] = []
    positions: list[WatchPosition] = []
    calibrations: dict[str, Calibration] = {}
    seen_positions: set[tuple[str, str]] = set()
    defaults: dict[str, list[str]] = {}

    for rec in parsed.records:
        v, where = rec.values, rec.where

        def bad(template: str, _where: str | int = where, **values: Any) -> None:
            problems.append(_problem(name, _where, template, values))

        code_text = _text(v.get("camera"))
        if code_text is None:
            bad(QT_TRANSLATE_NOOP("errors", "a record without camera code"))
            continue
        camera: str = code_text
        kind = camera_kinds.get(camera)
        if kind is None:
            bad(QT_TRANSLATE_NOOP("errors", "unknown camera {camera}"), camera=camera)
            continue
        if rec.record == "empty":
            bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: neither calibration nor "
                                            "positions"), camera=camera)
            continue

        def number(key: str, low: float | None = None, high: float | None = None,
                   required: bool = False, _camera: str = camera,
                   _v: dict[str, Any] = v) -> float | None:
            if _v.get(key) is None:
                if required:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                        camera=_camera, field=key)
                return None
            f = to_float(_v[key])
            if f is None or (low is not None and f < low - _EPS) or (
                    high is not None and f > high + _EPS):
                rng = f" ({low:g} … {high:g})" if low is not None and high is not None else ""
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} must be a "
                                                "number{range}"),
                    camera=_camera, field=key, range=rng)
                return None
            return f

        if rec.record == "position":
            code = _text(v.get("position"))
            pname = _text(v.get("name"))
            if code is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="position")
                continue
            if len(code) > 40:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: position code {position} "
                                                "is longer than {limit} characters"),
                    camera=camera, position=code, limit=40)
            if (camera, code) in seen_positions:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: duplicate position "
                                                "{position}"), camera=camera, position=code)
            seen_positions.add((camera, code))
            if pname is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="name")
            ptz = kind == "ptz"
            pan = number("pan", -1.0, 1.0, required=ptz)
            tilt = number("tilt", -1.0, 1.0, required=ptz)
            zoom = number("zoom", 0.0, 1.0)
            preset = _text(v.get("preset"))
            if not ptz and (v.get("pan") is not None or v.get("tilt") is not None
                            or v.get("zoom") is not None or preset):
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera} is not a PTZ camera: "
                                                "leave preset, pan, tilt and zoom empty"),
                    camera=camera)
            if preset is not None and len(preset) > 64:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: the preset token is longer "
                                                "than {limit} characters"),
                    camera=camera, limit=64)
            tols = {}
            for key, default in DEFAULT_TOLERANCE.items():
                t = number(key, 0.0, 2.0)
                if t is not None and t <= 0:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} must be above "
                                                    "zero"), camera=camera, field=key)
                tols[key] = default if t is None or t <= 0 else t
            is_default = to_bool(v.get("default"), missing=False)
            if is_default is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: default must be yes or no"),
                    camera=camera)
                is_default = False
            if is_default:
                defaults.setdefault(camera, []).append(code)
                if len(defaults[camera]) > 1:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: more than one default "
                                                    "position"), camera=camera)
            positions.append(WatchPosition(
                camera=camera, code=code, name=pname or "", preset_token=preset, pan=pan,
                tilt=tilt, zoom=zoom, scale_lane=_text(v.get("scale_lane")),
                scanner=_text(v.get("scanner")), default=is_default, **tols))
            for key in ("scale_lane", "scanner"):
                if (linked := _text(v.get(key))) is not None and len(linked) > 100:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is longer than "
                                                    "{limit} characters"),
                        camera=camera, field=key, limit=100)
        else:
            if camera in calibrations:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: a second calibration"),
                    camera=camera)
                continue
            ptz = kind == "ptz"
            nums = {
                "plan_x": number("plan_x", required=True),
                "plan_y": number("plan_y", required=True),
                "height": number("height", 0.0, 500.0, required=True),
                "heading": number("heading", 0.0, 360.0, required=True),
                "pan_min": number("pan_min", -360.0, 360.0, required=ptz),
                "pan_max": number("pan_max", -360.0, 360.0, required=ptz),
                "tilt_min": number("tilt_min", -180.0, 180.0, required=ptz),
                "tilt_max": number("tilt_max", -180.0, 180.0, required=ptz),
            }
            ok = True
            for lo, hi in (("pan_min", "pan_max"), ("tilt_min", "tilt_max")):
                a, b = nums[lo], nums[hi]
                if (v.get(lo) is None) != (v.get(hi) is None):
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: give both {low} and "
                                                    "{high}"), camera=camera, low=lo, high=hi)
                    ok = False
                elif a is not None and b is not None and a >= b:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {low} must be below "
                                                    "{high}"), camera=camera, low=lo, high=hi)
                    ok = False
            if nums["pan_min"] is not None and nums["pan_max"] is not None and \
                    nums["pan_max"] - nums["pan_min"] > 360.0 + _EPS:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: the pan range is more than "
                                                "360°"), camera=camera)
                ok = False
            curve = None
            if v.get("fov") is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="fov")
            else:
                curve = parse_fov_curve(v["fov"])
                why = _curve_problem(curve)
                if why:
                    bad(why, camera=camera)
                    curve = None
            if not ok or curve is None or any(
                    nums[k] is None for k in ("plan_x", "plan_y", "height", "heading")) or (
                    ptz and any(nums[k] is None for k in ("pan_min", "pan_max", "tilt_min",
                                                          "tilt_max"))):
                continue
            calibrations[camera] = Calibration(
                camera=camera, plan_x=nums["plan_x"], plan_y=nums["plan_y"],  # type: ignore
                height_m=nums["height"], heading_deg=nums["heading"] % 360.0,  # type: ignore
                pan_min_deg=nums["pan_min"], pan_max_deg=nums["pan_max"],
                tilt_min_deg=nums["tilt_min"], tilt_max_deg=nums["tilt_max"],
                fov_curve=curve)
    if problems:
        raise ImportFileError(problems)
    # The first position of a camera is its default when none is marked.
    marked = set(defaults)
    out_positions = []
    first_seen: set[str] = set()
    for p in positions:
        if p.camera not in marked and p.camera not in first_seen:
            p = replace(p, default=True)
        first_seen.add(p.camera)
        out_positions.append(p)
    if not out_positions and not calibrations:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "the file holds no camera map records"))])
    return CameraMapData(tuple(out_positions), tuple(calibrations.values()),
                         filename=name, file_format=parsed.file_format, sha256=parsed.sha256,
                         size_bytes=parsed.size_bytes)


def _curve_problem(curve: tuple[tuple[float, float], ...] | None) -> str | None:
    if curve is None:
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: the field-of-view curve must be "
                                           "zoom:degrees pairs, e.g. \"0:58; 1:3.2\"")
    zs = [z for z, _ in curve]
    fovs = [f for _, f in curve]
    if any(not 0.0 <= z <= 1.0 for z in zs) or any(not 0.0 < f < 180.0 for f in fovs):
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: the field-of-view curve needs "
                                           "zoom in 0 … 1 and degrees between 0 and 180")
    if any(b <= a for a, b in zip(zs, zs[1:], strict=False)) or any(
            g >= f for f, g in zip(fovs, fovs[1:], strict=False)):
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: along the field-of-view curve "
                                           "zoom must increase and the angle decrease")
    return None


# -- export ------------------------------------------------------------------------------------
def _position_row(p: WatchPosition) -> dict[str, Any]:
    return {"camera": p.camera, "position": p.code, "name": p.name, "preset": p.preset_token,
            "pan": p.pan, "tilt": p.tilt, "zoom": p.zoom, "tol_pan": p.tol_pan,
            "tol_tilt": p.tol_tilt, "tol_zoom": p.tol_zoom, "scale_lane": p.scale_lane,
            "scanner": p.scanner, "default": "yes" if p.default else "no"}


def _calibration_row(c: Calibration) -> dict[str, Any]:
    return {"camera": c.camera, "plan_x": c.plan_x, "plan_y": c.plan_y, "height": c.height_m,
            "heading": c.heading_deg, "pan_min": c.pan_min_deg, "pan_max": c.pan_max_deg,
            "tilt_min": c.tilt_min_deg, "tilt_max": c.tilt_max_deg,
            "fov": format_fov_curve(c.fov_curve)}


def export_csv(data: CameraMapData) -> bytes:
    """The map as CSV; formula-like text neutralised (see FORMULA_START)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    w.writeheader()
    for c in data.calibrations:
        w.writerow({"record": "calibration", **{k: ("" if v is None else neutralise(v))
                                                for k, v in _calibration_row(c).items()}})
    for p in data.positions:
        w.writerow({"record": "position", **{k: ("" if v is None else neutralise(v))
                                             for k, v in _position_row(p).items()}})
    return buf.getvalue().encode("utf-8")


def export_json(data: CameraMapData) -> bytes:
    cams = []
    for code in data.cameras:
        item: dict[str, Any] = {"camera": code}
        cal = data.calibration_of(code)
        if cal is not None:
            row = _calibration_row(cal)
            row.pop("camera")
            row["fov"] = [[z, f] for z, f in cal.fov_curve]
            item["calibration"] = {k: v for k, v in row.items() if v is not None}
        positions = []
        for p in data.positions_of(code):
            row = _position_row(p)
            row.pop("camera")
            row["default"] = p.default
            positions.append({k: v for k, v in row.items() if v is not None})
        if positions:
            item["positions"] = positions
        cams.append(item)
    return (json.dumps({"version": 1, "cameras": cams}, ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")


def export_xlsx(data: CameraMapData) -> bytes:
    """The map as a workbook. Formula-like text goes into a text cell marked with
    Excel's quote prefix (what typing an apostrophe in front does): openpyxl would
    otherwise write it as a formula. The value itself stays as it was, so the file
    reads back unchanged."""
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    ws = book.worksheets[0]       # a new workbook's one sheet
    ws.title = "positions"
    ws.append(list(POSITION_FIELDS))
    for p in data.positions:
        ws.append([_position_row(p)[k] for k in POSITION_FIELDS])
    ws = book.create_sheet("calibration")
    ws.append(list(CALIBRATION_FIELDS))
    for c in data.calibrations:
        ws.append([_calibration_row(c)[k] for k in CALIBRATION_FIELDS])
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()

