"""The camera registry: CSV and JSON import (all or nothing, errors with file and
line), credentials encrypted at rest with the site key, stream URLs with
credentials or through the relay, admin-only edits with optimistic locking, and
the demo set."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cameras.registry import (
    KEY_FILE,
    CameraRegistry,
    demo_cameras,
    parse_file,
    seed_demo_cameras,
)
from app.errors import ConflictError, ImportFileError, PermissionDenied, ValidationError

SECRET = "Mk#Bí-mật:2026/@x"
HEADER = ("code,name,site,area_type,zone,unit,kind,main_url,sub_url,relay_url,onvif_url,"
          "lat,lon,heading,active,username,password\n")
GOOD_CSV = HEADER + (
    "T-01,Cổng A,Cảng Đình Vũ,seaport,Cổng cảng,KV3-DV,recognition,"
    "rtsp://10.3.1.21:554/Streaming/Channels/101,rtsp://10.3.1.21:554/Streaming/Channels/102,,,"
    f"20.8432,106.7671,90,true,giamsat,\"{SECRET}\"\n"
    "T-02,Bãi container,Cảng Đình Vũ,seaport,Bãi,KV3-DV,ptz,rtsp://10.3.1.22/main,,,"
    "http://10.3.1.22/onvif/device_service,,,,,,\n"
    "T-03,Làn xe xuất,Cửa khẩu quốc tế Hữu Nghị,road_border_gate,Cổng,KV7-HN,fixed,"
    "rtsp://10.7.1.5/ch1,rtsp://10.7.1.5/ch2,rtsp://relay:8554/{code}/{stream},,,,,no,,\n")


def _file(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _count(ctx) -> int:
    with ctx.db.engine.connect() as c:
        return c.execute(text("SELECT COUNT(*) FROM camera")).scalar_one()


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv("CUSTOMS_SITE_KEY", raising=False)


def test_import_good_csv(ctx, users):
    counts = ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    assert counts == {"created": 3, "updated": 0}
    cams = {c.code: c for c in ctx.cameras.cameras()}
    t1, t2, t3 = cams["T-01"], cams["T-02"], cams["T-03"]
    assert t1.site == "Cảng Đình Vũ" and t1.area_type == "seaport" and t1.kind == "recognition"
    assert (t1.lat, t1.lon, t1.heading, t1.active) == (20.8432, 106.7671, 90.0, True)
    assert t2.sub_url is None and t2.onvif_url == "http://10.3.1.22/onvif/device_service"
    assert t2.credentials is None and t3.active is False
    units = {u.code: u.id for u in ctx.reference.units()}
    assert t1.unit_id == units["KV3-DV"] and t3.unit_id == units["KV7-HN"]
    assert set(ctx.cameras.sites()) == {"Cảng Đình Vũ", "Cửa khẩu quốc tế Hữu Nghị"}
    # Without credentials the URL is returned as is; sub falls back to main.
    assert ctx.cameras.stream_url(t2, "sub") == "rtsp://10.3.1.22/main"


def test_import_good_json_and_upsert(ctx, users):
    items = [{"code": "J-1", "name": "Sảnh đến quốc tế", "site": "Cảng hàng không Nội Bài",
              "area_type": "airport", "zone": "Nhà ga T2", "unit": "KV7-HN", "kind": "fixed",
              "main_url": "rtsp://10.1.1.1/main", "sub_url": "rtsp://10.1.1.1/sub",
              "plan_x": 120.5, "plan_y": 40, "heading": 270, "active": True},
             {"code": "J-2", "name": "Xe chỉ huy", "site": "Cảng Đình Vũ", "area_type": "seaport",
              "unit": "KV3-DV", "kind": "mobile", "main_url": "rtsp://10.1.1.2/main",
              "username": "admin", "password": SECRET}]
    path = _file(ctx.data_dir.parent, "c.json", json.dumps({"cameras": items}, indent=2))
    assert ctx.cameras.import_file(users["admin"], path) == {"created": 2, "updated": 0}
    j1 = ctx.cameras.camera("J-1")
    assert (j1.plan_x, j1.plan_y, j1.heading, j1.area_type) == (120.5, 40.0, 270.0, "airport")
    # Upsert by code: same rows, new values; credentials not given are kept.
    items[0]["name"] = "Sảnh đến quốc tế (T2)"
    del items[1]["username"], items[1]["password"]
    path.write_text(json.dumps(items), encoding="utf-8")
    assert ctx.cameras.import_file(None, path) == {"created": 0, "updated": 2}
    assert _count(ctx) == 2 and ctx.cameras.camera("J-1").name == "Sảnh đến quốc tế (T2)"
    assert ctx.cameras.camera("J-1").id == j1.id
    assert SECRET.replace("@", "%40") not in ctx.cameras.camera("J-2").credentials
    assert ctx.cameras.stream_url(ctx.cameras.camera("J-2"), "main").startswith("rtsp://admin:")


BAD_CSV = HEADER + (
    "B-1,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,rtsp://10.0.0.1/a,,,,,,,,,\n"   # line 2: good
    "B-2,Cổng,Cảng Đình Vũ,seaport,,NO-UNIT,fixed,rtsp://10.0.0.2/a,,,,,,,,,\n"  # 3
    "B-1,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,rtsp://10.0.0.3/a,,,,,,,,,\n"   # 4
    "B-4,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,dome,rtsp://10.0.0.4/a,,,,,,,,,\n"    # 5
    "B-5,Cổng,Cảng Đình Vũ,harbour,,KV3-DV,fixed,rtsp://10.0.0.5/a,,,,,,,,,\n"   # 6
    "B-6,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,http//bad url,,,,,,,,,\n"       # 7
    "B-7,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,rtsp://u:p@10.0.0.7/a,,,,,,,,,\n"  # 8
    "B-8,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,rtsp://10.0.0.8/a,,,,91,0,,,,\n"  # 9
    "B-9,Cổng,Cảng Đình Vũ,seaport,,KV3-DV,fixed,rtsp://10.0.0.9/a,,rtsp://r/{cam},,,,,,,\n")  # 10


def test_bad_csv_names_file_and_lines_and_writes_nothing(ctx, users):
    ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "ok.csv", GOOD_CSV))
    before = _count(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "bad.csv", BAD_CSV))
    problems = err.value.problems
    assert {f for f, _ln, _m in problems} == {"bad.csv"}
    lines = {ln for _f, ln, _m in problems}
    assert lines == {3, 4, 5, 6, 7, 8, 9, 10}
    by_line = {ln: m for _f, ln, m in problems}
    assert "unknown unit NO-UNIT" in by_line[3] and "duplicate camera code B-1" in by_line[4]
    assert "kind" in by_line[5] and "area type" in by_line[6]
    assert "not a valid URL" in by_line[7] and "credentials" in by_line[8]
    assert "lat" in by_line[9] and "{code}" in by_line[10]
    assert "bad.csv:3:" in str(err.value)
    assert _count(ctx) == before


def test_bad_json_names_lines_and_writes_nothing(ctx, users):
    content = textwrap.dedent("""\
        [
          {"code": "X-1", "name": "A", "site": "S", "area_type": "seaport", "unit": "KV3-DV",
           "kind": "fixed", "main_url": "rtsp://10.0.0.1/a"},
          {"code": "X-2", "name": "B", "site": "S", "area_type": "seaport", "unit": "KV3-DV",
           "kind": "fixed"},
          {"code": "X-3", "name": "C", "site": "S", "area_type": "seaport", "unit": "KV3-DV",
           "kind": "fixed", "main_url": "rtsp://10.0.0.3/a", "password": "x"}
        ]
    """)
    with pytest.raises(ImportFileError) as err:
        ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.json", content))
    assert [(f, ln) for f, ln, _m in err.value.problems] == [("c.json", 4), ("c.json", 6)]
    assert "main_url is required" in err.value.problems[0][2]
    broken = _file(ctx.data_dir.parent, "broken.json", '[\n  {"code": "X-1",\n  oops}\n]')
    with pytest.raises(ImportFileError) as err:
        parse_file(broken)
    assert err.value.problems[0][:2] == ("broken.json", 3)
    assert _count(ctx) == 0


def test_credentials_are_encrypted_at_rest_and_round_trip(ctx, users):
    ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    with ctx.db.engine.connect() as c:
        raw = c.execute(text("SELECT credentials FROM camera WHERE code = 'T-01'")).scalar_one()
        dump = " ".join(str(v) for row in c.execute(text("SELECT * FROM camera")) for v in row)
    assert raw and SECRET not in raw and "giamsat" not in raw
    assert SECRET not in dump and "Bí-mật" not in dump
    assert (ctx.data_dir / KEY_FILE).exists()
    cam = ctx.cameras.camera("T-01")
    url = ctx.cameras.stream_url(cam, "main")
    assert url == ("rtsp://giamsat:Mk%23B%C3%AD-m%E1%BA%ADt%3A2026%2F%40x@10.3.1.21:554"
                   "/Streaming/Channels/101")
    assert ctx.cameras.stream_url(cam, "sub").endswith("@10.3.1.21:554/Streaming/Channels/102")
    assert ctx.cameras.credentials(users["admin"], cam) == ("giamsat", SECRET)
    with pytest.raises(PermissionDenied):
        ctx.cameras.credentials(users["giamsat1"], cam)
    # Another workstation with the same site key (copied file) reads them too ...
    other = ctx.data_dir.parent / "other"
    other.mkdir()
    (other / KEY_FILE).write_bytes((ctx.data_dir / KEY_FILE).read_bytes())
    (other / KEY_FILE).chmod(0o600)   # a copy others could read would be refused
    assert CameraRegistry(ctx.db, ctx.clock, other).stream_url(cam, "main") == url
    # ... one with a different key cannot.
    with pytest.raises(ValidationError):
        CameraRegistry(ctx.db, ctx.clock, ctx.data_dir.parent / "stranger").stream_url(cam)


def test_site_key_from_the_environment(ctx, users, monkeypatch):
    from cryptography.fernet import Fernet  # noqa: PLC0415

    key = Fernet.generate_key().decode()
    monkeypatch.setenv("CUSTOMS_SITE_KEY", key)
    ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    assert not (ctx.data_dir / KEY_FILE).exists()
    cam = ctx.cameras.camera("T-01")
    assert Fernet(key.encode()).decrypt(cam.credentials.encode())
    monkeypatch.setenv("CUSTOMS_SITE_KEY", "not-a-key")
    with pytest.raises(ValidationError):
        CameraRegistry(ctx.db, ctx.clock, ctx.data_dir).stream_url(cam)


def test_relay_template(ctx, users):
    ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    t3 = ctx.cameras.camera("T-03")
    assert ctx.cameras.stream_url(t3, "sub") == "rtsp://relay:8554/T-03/sub"
    assert ctx.cameras.stream_url(t3, "main") == "rtsp://relay:8554/T-03/main"
    with pytest.raises(ValueError):
        ctx.cameras.stream_url(t3, "third")


def test_admin_only_edit_and_conflict(ctx, users):
    ctx.cameras.import_file(users["admin"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    cam = ctx.cameras.camera("T-02")
    with pytest.raises(PermissionDenied):
        ctx.cameras.update_camera(users["truongca"], cam.id, cam.version, name="X")
    with pytest.raises(PermissionDenied):
        ctx.cameras.import_file(users["giamsat1"], _file(ctx.data_dir.parent, "c.csv", GOOD_CSV))
    seq = _changes(ctx)
    edited = ctx.cameras.update_camera(
        users["admin"], cam.id, cam.version, name="Bãi container số 1", heading=45,
        relay_url="rtsp://relay.local:8554/{code}/{stream}", username="op", password=SECRET)
    assert edited.version == cam.version + 1 and edited.name == "Bãi container số 1"
    assert _changes(ctx)[-1] == ("camera", cam.id) and len(_changes(ctx)) == len(seq) + 1
    fresh = ctx.cameras.camera("T-02")
    assert fresh.heading == 45.0
    assert ctx.cameras.credentials(users["admin"], fresh) == ("op", SECRET)
    assert ctx.cameras.stream_url(fresh, "main") == "rtsp://relay.local:8554/T-02/main"
    with pytest.raises(ConflictError):  # the version read before the edit is stale
        ctx.cameras.update_camera(users["admin"], cam.id, cam.version, name="Y")
    with pytest.raises(ValidationError):
        ctx.cameras.update_camera(users["admin"], fresh.id, fresh.version, kind="dome")
    with pytest.raises(ValidationError):
        ctx.cameras.update_camera(users["admin"], fresh.id, fresh.version,
                                  main_url="rtsp://u:p@10.0.0.1/x")
    assert ctx.cameras.camera("T-02").name == "Bãi container số 1"


def _changes(ctx) -> list[tuple[str, int | None]]:
    with ctx.db.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(
            "SELECT topic, ref_id FROM change_event ORDER BY seq"))]


def test_demo_set(ctx):
    items = demo_cameras(port=18554)
    assert len(items) >= 16 and len({i["code"] for i in items}) == len(items)
    assert {i["site"] for i in items} == {"Cảng Đình Vũ", "Cửa khẩu quốc tế Hữu Nghị"}
    assert {i["unit"] for i in items} == {"KV3-DV", "KV7-HN"}
    assert all(i["main_url"] == f"rtsp://127.0.0.1:18554/{i['code']}/main" and
               i["sub_url"] == f"rtsp://127.0.0.1:18554/{i['code']}/sub" for i in items)
    assert {i["kind"] for i in items} == {"fixed", "ptz", "recognition", "mobile"}
    assert seed_demo_cameras(ctx, 18554) == {"created": len(items), "updated": 0}
    assert seed_demo_cameras(ctx, 18554) == {"created": 0, "updated": len(items)}
    sites = ctx.cameras.sites()
    assert len(sites) == 2 and sum(len(v) for v in sites.values()) >= 16
    cam = ctx.cameras.camera("DV-CAM-07")
    assert ctx.cameras.stream_url(cam, "sub") == "rtsp://127.0.0.1:18554/DV-CAM-07/sub"
