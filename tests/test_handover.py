"""The handover (Đ5.5, Đ6.6): draft → signed by this shift's leader with the
log's chain head → acknowledged by another shift leader → frozen; the signature
detects tampering; open items come from providers, and a broken provider does
not stop the handover."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, text

from app.clock import fmt_local
from app.db.models import Handover
from app.dutylog import EntryDraft, EntryKind
from app.errors import ConflictError, FrozenError, PermissionDenied
from app.handover import OpenItem, open_items_of
from app.roster import MemberSpec


@pytest.fixture
def shift(ctx, users, desk):
    """The current shift, led by truongca, with one officer."""
    s = ctx.roster.current_shift(desk.id)
    return ctx.roster.set_members(users["truongca"], s.id, s.version, [
        MemberSpec(users["truongca"].id, "shift_leader"),
        MemberSpec(users["giamsat1"].id, "officer", "Cửa khẩu Hữu Nghị")])


def _row(ctx, handover_id: int) -> dict:
    with ctx.db.engine.connect() as c:
        return dict(c.execute(text("SELECT * FROM handover WHERE id = :i"),
                              {"i": handover_id}).mappings().one())


def _log(ctx, users, desk, n=3):
    for i in range(n):
        ctx.dutylog.append(users["giamsat1"], desk.id,
                           EntryDraft(kind="work", content=f"Kiểm tra camera số {i}"))


def test_draft_sign_acknowledge(ctx, users, desk, shift):
    _log(ctx, users, desk)
    leader, incoming = users["truongca"], users["truongca2"]
    h = ctx.handover.save_draft(users["giamsat1"], shift.id, "  Ca trực bình thường.  ")
    assert h.status == "draft" and h.summary == "Ca trực bình thường."
    assert h.created_by == users["giamsat1"].id and h.desk_id == desk.id
    h = ctx.handover.save_draft(leader, shift.id, "Ca trực bình thường, không phát sinh.",
                                version=h.version)
    assert ctx.handover.for_shift(shift.id).id == h.id
    signed = ctx.handover.sign(leader, h.id, h.version)
    assert signed.status == "signed" and signed.signed_by == leader.id
    assert signed.signed_at == ctx.clock.now() and signed.signature
    done = ctx.handover.acknowledge(incoming, signed.id, signed.version)
    assert done.status == "acknowledged" and done.acknowledged_by == incoming.id
    assert done.acknowledged_at == ctx.clock.now()
    assert done.summary == "Ca trực bình thường, không phát sinh."
    assert ctx.handover.verify_signature(ctx.handover.get(h.id))


def test_only_this_shifts_leader_signs(ctx, users, desk, shift):
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Bình thường")
    for name in ("truongca2", "kv3.truongca"):  # shift leaders, but not of this shift
        with pytest.raises(PermissionDenied) as err:
            ctx.handover.sign(users[name], h.id, h.version)
        assert "leader of this shift" in err.value.message()
    row = _row(ctx, h.id)
    assert row["status"] == "draft" and row["signed_by"] is None and row["signature"] is None
    assert ctx.handover.sign(users["truongca"], h.id, h.version).status == "signed"


@pytest.mark.parametrize("name", ["giamsat1", "lanhdaophong", "tonghop", "cuctruong", "admin"])
def test_who_may_not_sign(ctx, users, desk, shift, name):
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Bình thường")
    entries = len(ctx.dutylog.entries(desk.id))
    with pytest.raises(PermissionDenied):
        ctx.handover.sign(users[name], h.id, h.version)
    assert _row(ctx, h.id)["status"] == "draft"
    assert len(ctx.dutylog.entries(desk.id)) == entries  # no handover entry either


def test_signed_report_is_frozen(ctx, users, desk, shift):
    leader = users["truongca"]
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    h = ctx.handover.sign(leader, h.id, h.version)
    before = _row(ctx, h.id)
    with pytest.raises(FrozenError):
        ctx.handover.save_draft(leader, shift.id, "Sửa sau khi ký", version=h.version)
    with pytest.raises(FrozenError):
        ctx.handover.save_draft(leader, shift.id, "Sửa sau khi ký")
    with pytest.raises(FrozenError):  # signing twice
        ctx.handover.sign(leader, h.id, h.version)
    assert _row(ctx, h.id) == before
    h = ctx.handover.acknowledge(users["truongca2"], h.id, h.version)
    acked = _row(ctx, h.id)
    with pytest.raises(FrozenError):
        ctx.handover.save_draft(users["truongca2"], shift.id, "Sửa sau khi nhận")
    assert _row(ctx, h.id) == acked


def test_draft_edit_with_a_stale_version_conflicts(ctx, users, desk, shift):
    h1 = ctx.handover.save_draft(users["giamsat1"], shift.id, "Bản 1")
    ctx.handover.save_draft(users["truongca"], shift.id, "Bản 2", version=h1.version)
    with pytest.raises(ConflictError):
        ctx.handover.save_draft(users["giamsat1"], shift.id, "Bản 3", version=h1.version)
    assert _row(ctx, h1.id)["summary"] == "Bản 2"


def test_acknowledge_twice_or_stale_conflicts(ctx, users, desk, shift):
    leader = users["truongca"]
    draft = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    with pytest.raises(FrozenError):  # not signed yet
        ctx.handover.acknowledge(users["truongca2"], draft.id, draft.version)
    signed = ctx.handover.sign(leader, draft.id, draft.version)
    with pytest.raises(ConflictError):  # the version of the draft, read before signing
        ctx.handover.acknowledge(users["truongca2"], signed.id, draft.version)
    assert _row(ctx, signed.id)["status"] == "signed"
    done = ctx.handover.acknowledge(users["truongca2"], signed.id, signed.version)
    after = _row(ctx, done.id)
    # A second acknowledgement, with the old or the new version: somebody was first.
    for version in (signed.version, done.version):
        with pytest.raises(ConflictError):
            ctx.handover.acknowledge(users["kv3.truongca"], signed.id, version)
    assert _row(ctx, done.id) == after
    assert after["acknowledged_by"] == users["truongca2"].id


def test_signer_cannot_acknowledge_his_own(ctx, users, desk, shift):
    leader = users["truongca"]
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    h = ctx.handover.sign(leader, h.id, h.version)
    with pytest.raises(PermissionDenied):
        ctx.handover.acknowledge(leader, h.id, h.version)
    for name in ("giamsat1", "lanhdaophong", "tonghop"):
        with pytest.raises(PermissionDenied):
            ctx.handover.acknowledge(users[name], h.id, h.version)
    row = _row(ctx, h.id)
    assert row["status"] == "signed" and row["acknowledged_by"] is None


def test_signature_holds_and_sql_tampering_breaks_it(ctx, users, desk, shift):
    _log(ctx, users, desk)
    leader = users["truongca"]
    h = ctx.handover.save_draft(leader, shift.id, "Tiếp nhận 2 vụ việc")
    h = ctx.handover.sign(leader, h.id, h.version)
    assert ctx.handover.verify_signature(h)
    assert ctx.handover.verify_signature(ctx.handover.get(h.id))  # as stored
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE handover SET summary = :s WHERE id = :i"),
                  {"s": "Không có vụ việc nào", "i": h.id})
    assert not ctx.handover.verify_signature(ctx.handover.get(h.id))
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE handover SET summary = :s WHERE id = :i"),
                  {"s": "Tiếp nhận 2 vụ việc", "i": h.id})
    assert ctx.handover.verify_signature(ctx.handover.get(h.id))
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE handover SET chain_seq = chain_seq - 1 WHERE id = :i"),
                  {"i": h.id})
    assert not ctx.handover.verify_signature(ctx.handover.get(h.id))


def test_an_unsigned_draft_has_no_valid_signature(ctx, users, desk, shift):
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Bình thường")
    assert not ctx.handover.verify_signature(h)


def test_chain_head_at_signing_and_the_handover_entry(ctx, users, desk, shift):
    _log(ctx, users, desk, 4)
    leader = users["truongca"]
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    head = ctx.dutylog.head(desk.id)
    assert head[0] == 4
    signed = ctx.handover.sign(leader, h.id, h.version)
    assert (signed.chain_seq, signed.chain_hash) == head
    stored = _row(ctx, h.id)
    assert (stored["chain_seq"], stored["chain_hash"]) == head
    entries = ctx.dutylog.entries(desk.id)
    assert len(entries) == 5
    last = entries[-1]
    assert last.kind == EntryKind.HANDOVER and last.author_id == leader.id
    assert last.seq == head[0] + 1 and last.prev_hash == head[1]
    assert f"#{head[0]}" in last.content and head[1][:16] in last.content
    assert ctx.dutylog.head(desk.id) == (5, last.hash)
    assert ctx.dutylog.verify(desk.id).ok


def test_open_items_list_open_incidents_and_unacknowledged_notices(ctx, users, desk, shift):
    officer = users["giamsat1"]
    open_case = str(uuid.uuid4())
    ctx.dutylog.append(officer, desk.id, EntryDraft(
        kind="incident", content="Container MSKU1234565 rời khu vực giám sát chưa thông quan",
        case_ref=open_case, case_title="Container MSKU1234565 nghi vấn"))
    closed_case = str(uuid.uuid4())
    ctx.dutylog.append(officer, desk.id, EntryDraft(kind="incident", content="Xe dừng lâu",
                                                    case_ref=closed_case))
    ctx.dutylog.append(officer, desk.id, EntryDraft(kind="result", content="Đã xử lý xong",
                                                    case_ref=closed_case))
    sent = ctx.notices.create(officer, desk.id, "Camera cổng B mất tín hiệu", "phone",
                              contact="Đội Giám sát cảng Đình Vũ")
    sent = ctx.notices.mark_sent(officer, sent.id, sent.version)
    acked = ctx.notices.create(officer, desk.id, "Camera cổng C mờ", "email")
    acked = ctx.notices.mark_sent(officer, acked.id, acked.version)
    ctx.notices.acknowledge(officer, acked.id, acked.version, by_contact="anh Tuấn")
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Bình thường")
    items = open_items_of(h)
    assert {(i.source, i.title) for i in items} == {
        ("incident", "Container MSKU1234565 nghi vấn"),
        ("notice", "Camera cổng B mất tín hiệu"),
    }
    notice = next(i for i in items if i.source == "notice")
    assert notice.ref == str(sent.id) and notice.detail == "Đội Giám sát cảng Đình Vũ"
    assert notice.since == fmt_local(ctx.clock.now())
    # The items are kept in the report as they were when it was saved.
    assert open_items_of(ctx.handover.get(h.id)) == items


class _BrokenProvider:
    source = "camera_outage"

    def open_items(self, desk_id, shift):  # noqa: ARG002
        raise RuntimeError("camera health service is down")


class _PtzProvider:
    source = "ptz_position"

    def open_items(self, desk_id, shift):  # noqa: ARG002
        return [OpenItem("ptz_position", "CAM-07", "Camera 07 lệch góc")]


def test_a_failing_provider_does_not_stop_the_handover(ctx, users, desk, shift):
    ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind="incident", content="Xe 15C-123.45 không có tờ khai", case_ref=str(uuid.uuid4())))
    ctx.open_items.register(_BrokenProvider())
    ctx.open_items.register(_PtzProvider())  # providers after the broken one still run
    leader = users["truongca"]
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    items = open_items_of(h)
    assert [i.source for i in items] == ["incident", "camera_outage", "ptz_position"]
    broken = items[1]
    assert broken.ref == "-" and "camera_outage" in broken.title
    h = ctx.handover.sign(leader, h.id, h.version)
    assert h.status == "signed" and ctx.handover.verify_signature(h)


def test_collect_open_items_for_a_shift(ctx, users, desk, shift):
    ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind="incident", content="Niêm phong định vị bị mở", case_ref=str(uuid.uuid4())))
    items = ctx.handover.collect_open_items(desk.id, shift.id)
    assert [(i.source, i.title) for i in items] == [("incident", "Niêm phong định vị bị mở")]
    # Another desk's incidents are not this desk's open items.
    kv3 = ctx.reference.desk_by_code("KV3")
    assert ctx.handover.collect_open_items(kv3.id, ctx.roster.current_shift(kv3.id).id) == []


def test_handover_model_is_scoped_to_the_shift(ctx, users, desk, shift):
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Một")
    again = ctx.handover.save_draft(users["truongca"], shift.id, "Hai", version=h.version)
    assert again.id == h.id
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Handover)
                        .where(Handover.shift_id == shift.id)) == 1
