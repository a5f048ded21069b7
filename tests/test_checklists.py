"""Area checklists (Đ14.4): the reference names the regulation's zones per site type
and is validated with file and line; each zone has its camera group (matched by
zone or listed per site); a run is started, resumed, ticked and finished into one
duty-log entry, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.cameras.checklists import (
    REFERENCE_FILE,
    ChecklistReferenceError,
    Checklists,
    load_reference,
    parse_reference,
)
from app.cameras.registry import CameraData, seed_demo_cameras
from app.db.models import ChecklistRun, ChecklistTick, LogEntry
from app.errors import NotFound, PermissionDenied, ValidationError

DV, HN = "Cảng Đình Vũ", "Cửa khẩu quốc tế Hữu Nghị"


@pytest.fixture
def cams(ctx):
    seed_demo_cameras(ctx)
    return {c.code: c for c in ctx.cameras.cameras()}


# -- the reference ---------------------------------------------------------------------------
def test_reference_names_the_zones_of_article_14_4():
    ref = load_reference(REFERENCE_FILE)
    assert set(ref.types) == {"road_border_gate", "seaport", "inland_waterway_port",
                              "airport_passenger", "airport_cargo"}
    clauses = {t: [z.clause for z in ref.types[t].zones] for t in ref.types}
    assert clauses["road_border_gate"] == [f"Đ14.4.1{c}" for c in "abcd"]
    assert clauses["seaport"] == [f"Đ14.4.2{c}" for c in "abcde"]
    assert clauses["airport_passenger"] == [f"Đ14.4.3.1{c}" for c in "abcde"]
    assert clauses["airport_cargo"] == [f"Đ14.4.3.2{c}" for c in "abcd"]
    assert [z.code for z in ref.types["inland_waterway_port"].zones] == \
        [z.code for z in ref.types["seaport"].zones]
    seaport = ref.types["seaport"]
    assert seaport.zone("cau_tau").text == "Quan sát khu vực cầu tàu, khu vực xếp, dỡ hàng hóa."
    assert "ống lồng" in ref.types["airport_passenger"].zone("san_do_cach_ly").text
    assert ref.types_for("Sân bay bất kỳ", "airport") == [ref.types["airport_passenger"],
                                                          ref.types["airport_cargo"]]
    assert ref.sites[DV].checklists == ("seaport",)


BAD = """\
version: 1
checklists:
  - code: seaport
    name: Cảng biển
    clause: Đ14.4.2
    area_types: [seaport, spaceport]
    colour: blue
    zones:
      - code: cau_tau
        name: Khu vực cầu tàu
        clause: Đ14.4.2b
      - code: cau_tau
        clause: Đ14.4.2c
  - code: Bad Code
    name: x
    clause: y
    zones: []
sites:
  - site: Cảng A
    checklists: [seaport, airport_moon]
    cameras:
      khong_co: [A-1]
"""


def test_reference_errors_name_file_and_line():
    with pytest.raises(ChecklistReferenceError) as info:
        parse_reference(BAD, "bad.yaml")
    problems = {(line, msg) for _f, line, msg in info.value.problems}
    files = {f for f, _l, _m in info.value.problems}
    assert files == {"bad.yaml"}
    expected = [
        (3, "unknown area type 'spaceport'"),
        (3, "unknown key 'colour'"),
        (12, "duplicate zone 'cau_tau'"),
        (12, "'name' is required"),
        (14, "code 'Bad Code' must be lower-case"),
        (14, "'zones' must be a non-empty list"),
        (19, "unknown checklist 'airport_moon'"),
        (22, "no zone 'khong_co'"),
    ]
    for line, text in expected:
        assert any(ln == line and text in msg for ln, msg in problems), (line, text, problems)
    assert "bad.yaml:3:" in str(info.value)
    assert str(info.value).startswith("The checklist reference has errors")


def test_reference_syntax_error_has_its_line():
    with pytest.raises(ChecklistReferenceError) as info:
        parse_reference("version: 1\nchecklists:\n  - code: [unclosed\n", "broken.yaml")
    (f, line, _msg), = info.value.problems
    assert f == "broken.yaml" and line >= 3
    with pytest.raises(ChecklistReferenceError):
        parse_reference("- just a list\n", "list.yaml")


# -- sites' checklists -------------------------------------------------------------------------
def test_demo_sites_have_cameras_in_their_zones(ctx, cams):
    sites = ctx.checklists.sites()
    assert [t.code for t in sites[DV]] == ["seaport"]
    assert [t.code for t in sites[HN]] == ["road_border_gate"]

    dv = ctx.checklists.checklist(DV)
    groups = {z.zone.code: z.camera_codes for z in dv.zones}
    assert groups == {
        "thu_tuc_hai_quan": (),
        "cau_tau": ("DV-CAM-05",),
        "ben_tap_ket_kho": ("DV-CAM-03", "DV-CAM-04", "DV-CAM-08"),
        "cong_cang": ("DV-CAM-01", "DV-CAM-02", "DV-CAM-07"),
        "kiem_tra_thuc_te": ("DV-CAM-06",),
    }
    hn = ctx.checklists.checklist(HN)
    groups = {z.zone.code: set(z.camera_codes) for z in hn.zones}
    assert groups == {
        "thu_tuc_hai_quan": {"HN-CAM-01"},
        "xuat_nhap_canh": {"HN-CAM-02", "HN-CAM-08"},
        "luong_phuong_tien": {"HN-CAM-03", "HN-CAM-04", "HN-CAM-06"},
        "tap_ket_kiem_tra_hang": {"HN-CAM-05", "HN-CAM-07"},
    }
    with pytest.raises(NotFound):
        ctx.checklists.checklist("Không có địa điểm này")


def test_airport_and_explicit_camera_groups(ctx, tmp_path):
    items = [
        {"code": "NB-1", "name": "Sảnh đến T2", "site": "Cảng HKQT Nội Bài",
         "area_type": "airport", "zone": "sảnh đến", "unit": "KV3-DV", "kind": "fixed",
         "main_url": "rtsp://10.9.0.1/main", "__line__": 1},
        {"code": "NB-2", "name": "Kho hàng ALS", "site": "Cảng HKQT Nội Bài",
         "area_type": "airport", "zone": "Kho hàng", "unit": "KV3-DV", "kind": "ptz",
         "main_url": "rtsp://10.9.0.2/main", "__line__": 2},
        {"code": "PL-1", "name": "Cầu cảng số 2", "site": "Cảng thủy Phước Long",
         "area_type": "seaport", "zone": "Bến", "unit": "KV3-DV", "kind": "fixed",
         "main_url": "rtsp://10.9.0.3/main", "__line__": 3},
    ]
    ctx.cameras.import_cameras(None, CameraData("t", items))
    ref = REFERENCE_FILE.read_text(encoding="utf-8").replace(
        "\nsites:\n", "\nsites:\n  - site: Cảng thủy Phước Long\n"
                    "    checklists: [inland_waterway_port]\n"
                    "    cameras:\n      cau_tau: [PL-1, NO-SUCH]\n", 1)
    path = tmp_path / "checklists.yaml"
    path.write_text(ref, encoding="utf-8")
    lists = Checklists(ctx.db, ctx.clock, ctx.dutylog, ctx.cameras, path)
    assert [t.code for t in lists.types_for_site("Cảng HKQT Nội Bài")] == [
        "airport_passenger", "airport_cargo"]
    passenger = lists.checklist("Cảng HKQT Nội Bài")
    assert passenger.type.code == "airport_passenger"
    assert passenger.zone("sanh_den").camera_codes == ("NB-1",)  # case and marks ignored
    cargo = lists.checklist("Cảng HKQT Nội Bài", "airport_cargo")
    assert cargo.zone("kho_soi_chieu_cong").camera_codes == ("NB-2",)
    river = lists.checklist("Cảng thủy Phước Long")
    assert river.type.code == "inland_waterway_port"
    assert river.zone("cau_tau").camera_codes == ("PL-1",)  # explicit list, unknown skipped
    assert river.zone("cong_cang").camera_codes == ()


# -- runs ---------------------------------------------------------------------------------------
def test_work_through_a_checklist_into_the_log(ctx, users, desk, cams):
    officer, other = users["giamsat1"], users["giamsat2"]
    shift = ctx.roster.current_shift(desk.id)
    run = ctx.checklists.start(officer, desk.id, shift.id, DV)
    assert (run.status, run.site_type, run.site) == ("open", "seaport", DV)
    ctx.clock.advance(timedelta(minutes=10))
    t = ctx.checklists.tick(officer, run.id, "cong_cang", "ok")
    assert (t.status, t.ticked_by, t.ticked_at) == ("ok", officer.id, ctx.clock.now())
    assert t.cameras == "DV-CAM-01, DV-CAM-02, DV-CAM-07"
    with pytest.raises(ValidationError):
        ctx.checklists.tick(officer, run.id, "cau_tau", "problem", "  ")
    with pytest.raises(ValidationError):
        ctx.checklists.tick(officer, run.id, "cau_tau", "maybe")
    with pytest.raises(NotFound):
        ctx.checklists.tick(officer, run.id, "khong_co", "ok")
    with pytest.raises(PermissionDenied):
        ctx.checklists.tick(users["cuctruong"], run.id, "cau_tau", "ok")
    ctx.checklists.tick(officer, run.id, "cau_tau", "problem",
                        "Camera DV-CAM-05 lệch góc, không thấy đầu cầu tàu số 1")

    # Resumed by another officer (another console, or after a restart): the same run.
    resumed = ctx.checklists.start(other, desk.id, shift.id, DV, "seaport")
    assert resumed.id == run.id
    progress = ctx.checklists.progress(run.id)
    assert set(progress.ticks) == {"cong_cang", "cau_tau"}
    assert [z.zone.code for z in progress.remaining] == [
        "thu_tuc_hai_quan", "ben_tap_ket_kho", "kiem_tra_thuc_te"]
    ctx.checklists.tick(other, run.id, "ben_tap_ket_kho", "ok", "Bãi 2 đông xe chờ")
    ctx.checklists.tick(other, run.id, "cong_cang", "ok", "Đã kiểm tra ngẫu nhiên 3 xe")
    assert len(ctx.checklists.ticks(run.id)) == 3  # ticked again: replaced, not added

    ctx.clock.advance(timedelta(minutes=5))
    before = ctx.dutylog.head(desk.id)[0]
    done = ctx.checklists.finish(other, run.id)
    assert (done.status, done.finished_by, done.finished_at, done.open_key) == (
        "finished", other.id, ctx.clock.now(), None)
    entries = ctx.dutylog.entries(desk.id, after_seq=before)
    assert [e.id for e in entries] == [done.log_entry_id]
    e = entries[0]
    assert e.kind == "work" and e.place == DV and e.scope == f"{DV} – Cảng biển"
    text = e.content
    assert "Đ14.4.2" in text and "đã kiểm tra 3/5 khu vực, 1 khu vực có vấn đề" in text
    assert "Có vấn đề: Khu vực cầu tàu, khu vực xếp, dỡ hàng hóa (Đ14.4.2b)" in text
    assert "lệch góc" in text and "Bãi 2 đông xe chờ" in text
    assert "Đã kiểm tra ngẫu nhiên 3 xe" in text and "DV-CAM-07" in text
    assert "Chưa kiểm tra: Khu vực làm thủ tục hải quan; Khu vực kiểm tra thực tế hàng hóa" \
        in text
    assert ctx.dutylog.verify(desk.id).ok

    # Finished: frozen; a new start begins a new run.
    with pytest.raises(ValidationError):
        ctx.checklists.tick(officer, run.id, "kiem_tra_thuc_te", "ok")
    with pytest.raises(ValidationError):
        ctx.checklists.finish(officer, run.id)
    again = ctx.checklists.start(officer, desk.id, shift.id, DV)
    assert again.id != run.id and again.status == "open"
    assert [r.id for r in ctx.checklists.runs(desk.id, shift.id)] == [run.id, again.id]
    with pytest.raises(ValidationError):
        ctx.checklists.finish(officer, again.id)  # nothing ticked yet
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistRun)) == 2
        assert s.scalar(select(func.count()).select_from(ChecklistTick)) == 3
        assert s.scalar(select(func.count()).select_from(LogEntry).where(
            LogEntry.content.contains("danh mục khu vực"))) == 1


def test_each_site_and_shift_has_its_own_run(ctx, users, desk, cams):
    officer = users["giamsat1"]
    shift = ctx.roster.current_shift(desk.id)
    dv = ctx.checklists.start(officer, desk.id, shift.id, DV)
    hn = ctx.checklists.start(officer, desk.id, shift.id, HN)
    assert dv.id != hn.id and hn.site_type == "road_border_gate"
    ctx.clock.set(shift.ends_at + timedelta(hours=1))
    tomorrow = ctx.roster.current_shift(desk.id)
    assert ctx.checklists.start(officer, desk.id, tomorrow.id, DV).id not in (dv.id, hn.id)
    assert ctx.checklists.open_run(desk.id, shift.id, DV, "seaport").id == dv.id


def test_two_consoles_starting_at_once_share_one_run(ctx, users, desk, cams, db_url):
    import threading  # noqa: PLC0415

    from app.db.engine import Database  # noqa: PLC0415
    from app.dutylog import DutyLog  # noqa: PLC0415

    shift = ctx.roster.current_shift(desk.id)
    dbs = [Database(db_url) for _ in range(3)]
    consoles = [Checklists(db, ctx.clock, DutyLog(db, ctx.clock), ctx.cameras) for db in dbs]
    barrier = threading.Barrier(len(consoles))
    runs: list = []
    errors: list = []

    def start(lists: Checklists) -> None:
        try:
            barrier.wait(timeout=10)
            runs.append(lists.start(users["giamsat1"], desk.id, shift.id, HN))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(c,)) for c in consoles]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for db in dbs:
        db.dispose()
    assert errors == [] and len(runs) == 3 and len({r.id for r in runs}) == 1
