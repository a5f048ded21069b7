"""The demo site: reference data from resources/site/demo, a published rotation,
a week of shifts with members, and a few dozen believable duty-log entries.
Seeds a fresh database only; an existing one is left as it is."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import logs
from app.auth import CurrentUser, to_current
from app.clock import FixedClock, to_local, to_utc
from app.context import AppContext
from app.db.models import Desk, UserAccount
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.handover import HandoverService
from app.org import parse_yaml
from app.roster import MemberSpec, Roster, week_start_of
from app.workflow.incidents import IncidentDraft, IncidentService
from app.workflow.requests import RequestService
from app.workflow.rules import Action, Handling

log = logs.get("db")
SITE_FILE = Path(__file__).resolve().parent.parent / "resources" / "site" / "demo" / "site.yaml"
DEMO_PASSWORD = "demo123"


def seed(ctx: AppContext, entries_today: int = 24) -> bool:
    """Seed the demo site into an empty database. Returns False if it had data."""
    with ctx.db.read() as s:
        if s.scalar(select(func.count()).select_from(Desk)):
            return False
    ctx.reference.import_site(None, parse_yaml(SITE_FILE))
    from app.cameras.registry import seed_demo_cameras  # noqa: PLC0415

    seed_demo_cameras(ctx)  # registered before their faults are; the ports follow later
    users = _users(ctx)
    desk = ctx.reference.desk_by_code("HQ")
    now = ctx.clock.now()
    today = ctx.roster.current_duty_date()

    # the week of six days ago is this week on a Sunday: each week once
    for week in sorted({week_start_of(today - timedelta(days=6)), week_start_of(today),
                        week_start_of(today) + timedelta(days=7)}):
        plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, week)
        plan = ctx.roster.approve_rotation(users["cuctruong"], plan.id, plan.version)
        ctx.roster.publish_rotation(users["tonghop"], plan.id, plan.version)

    handover_acknowledged = now - timedelta(days=7)
    for back in range(6, -1, -1):
        day = today - timedelta(days=back)
        shift = ctx.roster.ensure_shift(desk.id, day)
        leader = users["truongca" if back % 2 == 0 else "truongca2"]
        shift = ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
            MemberSpec(leader.id, "shift_leader"),
            MemberSpec(users["lanhdaophong"].id, "room_leader"),
            MemberSpec(users["tonghop"].id, "clerk"),
            MemberSpec(users["giamsat1"].id, "officer",
                       "Cửa khẩu đường bộ Lạng Sơn; nhóm camera Hữu Nghị, Tân Thanh; "
                       "hệ thống VNACCS"),
            MemberSpec(users["giamsat2"].id, "officer",
                       "Cảng biển Hải Phòng; nhóm camera Đình Vũ; e-Manifest, seal định vị"),
        ])
        if back == 0:
            ctx.roster.set_focus(leader, shift.id, shift.version,
                                 "Tập trung giám sát hàng quá cảnh qua cửa khẩu Hữu Nghị và "
                                 "container luồng đỏ tại cảng Đình Vũ; theo dõi doanh nghiệp "
                                 "MST 0100233488 theo hồ sơ trọng điểm.")
        # Nothing is seeded after `now`, and the log is written in time order: the
        # routine entries, then yesterday's handover, then the story of the last
        # STORY_MINUTES (_workflow), then the directives and reports.
        story_start = now - timedelta(minutes=STORY_MINUTES + 5)
        handover_at = min(shift.ends_at - timedelta(minutes=20),
                          story_start - timedelta(minutes=30))
        start = shift.starts_at
        if back == 0:
            start = max(start, handover_acknowledged + timedelta(minutes=1))
            _write_day(ctx, desk.id, users, start, story_start, entries_today, leader)
        elif back > 1:
            _write_day(ctx, desk.id, users, start, min(shift.ends_at, story_start), 6, leader)
        else:
            _write_day(ctx, desk.id, users, start, handover_at - timedelta(minutes=5), 6, leader)
            clock = FixedClock(handover_at)
            dl = DutyLog(ctx.db, clock)
            hs = HandoverService(ctx.db, clock, dl, ctx.open_items, ctx.roster.leader_of)
            h = hs.save_draft(leader, shift.id,
                              "Ca trực diễn ra bình thường. Đã xử lý 1 vụ việc (xe "
                              "container rời khu vực giám sát cổng B cảng Đình Vũ khi "
                              "tờ khai chưa thông quan); Hải quan cửa khẩu cảng Đình Vũ "
                              "đã báo cáo kết quả. Hệ thống camera cảng Đình Vũ có lúc "
                              "mất tín hiệu, đã thông báo đơn vị quản lý.")
            h = hs.sign(leader, h.id, h.version)
            clock.advance(timedelta(minutes=25))
            hs.acknowledge(users["truongca"], h.id, h.version)
            handover_acknowledged = clock.now()
    _workflow(ctx, desk.id, users, now)
    _directives_and_reports(ctx, desk.id, users, now)
    ctx.refresh_cache(desk.id)
    log.info("demo site seeded")
    return True


# The story of the last hour and a half, written in time order: every step says how
# many minutes before the seeding it happened; they run oldest first, so the duty log
# (one hash chain, in the order written) reads in time order too.
STORY_MINUTES = 85


class _Story:
    def __init__(self) -> None:
        self.steps: list[tuple[int, int, Callable[[], object]]] = []

    def at(self, minutes_ago: int, step: Callable[[], object]) -> None:
        self.steps.append((minutes_ago, len(self.steps), step))

    def run(self) -> None:
        for _m, _i, step in sorted(self.steps, key=lambda s: (-s[0], s[1])):
            step()


def _workflow(ctx: AppContext, desk_id: int, users: dict[str, CurrentUser],
              now: datetime) -> None:
    """Incidents in several states and open requests with running deadlines, so the
    supervisor console is alive on first start (issue 4, item 11), with the notice of
    a camera fault sent an hour ago."""

    def at(minutes_ago: int) -> tuple[IncidentService, RequestService]:
        clock = FixedClock(now - timedelta(minutes=minutes_ago))
        dl = DutyLog(ctx.db, clock)
        return (IncidentService(ctx.db, clock, dl),
                RequestService(ctx.db, clock, dl, ack_minutes=ctx.requests.ack_minutes))

    def inc(m: int) -> IncidentService:
        return at(m)[0]

    def req(m: int) -> RequestService:
        return at(m)[1]

    officer1, officer2 = users["giamsat1"], users["giamsat2"]
    room, leader = users["lanhdaophong"], users["truongca"]
    made: dict[str, Any] = {}
    story = _Story()

    # the camera at gate B lost its signal an hour ago: the outage is still open (its
    # entry and its notice to the managing unit with it), as the health board shows
    story.at(60, lambda: _camera_health(ctx, now - timedelta(hours=1)).open_outage(
        officer2, desk_id, FAULTY_CAMERA, "offline",
        reason="Camera cổng B cảng Đình Vũ mất tín hiệu", started_at=now - timedelta(minutes=65)))

    # An overdue acknowledgement: in progress, the unit got the fax 55 minutes ago.
    story.at(80, lambda: made.setdefault("c", inc(80).create(officer2, desk_id, IncidentDraft(
        content="Container TCLU7081240 luồng đỏ được đưa ra khỏi khu vực giám sát trước khi "
                "kiểm tra thực tế", place="Cảng Đình Vũ, Hải Phòng",
        declaration_no="106221873410", container_no="TCLU7081240",
        vehicle_plate="15H-088.21", handling=Handling.COORDINATED_CHECK))))
    story.at(75, lambda: inc(75).transition(room, made["c"].id, Action.PROPOSE))
    story.at(70, lambda: inc(70).transition(leader, made["c"].id, Action.APPROVE))
    story.at(62, lambda: inc(62).transition(officer2, made["c"].id, Action.START))
    story.at(62, lambda: req(62).create(
        officer2, desk_id, subject="Phối hợp kiểm tra container TCLU7081240 (Phụ lục II)",
        channel="fax", unit_id=_unit_id(ctx, "KV3-DV"), incident_id=made["c"].id, urgent=True,
        contact="Đ/c Hải, Đội Giám sát cảng Đình Vũ", received_at=now - timedelta(minutes=55)))

    # In progress, handled by the room-level leader himself; the result is due later.
    story.at(50, lambda: made.setdefault("d", inc(50).create(officer1, desk_id, IncidentDraft(
        content="Chi cục Hải quan cửa khẩu Tân Thanh chưa gửi báo cáo ngày theo quy định",
        place="Cửa khẩu Tân Thanh, Lạng Sơn", handling=Handling.REMINDER))))
    story.at(46, lambda: inc(46).transition(room, made["d"].id, Action.ACT_DIRECTLY))
    story.at(46, lambda: made.setdefault("r", req(46).create(
        room, desk_id, subject="Đôn đốc gửi báo cáo ngày", channel="phone",
        unit_id=_unit_id(ctx, "KV7-TT"), incident_id=made["d"].id,
        contact="Đ/c Tuấn, Đội Giám sát cửa khẩu Tân Thanh",
        received_at=now - timedelta(minutes=45))))
    story.at(40, lambda: req(40).acknowledge(room, made["r"].id,
                                             "Đ/c Tuấn, Đội Giám sát cửa khẩu Tân Thanh",
                                             promised_at=now + timedelta(minutes=95)))

    # Approved by the shift leader by phone, recorded by the second officer (neither
    # the proposer nor the officer who raised it records it), and it awaits his
    # countersignature; the officer who raised it, not the recorder, phoned the
    # regional unit 10 minutes ago: acknowledgement due in 20.
    story.at(40, lambda: made.setdefault("b", inc(40).create(officer1, desk_id, IncidentDraft(
        content="Hình ảnh soi chiếu container MSKU1234565 có dấu hiệu hàng hóa không phù hợp "
                "khai báo", place="Cửa khẩu quốc tế Hữu Nghị", declaration_no="108557295010",
        container_no="MSKU1234565", vehicle_plate="12C-045.67",
        handling=Handling.COORDINATED_CHECK))))
    story.at(34, lambda: inc(34).transition(room, made["b"].id, Action.VERIFY))
    story.at(34, lambda: inc(34).transition(room, made["b"].id, Action.PROPOSE))
    story.at(28, lambda: inc(28).transition(officer2, made["b"].id, Action.APPROVE,
                                            on_behalf_of=leader, by_phone=True,
                                            opinion_at=now - timedelta(minutes=29)))
    story.at(12, lambda: req(12).create(
        officer1, desk_id, subject="Phối hợp kiểm tra thực tế container MSKU1234565 "
                                   "(Phụ lục II)",
        channel="phone", unit_id=_unit_id(ctx, "KV7-HN"), incident_id=made["b"].id, urgent=True,
        contact="Đ/c Sơn, Đội Giám sát cửa khẩu Hữu Nghị",
        received_at=now - timedelta(minutes=10)))

    # Proposed by the room-level leader, awaiting the shift leader's approval.
    story.at(15, lambda: made.setdefault("a", inc(15).create(officer2, desk_id, IncidentDraft(
        content="Xe đầu kéo 15C-123.45 chở container CSQU3054383 dừng bất thường ngoài khu "
                "vực giám sát, niêm phong định vị báo mở", place="Cổng B cảng Đình Vũ",
        declaration_no="104339917920", container_no="CSQU3054383", vehicle_plate="15C-123.45",
        enterprise_tax_code="0100233488", enterprise_name="Công ty TNHH Thương mại Hải Minh",
        handling=Handling.COORDINATED_CHECK))))
    story.at(9, lambda: inc(9).transition(room, made["a"].id, Action.VERIFY))
    story.at(9, lambda: inc(9).transition(room, made["a"].id, Action.PROPOSE,
                                          comment="Đề nghị phối hợp kiểm tra ngay theo Phụ lục II"))

    # Cleared goods: the shift leader agreed, the Director's opinion is awaited.
    story.at(30, lambda: made.setdefault("e", inc(30).create(officer1, desk_id, IncidentDraft(
        content="Lô hàng đã thông quan theo tờ khai 105998877120 có thông tin nghi vấn gian "
                "lận xuất xứ", place="Cảng Hải Phòng", declaration_no="105998877120",
        handling=Handling.CLEARED_GOODS))))
    story.at(25, lambda: inc(25).transition(room, made["e"].id, Action.PROPOSE))
    story.at(20, lambda: inc(20).transition(leader, made["e"].id, Action.APPROVE))
    story.run()


FAULTY_CAMERA = "DV-CAM-07"


def _camera_health(ctx: AppContext, at: datetime):
    from app.camera_health import CameraHealth  # noqa: PLC0415

    clock = FixedClock(at)
    return CameraHealth(ctx.db, clock, DutyLog(ctx.db, clock))


def _unit_id(ctx: AppContext, code: str) -> int | None:
    return next((u.id for u in ctx.reference.units() if u.code == code), None)


def _demo_unit(ctx: AppContext, code: str) -> int:
    """A unit the demo's reference data has (a missing one is a broken demo)."""
    unit_id = _unit_id(ctx, code)
    if unit_id is None:
        raise LookupError(f"the demo site has no unit {code}")
    return unit_id


def _users(ctx: AppContext) -> dict[str, CurrentUser]:
    with ctx.db.read() as s:
        return {u.username: to_current(u) for u in s.scalars(select(UserAccount))}


_WORK = [
    ("Kiểm tra tình trạng hoạt động của hệ thống camera tại các cửa khẩu đường bộ Lạng Sơn",
     "Cửa khẩu quốc tế Hữu Nghị, Tân Thanh, ga Đồng Đăng"),
    ("Giám sát trực tuyến hàng hóa qua khu vực giám sát cảng Đình Vũ", "Cảng Đình Vũ, Hải Phòng"),
    ("Kiểm tra ngẫu nhiên tờ khai luồng xanh trên hệ thống VNACCS", "12 tờ khai nhập khẩu"),
    ("Rà soát danh sách container tồn đọng quá 90 ngày tại cảng Hải Phòng", "Cảng Hải Phòng"),
    ("Đôn đốc báo cáo ngày của các Chi cục Hải quan khu vực", "20 Chi cục"),
    ("Kiểm tra góc quay, độ phóng của camera theo dữ liệu bản đồ camera", "Nhóm camera cảng biển"),
]
_INCIDENTS: list[dict[str, Any]] = [
    dict(content="Phát hiện xe container biển kiểm soát 15C-123.45 rời khu vực giám sát khi "
                 "tờ khai chưa thông quan",
         place="Cổng B cảng Đình Vũ", declaration_no="104339917920", container_no="CSQU3054383",
         vehicle_plate="15C-123.45",
         directive=("Đề nghị Hải quan cửa khẩu cảng Đình Vũ dừng phương tiện, kiểm tra hàng hóa",
                    "phone", "Hải quan cửa khẩu cảng Đình Vũ"),
         result=("Đã dừng phương tiện tại trạm cân; hàng hóa đúng khai báo, tờ khai đã được "
                 "thông quan lúc kiểm tra", "Hải quan cửa khẩu cảng Đình Vũ")),
    dict(content="Hình ảnh soi chiếu container TGHU8765436 có vùng mật độ bất thường so với "
                 "khai báo",
         place="Cửa khẩu quốc tế Hữu Nghị", declaration_no="108557295010",
         container_no="TGHU8765436", vehicle_plate="12C-188.09",
         directive=("Đề nghị phối hợp kiểm tra thực tế hàng hóa (điện fax khẩn)", "fax",
                    "Hải quan cửa khẩu quốc tế Hữu Nghị"),
         result=("Đã kiểm tra thực tế: hàng hóa phù hợp khai báo, vùng mật độ là phụ tùng "
                 "kim loại đã khai", "Hải quan cửa khẩu quốc tế Hữu Nghị")),
]


def _write_day(ctx: AppContext, desk_id: int, users: dict[str, CurrentUser], start: datetime,
               end: datetime, count: int, leader: CurrentUser) -> None:
    span = end - start
    count = min(count, int(span / timedelta(minutes=5)))  # never crowded, never after `end`
    if count <= 0:
        return
    times = [start + span * (i + 0.5) / (count + 1) for i in range(count)]
    officers = [users["giamsat1"], users["giamsat2"], users["tonghop"]]
    inc_i = 0
    i = 0
    fault_at: datetime | None = None  # an open camera outage, ended before the next entry

    def camera_back(at: datetime) -> None:
        nonlocal fault_at
        if fault_at is not None:
            _camera_health(ctx, max(at, fault_at + timedelta(minutes=1))).close_outage(
                users["giamsat2"], FAULTY_CAMERA)
            fault_at = None

    while i < len(times):
        t = times[i]
        camera_back(t - timedelta(minutes=1))
        dl = DutyLog(ctx.db, FixedClock(t))
        author = officers[i % len(officers)]
        slot = i % 8
        if slot == 3 and inc_i < len(_INCIDENTS) and i + 2 < len(times):
            inc = _INCIDENTS[inc_i]
            inc_i += 1
            case_ref = str(uuid.uuid4())
            dl.append(author, desk_id, EntryDraft(
                kind=EntryKind.INCIDENT, content=inc["content"], place=inc["place"],
                declaration_no=inc["declaration_no"], container_no=inc["container_no"],
                vehicle_plate=inc["vehicle_plate"], occurred_at=t - timedelta(minutes=7),
                received_at=t - timedelta(minutes=3), case_ref=case_ref, entry_time=t))
            d_content, channel, unit = inc["directive"]
            t2 = times[i + 1]
            DutyLog(ctx.db, FixedClock(t2)).append(users["lanhdaophong"], desk_id, EntryDraft(
                kind=EntryKind.DIRECTIVE, content=d_content + f" (ý kiến của {leader.full_name})",
                channel=channel, unit_name=unit, case_ref=case_ref, entry_time=t2))
            if inc["result"]:
                t3 = times[i + 2]
                r_content, r_unit = inc["result"]
                DutyLog(ctx.db, FixedClock(t3)).append(author, desk_id, EntryDraft(
                    kind=EntryKind.RESULT, content=r_content, unit_name=r_unit,
                    reported_at=t3 - timedelta(minutes=2), case_ref=case_ref, entry_time=t3))
                i += 3
            else:
                i += 2
            continue
        if slot == 6:
            # a camera fault as the outage watch records it: the outage, its system-
            # fault entry and the notice to the managing unit (the health board and
            # the log tell the same story), ended before the next entry
            _camera_health(ctx, t).open_outage(
                users["giamsat2"], desk_id, FAULTY_CAMERA, "offline",
                reason="Mất kết nối camera cổng B cảng Đình Vũ",
                started_at=t - timedelta(minutes=10))
            fault_at = t
        elif slot == 7:
            e = dl.append(author, desk_id, EntryDraft(
                kind=EntryKind.NOTE, content="Đường truyền tới Chi cục khu vực VII chập chờn",
                entry_time=t))
            DutyLog(ctx.db, FixedClock(t + timedelta(minutes=4))).append(
                users["tonghop"], desk_id, EntryDraft(
                    kind=EntryKind.NOTE, corrects_id=e.id,
                    content="Đường truyền tới Chi cục Hải quan khu vực VII chập chờn từ "
                            f"{to_local(t - timedelta(minutes=15)):%H:%M}, "
                            "đã báo bộ phận kỹ thuật",
                    correction_reason="Bổ sung thời gian và đơn vị đã báo"))
        else:
            work, scope = _WORK[(i + start.day) % len(_WORK)]
            dl.append(author, desk_id, EntryDraft(kind=EntryKind.WORK, content=work, scope=scope,
                                                  entry_time=t))
        i += 1
    if fault_at is not None:
        camera_back(min(end, fault_at + timedelta(minutes=20)))


def _directives_and_reports(ctx: AppContext, desk_id: int, users: dict[str, CurrentUser],
                            now: datetime) -> None:
    """A leader's directive followed up at three units in different states, and
    today's daily-report tracker (some received, one late and reminded) — issue 4,
    item 6. Written after the seeded incidents (from now − 8 min) so the duty log
    stays in time order; the stored times say when things happened."""
    from app.workflow.daily_reports import LATE, DailyReports  # noqa: PLC0415
    from app.workflow.directives import DirectiveDraft, DirectiveService  # noqa: PLC0415

    def directives_at(minutes_ago: int) -> DirectiveService:
        clock = FixedClock(now - timedelta(minutes=minutes_ago))
        return DirectiveService(ctx.db, clock, DutyLog(ctx.db, clock), ctx.requests)

    officer = users["giamsat1"]
    kv3, kv7, dv = (_demo_unit(ctx, c) for c in ("KV3", "KV7", "KV3-DV"))
    if None in (kv3, kv7, dv):
        return
    d = directives_at(8).create(officer, desk_id, DirectiveDraft(
        content="Tăng cường giám sát hàng hóa quá cảnh, hàng tạm nhập tái xuất qua các cửa khẩu "
                "trong dịp cuối năm; rà soát các container lưu giữ quá 90 ngày và báo cáo kết "
                "quả về trực ban Cục.",
        unit_ids=[kv3, kv7, dv], directed_by_id=users["cuctruong"].id,
        directed_at=now - timedelta(minutes=52), channel="phone",
        received_at=now - timedelta(minutes=50), due_at=now + timedelta(hours=3)))
    by_unit = {r.unit_id: r for r in ctx.directives.units_of(d.id)}
    # KV III acknowledged in time; its result is due later.
    directives_at(7).acknowledge(officer, by_unit[kv3].id, "Đ/c Thắng, Văn phòng Chi cục KV III",
                                 promised_at=now + timedelta(minutes=70),
                                 at=now - timedelta(minutes=38))
    # Đình Vũ acknowledged and has reported its result.
    directives_at(6).acknowledge(officer, by_unit[dv].id, "Đ/c Hải, Đội Giám sát cảng Đình Vũ",
                                 at=now - timedelta(minutes=44))
    directives_at(6).record_result(officer, by_unit[dv].id,
                                   "Đã phổ biến tới các ca giám sát; rà soát 14 container lưu "
                                   "giữ quá 90 ngày, không phát hiện dấu hiệu vi phạm.",
                                   channel="email", reported_at=now - timedelta(minutes=12))
    # KV VII has not acknowledged: overdue since 20 minutes, escalated.
    directives_at(5).escalate_overdue(officer, desk_id)

    clock = FixedClock(now - timedelta(minutes=4))
    reports = DailyReports(ctx.db, clock, DutyLog(ctx.db, clock), ctx.data_dir,
                           ctx.settings.shift_start_time())
    rows = reports.tracker(desk_id)
    late = [r for r in rows if r.state(now) == LATE]
    if late:  # one stays late, reminded by phone
        reports.remind(officer, desk_id, late[0].unit_id, late[0].report, channel="phone",
                       contact="Văn phòng " + late[0].unit_name)
    waiting = [r for r in rows if r.state(now) != LATE]
    for i, r in enumerate(late[1:], start=1):
        # late in the evening nothing is still to come: the last one came in time
        on_time = not waiting and i == len(late) - 1
        reports.record_received(officer, desk_id, r.unit_id, r.report, channel=r.channel or "email",
                                received_at=(r.due_at - timedelta(minutes=15)) if on_time
                                else min(now - timedelta(minutes=5),
                                         r.due_at + timedelta(minutes=10)),
                                sender="Văn phòng " + r.unit_name)
    if waiting:  # one came ahead of its time
        r = waiting[-1]
        reports.record_received(officer, desk_id, r.unit_id, r.report, channel=r.channel or "email",
                                received_at=now - timedelta(minutes=5),
                                sender="Văn phòng " + r.unit_name)


def demo_accounts(desk_code: str) -> list[tuple[str, tuple[str, ...]]]:
    """(user name, role codes) of every demo account of a desk, as the site file
    lists them (the login dialog shows them all)."""
    return [(u["username"], tuple(u.get("roles") or ()))
            for u in parse_yaml(SITE_FILE).users if u.get("desk") == desk_code]


__all__ = ["seed", "to_utc", "Roster"]


def seed_camera_map(ctx: AppContext) -> None:
    """The demo camera map (reference positions, calibrations), as the site's admin
    imported it; nothing when it is already the current version."""
    from app.cameras.map_service import seed_demo_camera_map  # noqa: PLC0415

    admin = next((u for u in ctx.reference.users() if u.username == "admin"), None)
    if admin is not None:
        seed_demo_camera_map(ctx, to_current(admin))
