"""Two consoles in two OS processes append to the same desk's log at the same time:
the chain stays linear (seq contiguous, every link intact) on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models import LogEntry
from app.dutylog import GENESIS
from tests.helpers.subproc import Child

PER_WORKER = 1000
DEADLINE_S = 240.0  # generous: a hang, not a slow machine, should fail this test


@pytest.mark.slow
def test_two_processes_append_to_one_chain(ctx, users, desk, db_url):
    writers = [users["giamsat1"], users["giamsat2"]]
    children = [Child("tests.helpers.append_worker", db_url, str(desk.id), str(u.id),
                      str(PER_WORKER)) for u in writers]
    try:
        for child in children:
            child.wait_for(lambda lines: "ready" in lines, 60, "the worker to connect")
        for child in children:
            child.send("go")
        results = [child.finish(timeout=DEADLINE_S) for child in children]
    except BaseException:
        for child in children:
            child.kill()
        raise
    for code, out, err in results:
        assert code == 0, err
        assert out.splitlines()[-1] == f"done {PER_WORKER}"

    with ctx.db.read() as s:
        rows = s.execute(select(LogEntry.seq, LogEntry.prev_hash, LogEntry.hash,
                                LogEntry.author_id).where(LogEntry.desk_id == desk.id)
                         .order_by(LogEntry.seq)).all()
    total = 2 * PER_WORKER
    assert len(rows) == total
    assert [r.seq for r in rows] == list(range(1, total + 1))
    prev = GENESIS
    for r in rows:
        assert r.prev_hash == prev, f"entry #{r.seq} does not link to #{r.seq - 1}"
        prev = r.hash
    by_author = {u.id: sum(1 for r in rows if r.author_id == u.id) for u in writers}
    assert by_author == {u.id: PER_WORKER for u in writers}
    assert ctx.dutylog.head(desk.id) == (total, prev)
    result = ctx.dutylog.verify(desk.id)
    assert result.ok, result.reason
    assert result.checked == total
