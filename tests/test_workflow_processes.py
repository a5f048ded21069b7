"""1000 double-approvals from two OS processes on PostgreSQL: two shift leaders'
consoles approve the same 1000 proposed incidents at the same moment; every
incident gets exactly one decision, and the loser of each race is told clearly
that it was already decided (ConflictError), never anything else."""

from __future__ import annotations

import json
import sys
import time

import pytest
from sqlalchemy import func, select

from app.auth import CurrentUser
from app.db.engine import Database
from app.db.models import Incident, IncidentStep
from app.workflow.incidents import IncidentDraft, IncidentService
from app.workflow.rules import Action, DecisionKind, Handling, IncidentState
from tests.helpers.subproc import Child

N = 1000
SLOT_MS = 25  # each incident is attempted by both workers at start + k * SLOT_MS
DEADLINE_S = 240.0  # generous: a hang, not a slow machine, should fail this test


def propose_many(create: IncidentService, officer: CurrentUser, room_svc: IncidentService,
                 room: CurrentUser, desk_id: int, n: int) -> list[int]:
    """n incidents in the proposed state, through the service (create, verify,
    propose), raised by an officer so that neither shift leader is their creator."""
    ids = []
    for i in range(n):
        inc = create.create(officer, desk_id, IncidentDraft(
            content=f"Xe 12C-{345 + i % 600:03d}.{i % 100:02d} chở container TGHU{1000000 + i} "
                    "rời khu vực giám sát khi tờ khai chưa thông quan",
            place="Cửa khẩu Hữu Nghị", declaration_no=f"10512{i:07d}",
            container_no=f"TGHU{1000000 + i}", handling=Handling.COORDINATED_CHECK))
        room_svc.transition(room, inc.id, Action.VERIFY)
        room_svc.transition(room, inc.id, Action.PROPOSE)
        ids.append(inc.id)
    assert ids == list(range(ids[0], ids[0] + n))  # a contiguous range for the workers
    return ids


def race(db_url: str, leaders: list[CurrentUser], ids: list[int],
         logins: list[dict[str, str]] | None = None) -> list[dict]:
    """Both leaders' consoles (OS processes) approve every incident of `ids` on one
    timetable; each one's JSON result. `logins`: each console's DR_WORKER_LOGIN and
    DR_WORKER_PASSWORD (one database login per person)."""
    children = [Child("tests.helpers.approve_worker", db_url, str(u.id), str(ids[0]),
                      str(ids[-1]), str(SLOT_MS), env_extra=(logins or [{}, {}])[k])
                for k, u in enumerate(leaders)]
    try:
        for child in children:
            child.wait_for(lambda lines: "ready" in lines, 60, "the worker to connect")
        t1 = time.monotonic()
        start = f"{time.time() + 0.2:.6f}"  # a common start time for both timetables
        for child in children:
            child.send(start)
        results = [child.finish(timeout=DEADLINE_S) for child in children]
        race_s = time.monotonic() - t1
    except BaseException:
        for child in children:
            child.kill()
        raise
    counts = []
    for code, out, err in results:
        last = json.loads(out.splitlines()[-1])
        assert last["errors"] == 0 and code == 0, (last, err[-2000:])
        counts.append(last)
    sys.stdout.write(f"race {race_s:.1f} s, "
                     f"{leaders[0].username} won {counts[0]['won']} lost {counts[0]['lost']}, "
                     f"{leaders[1].username} won {counts[1]['won']} lost {counts[1]['lost']}, "
                     f"late slots {counts[0]['late_slots']}/{counts[1]['late_slots']}\n")
    assert counts[0]["won"] + counts[1]["won"] == len(ids)
    assert counts[0]["lost"] + counts[1]["lost"] == len(ids)
    # Real races: neither console simply trailed the other through decided incidents.
    assert min(counts[0]["won"], counts[1]["won"]) >= len(ids) // 100, counts
    return counts


def assert_decided_once(db: Database, ids: list[int], leaders: list[CurrentUser],
                        counts: list[dict]) -> None:
    """Every incident has one approval, one decision, is approved; each leader's
    decisions are the races he won."""
    with db.read() as s:
        approvals = dict(s.execute(
            select(IncidentStep.incident_id, func.count()).where(
                IncidentStep.incident_id.in_(ids), IncidentStep.action == Action.APPROVE)
            .group_by(IncidentStep.incident_id)).all())
        decisions = dict(s.execute(
            select(IncidentStep.incident_id, func.count()).where(
                IncidentStep.incident_id.in_(ids), IncidentStep.decision_kind.is_not(None))
            .group_by(IncidentStep.incident_id)).all())
        by_leader = dict(s.execute(
            select(IncidentStep.decided_by, func.count()).where(
                IncidentStep.incident_id.in_(ids),
                IncidentStep.decision_kind == DecisionKind.APPROVAL)
            .group_by(IncidentStep.decided_by)).all())
        states = dict(s.execute(select(Incident.state, func.count()).where(
            Incident.id.in_(ids)).group_by(Incident.state)).all())
    assert approvals == {i: 1 for i in ids}
    assert decisions == {i: 1 for i in ids}
    assert states == {IncidentState.APPROVED: len(ids)}
    assert by_leader.get(leaders[0].id, 0) == counts[0]["won"]
    assert by_leader.get(leaders[1].id, 0) == counts[1]["won"]


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_two_processes_approve_1000_incidents_once_each(ctx, users, desk, db_url):
    t0 = time.monotonic()
    ids = propose_many(ctx.incidents, users["giamsat1"], ctx.incidents, users["lanhdaophong"],
                       desk.id, N)
    sys.stdout.write(f"setup {time.monotonic() - t0:.1f} s\n")
    leaders = [users["truongca"], users["truongca2"]]
    counts = race(db_url, leaders, ids)
    assert_decided_once(ctx.db, ids, leaders, counts)
    assert ctx.dutylog.verify(desk.id).ok
