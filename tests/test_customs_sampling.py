"""Random sampling of declarations (Đ13.1b), reproducible: a draw over the criteria's
candidates, ranked by HMAC-SHA256 of a seed from `secrets` and each 11-digit key, is
kept with everything needed to draw it again and written in the duty log (a redraw
too, with its reason); another process draws it again from what was kept and gets
the same sample; tampering with the kept candidates is seen."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.customs.records import Feed
from app.customs.sampling import SampleCriteria, draw_from
from app.db.models import CustomsSample, LogEntry
from app.errors import ValidationError
from tests.helpers.subproc import ROOT
from tests.test_customs_core import SRC, _ingest, declaration


def _declarations(ctx, desk_id: int, n: int = 40) -> None:  # type: ignore[no-untyped-def]
    _ingest(ctx, desk_id, Feed.DECLARATIONS, SRC, [
        declaration(f"1051234{i:04d}0", i + 1, channel="2" if i % 3 else "3",
                    type_code="A11" if i % 2 else "E31", containers=[])
        for i in range(n)])


def test_a_draw_is_kept_logged_and_drawn_again_in_another_process(ctx, users, desk,
                                                                   db_url) -> None:
    _declarations(ctx, desk.id)
    officer = users["giamsat1"]
    criteria = SampleCriteria(channels=("yellow",), type_code="A11")
    drawn = ctx.sampling.draw(officer, desk.id, criteria, 5)
    assert len(drawn.sample) == 5 and len(set(drawn.sample)) == 5
    assert drawn.candidate_count == len([i for i in range(40) if i % 3 and i % 2])
    with ctx.db.read() as s:
        entry = s.get(LogEntry, drawn.log_entry_id)
        row = s.get(CustomsSample, drawn.id)
    assert entry is not None and entry.author_id == officer.id
    for number in drawn.numbers:
        assert number in entry.content
    assert drawn.seed in entry.content and drawn.candidates_sha256 in entry.content
    assert "luồng vàng" in entry.content and "loại hình A11" in entry.content
    assert SampleCriteria.from_json(row.criteria) == criteria
    out = subprocess.run([sys.executable, "-m", "tests.helpers.redraw_worker", db_url,
                          str(drawn.id)], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    again = json.loads(out.stdout.splitlines()[-1])
    assert again == {"ok": True, "hash_ok": True, "sample": drawn.sample}


def test_a_redraw_says_why_and_names_the_draw_it_replaces(ctx, users, desk) -> None:
    _declarations(ctx, desk.id)
    officer = users["giamsat1"]
    first = ctx.sampling.draw(officer, desk.id, SampleCriteria(), 3)
    with pytest.raises(ValidationError):
        ctx.sampling.draw(officer, desk.id, SampleCriteria(), 3, redraw_of=first.id)
    second = ctx.sampling.draw(officer, desk.id, SampleCriteria(), 3, redraw_of=first.id,
                               reason="Tờ khai đã chọn bị hủy trước khi kiểm tra")
    assert second.redraw_of == first.id and second.seed != first.seed
    with ctx.db.read() as s:
        entry = s.get(LogEntry, second.log_entry_id)
    assert f"chọn lại lượt #{first.id}" in entry.content and "bị hủy" in entry.content


def test_bad_draws_are_refused_and_write_nothing(ctx, users, desk) -> None:
    _declarations(ctx, desk.id, 4)
    officer = users["giamsat1"]
    with ctx.db.read() as s:
        before = len(list(s.scalars(select(LogEntry.id))))
    for k in (0, 501):
        with pytest.raises(ValidationError):
            ctx.sampling.draw(officer, desk.id, SampleCriteria(), k)
    with pytest.raises(ValidationError, match="nothing to draw"):
        ctx.sampling.draw(officer, desk.id, SampleCriteria(type_code="G51"), 1)
    with ctx.db.read() as s:
        assert len(list(s.scalars(select(LogEntry.id)))) == before
        assert list(s.scalars(select(CustomsSample.id))) == []
    few = ctx.sampling.draw(officer, desk.id, SampleCriteria(), 10)   # k above the candidates
    assert len(few.sample) == 4


def test_tampered_candidates_are_seen(ctx, users, desk) -> None:
    _declarations(ctx, desk.id)
    drawn = ctx.sampling.draw(users["giamsat1"], desk.id, SampleCriteria(), 5)
    with ctx.db.write() as s:      # the superuser's hand (SQLite, or the owner off RLS)
        s.execute(update(CustomsSample).where(CustomsSample.id == drawn.id).values(
            candidates=" ".join(drawn.sample)))
    check = ctx.sampling.verify(drawn.id)
    assert not check.ok and not check.hash_ok


@given(st.binary(min_size=32, max_size=32),
       st.lists(st.from_regex(r"[0-9]{11}", fullmatch=True), min_size=1, max_size=60,
                unique=True), st.integers(1, 70))
def test_the_draw_depends_on_the_seed_and_the_set_only(seed: bytes, keys: list[str],
                                                      k: int) -> None:
    sample = draw_from(seed, keys, k)
    assert sample == draw_from(seed, list(reversed(keys)), k)
    assert len(sample) == min(k, len(keys)) and set(sample) <= set(keys)
    assert sample == draw_from(seed, keys, len(keys))[:k]
