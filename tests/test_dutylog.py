"""The duty log: append-only entries, corrections, cases, the hash chain and its
verification, search that ignores Vietnamese diacritics — on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.dutylog import HASHED_COLUMNS, EntryDraft, EntryKind
from app.errors import PermissionDenied, ValidationError
from main import main


def _write(ctx, user, desk, n=3, **kw):
    out = []
    for i in range(n):
        ctx.clock.advance(timedelta(minutes=1))
        out.append(ctx.dutylog.append(user, desk.id, EntryDraft(
            kind=kw.get("kind", EntryKind.WORK),
            content=kw.get("content", f"Kiểm tra camera số {i}"),
            scope="Cửa khẩu Hữu Nghị")))
    return out


def test_append_builds_a_linear_chain(ctx, users, desk):
    ctx.roster.current_shift(desk.id)
    entries = _write(ctx, users["giamsat1"], desk, 5)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == "0" * 64
    for a, b in zip(entries, entries[1:], strict=False):
        assert b.prev_hash == a.hash
    assert all(e.shift_id is not None for e in entries)
    assert ctx.dutylog.verify(desk.id).ok
    assert ctx.dutylog.head(desk.id) == (5, entries[-1].hash)


def test_append_is_idempotent_on_client_id(ctx, users, desk):
    draft = EntryDraft(kind="work", content="Giám sát cảng Đình Vũ")
    a = ctx.dutylog.append(users["giamsat1"], desk.id, draft)
    b = ctx.dutylog.append(users["giamsat1"], desk.id, draft)
    assert a.id == b.id
    assert len(ctx.dutylog.entries(desk.id)) == 1


def test_desks_have_their_own_chains(ctx, users, desk):
    kv3 = ctx.reference.desk_by_code("KV3")
    _write(ctx, users["giamsat1"], desk, 2)
    other = _write(ctx, users["kv3.giamsat"], kv3, 3)
    assert [e.seq for e in other] == [1, 2, 3]
    assert ctx.dutylog.verify(desk.id).ok and ctx.dutylog.verify(kv3.id).ok
    assert len(ctx.dutylog.entries(kv3.id)) == 3


@pytest.mark.parametrize("column",
                         [c for c in HASHED_COLUMNS if c not in ("id",)] + ["search_text"])
def test_any_column_changed_in_sql_is_caught(ctx, users, desk, column, capsys):
    incident = ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind="incident", content="Vụ việc", case_ref=str(uuid.uuid4())))
    entries = _write(ctx, users["giamsat1"], desk, 3)
    target = entries[1]
    values = {
        "desk_id": None, "seq": 99, "client_id": str(uuid.uuid4()), "shift_id": None,
        "kind": "note", "case_id": incident.case_id, "corrects_id": entries[0].id,
        "correction_reason": "sửa", "entry_time": "2026-01-01 00:00:00.000000",
        "content": "Nội dung bị sửa", "scope": "khác", "occurred_at": "2026-01-01 00:00:00.000000",
        "received_at": "2026-01-01 00:00:00.000000", "place": "nơi khác",
        "declaration_no": "104339917920", "container_no": "CSQU3054383", "vehicle_plate": "29A",
        "channel": "fax", "unit_name": "đơn vị", "reported_at": "2026-01-01 00:00:00.000000",
        "note": "ghi chú", "author_id": users["truongca"].id,
        "recorded_at": "2026-01-01 00:00:00.000000", "local_time": "2026-01-01 00:00:00.000000",
        "offline": True, "prev_hash": "f" * 64, "search_text": "sua doi",
    }
    value = values[column]
    if column == "desk_id":
        value = ctx.reference.desk_by_code("KV7").id
    if column == "shift_id":
        # The entry sits in a shift; move it to another shift.
        day = ctx.roster.current_duty_date() - timedelta(days=3)
        value = ctx.roster.ensure_shift(desk.id, day).id
    with ctx.db.engine.begin() as c:
        c.execute(text(f"UPDATE log_entry SET {column} = :v WHERE id = :id"),
                  {"v": value, "id": target.id})
    result = ctx.dutylog.verify(desk.id)
    assert not result.ok, column
    assert result.broken_seq in (3, 4) or column == "desk_id"


def test_cli_verify_reports_first_broken_entry(ctx, users, desk, capsys, monkeypatch):
    entries = _write(ctx, users["giamsat1"], desk, 4)
    db_url = ctx.db.url.render_as_string(hide_password=False)
    # this test's workstation: its store of signed heads, not the run's shared folder
    monkeypatch.setenv("CUSTOMS_DATA_DIR", str(ctx.data_dir))
    assert main(["--db", db_url, "--verify-log"]) == 0
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE log_entry SET content = 'đã sửa lén' WHERE id = :id"),
                  {"id": entries[2].id})
    assert main(["--db", db_url, "--verify-log"]) == 1
    err = capsys.readouterr().err
    assert "#3" in err


def test_deleting_newest_entries_is_caught_against_the_signed_head(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    leader = users["truongca"]
    ctx.roster.set_members(leader, shift.id, shift.version, [])
    _write(ctx, users["giamsat1"], desk, 4)
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    ctx.handover.sign(leader, h.id, h.version)
    assert ctx.dutylog.verify(desk.id).ok
    # Delete the newest entries and rewind the chain head as a forger would.
    with ctx.db.engine.begin() as c:
        prev = c.execute(text("SELECT hash FROM log_entry WHERE desk_id=:d AND seq=2"),
                         {"d": desk.id}).scalar_one()
        c.execute(text("DELETE FROM log_entry WHERE desk_id=:d AND seq > 2"), {"d": desk.id})
        c.execute(text("UPDATE log_chain_head SET seq=2, hash=:h WHERE desk_id=:d"),
                  {"h": prev, "d": desk.id})
    result = ctx.dutylog.verify(desk.id)
    assert not result.ok
    assert "deleted" in result.reason


def test_deleting_newest_entries_is_caught_by_the_chain_head(ctx, users, desk):
    _write(ctx, users["giamsat1"], desk, 4)
    with ctx.db.engine.begin() as c:
        c.execute(text("DELETE FROM log_entry WHERE desk_id=:d AND seq = 4"), {"d": desk.id})
    result = ctx.dutylog.verify(desk.id)
    assert not result.ok and "removed" in result.reason


def test_correction_is_a_new_entry_and_never_overwrites(ctx, users, desk):
    (original,) = _write(ctx, users["giamsat1"], desk, 1, content="Xe 15C-123.45 rời cảng")
    with pytest.raises(PermissionDenied):  # an officer cannot correct
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
            kind="work", content="x", corrects_id=original.id, correction_reason="sai biển số"))
    with pytest.raises(ValidationError):  # a correction needs a reason
        ctx.dutylog.append(users["tonghop"], desk.id, EntryDraft(
            kind="work", content="Xe 15C-123.46 rời cảng", corrects_id=original.id))
    fix = ctx.dutylog.append(users["tonghop"], desk.id, EntryDraft(
        kind="work", content="Xe 15C-123.46 rời cảng", corrects_id=original.id,
        correction_reason="Sai biển số"))
    assert fix.id != original.id and fix.corrects_id == original.id
    again = ctx.dutylog.get(original.id)
    assert again.content == "Xe 15C-123.45 rời cảng" and again.hash == original.hash
    assert ctx.dutylog.corrections_of(desk.id, [original.id])[original.id][0].id == fix.id
    assert ctx.dutylog.verify(desk.id).ok


def test_case_links_incident_directive_and_result(ctx, users, desk):
    case = str(uuid.uuid4())
    inc = ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind="incident", content="Container MSKU1234565 nghi vấn", case_ref=case,
        container_no="MSKU1234565"))
    d = ctx.dutylog.append(users["lanhdaophong"], desk.id, EntryDraft(
        kind="directive", content="Đề nghị kiểm tra", channel="fax", case_ref=case,
        unit_name="Hải quan cửa khẩu Hữu Nghị"))
    assert d.case_id == inc.case_id is not None
    assert [c.id for c in ctx.dutylog.open_cases(desk.id)] == [inc.case_id]
    ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind="result", content="Đã kiểm tra, phù hợp", case_ref=case))
    assert ctx.dutylog.open_cases(desk.id) == []
    with pytest.raises(ValidationError):
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="directive",
                                                                  content="x", channel="phone"))


@pytest.mark.parametrize("query,expected", [
    ("truc ban", "Bàn giao nhật ký trực ban"),
    ("dieu tra", "Chi cục Điều tra chống buôn lậu phối hợp"),
    ("ĐIỀU TRA", "Chi cục Điều tra chống buôn lậu phối hợp"),
    ("dinh vu", "Giám sát cảng Đình Vũ"),
    ("CSQU305", "Container CSQU3054383 qua cổng"),
])
def test_search_ignores_diacritics_including_d(ctx, users, desk, query, expected):
    for content in ("Bàn giao nhật ký trực ban", "Chi cục Điều tra chống buôn lậu phối hợp",
                    "Giám sát cảng Đình Vũ", "Container CSQU3054383 qua cổng", "Trục xe bị hỏng"):
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="work", content=content))
    found = [e.content for e in ctx.dutylog.search(desk.id, query)]
    assert found == [expected]


def test_search_pages_newest_first(ctx, users, desk):
    for i in range(7):
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="work",
                                                                  content=f"Kiểm tra trạm cân {i}"))
    page1 = ctx.dutylog.search(desk.id, "tram can", limit=3)
    assert [e.content[-1] for e in page1] == ["6", "5", "4"]
    page2 = ctx.dutylog.search(desk.id, "tram can", limit=3, before_seq=page1[-1].seq)
    assert [e.content[-1] for e in page2] == ["3", "2", "1"]


def test_entries_filters(ctx, users, desk):
    ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="work", content="Việc A"))
    case = str(uuid.uuid4())
    ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="incident", content="Vụ B",
                                                               case_ref=case))
    ctx.dutylog.append(users["lanhdaophong"], desk.id, EntryDraft(
        kind="directive", content="Chỉ đạo C", channel="phone", case_ref=case,
        unit_name="Hải quan cửa khẩu Tân Thanh"))
    assert [e.content for e in ctx.dutylog.entries(desk.id, kind="incident")] == ["Vụ B"]
    assert [e.content for e in ctx.dutylog.entries(desk.id, unit="tân thanh")] == ["Chỉ đạo C"]
    assert [e.content for e in ctx.dutylog.entries(desk.id, query="viec")] == ["Việc A"]


@pytest.mark.parametrize("window", [1, 3, 100])
def test_search_gives_the_same_page_whatever_the_recent_window(ctx, users, desk, monkeypatch,
                                                               window):
    import app.dutylog.service  # noqa: PLC0415

    monkeypatch.setattr(app.dutylog.service, "RECENT_WINDOW", window)
    for i in range(8):
        content = f"Seal định vị container số {i}" if i % 3 == 0 else f"Kiểm tra trạm cân {i}"
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(kind="work", content=content))
    page = ctx.dutylog.search(desk.id, "seal dinh vi", limit=2)
    assert [e.content[-1] for e in page] == ["6", "3"]
    rest = ctx.dutylog.search(desk.id, "seal dinh vi", limit=2, before_seq=page[-1].seq)
    assert [e.content[-1] for e in rest] == ["0"]
