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

from app.db.models import Incident, IncidentStep
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, DecisionKind, Handling, IncidentState
from tests.helpers.subproc import Child

N = 1000
SLOT_MS = 25  # each incident is attempted by both workers at start + k * SLOT_MS
DEADLINE_S = 240.0  # generous: a hang, not a slow machine, should fail this test


def _propose_many(ctx, users, desk, n: int) -> list[int]:
    """n incidents in the proposed state, through the service (create, verify,
    propose), raised by an officer so that neither shift leader is their creator."""
    svc = ctx.incidents
    officer, room = users["giamsat1"], users["lanhdaophong"]
    ids = []
    for i in range(n):
        inc = svc.create(officer, desk.id, IncidentDraft(
            content=f"Xe 12C-{345 + i % 600:03d}.{i % 100:02d} chở container TGHU{1000000 + i} "
                    "rời khu vực giám sát khi tờ khai chưa thông quan",
            place="Cửa khẩu Hữu Nghị", declaration_no=f"10512{i:07d}",
            container_no=f"TGHU{1000000 + i}", handling=Handling.COORDINATED_CHECK))
        svc.transition(room, inc.id, Action.VERIFY)
        svc.transition(room, inc.id, Action.PROPOSE)
        ids.append(inc.id)
    return ids


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_two_processes_approve_1000_incidents_once_each(ctx, users, desk, db_url):
    t0 = time.monotonic()
    ids = _propose_many(ctx, users, desk, N)
    setup_s = time.monotonic() - t0
    assert ids == list(range(ids[0], ids[0] + N))  # a contiguous range for the workers
    leaders = [users["truongca"], users["truongca2"]]
    children = [Child("tests.helpers.approve_worker", db_url, str(u.id), str(ids[0]),
                      str(ids[-1]), str(SLOT_MS)) for u in leaders]
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
    sys.stdout.write(f"setup {setup_s:.1f} s, race {race_s:.1f} s, "
                     f"truongca won {counts[0]['won']} lost {counts[0]['lost']}, "
                     f"truongca2 won {counts[1]['won']} lost {counts[1]['lost']}, late slots "
                     f"{counts[0]['late_slots']}/{counts[1]['late_slots']}\n")
    assert counts[0]["won"] + counts[1]["won"] == N
    assert counts[0]["lost"] + counts[1]["lost"] == N
    # Real races: neither console simply trailed the other through decided incidents.
    assert min(counts[0]["won"], counts[1]["won"]) >= N // 100, counts

    with ctx.db.read() as s:
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
    assert states == {IncidentState.APPROVED: N}
    assert by_leader.get(leaders[0].id, 0) == counts[0]["won"]
    assert by_leader.get(leaders[1].id, 0) == counts[1]["won"]
    assert ctx.dutylog.verify(desk.id).ok
