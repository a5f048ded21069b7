"""The wall's plain-data parts: layouts with spans, saved views, the sub/main stream
choice with hysteresis, and load shedding."""

from __future__ import annotations

import pytest

from video.switching import MAIN, SUB, LoadShedder, StreamChoice, TileLoad
from widgets.wall.layouts import LAYOUT_NAMES, STANDARD, Cell, CellContent, Layout, WallView


@pytest.mark.parametrize("n", [1, 4, 9, 16, 25, 36])
def test_square_grids_cover_the_wall(n):
    layout = STANDARD[str(n)]
    rects = layout.rects(1920, 1080)
    assert len(rects) == n
    assert sum(w * h for _x, _y, w, h in rects) == pytest.approx(1920 * 1080)


@pytest.mark.parametrize("name,cells", [("1+5", 6), ("1+7", 8), ("1+12", 13), ("2+8", 10)])
def test_spans_cover_the_wall_without_overlap(name, cells):
    layout = STANDARD[name]
    assert len(layout.cells) == cells
    squares = [(c.col + i, c.row + j) for c in layout.cells
               for i in range(c.colspan) for j in range(c.rowspan)]
    assert len(squares) == len(set(squares)) == layout.cols * layout.rows
    assert set(LAYOUT_NAMES) <= set(STANDARD)


def test_custom_span_parsed_and_bad_ones_refused():
    layout = Layout.parse("4x3:0,0,2,2;2,0,2,2")
    assert (layout.cols, layout.rows, len(layout.cells)) == (4, 3, 6)
    assert layout.cells[0] == Cell(0, 0, 2, 2)
    for bad in ("7", "4x3:0,0,5,1", "4x3:0,0,2,2;1,1,2,2", "axb", "9x9"):
        with pytest.raises(ValueError):
            Layout.parse(bad)


def test_view_round_trip():
    view = WallView(layout="1+5", cells=[CellContent(("A",)), CellContent(),
                                         CellContent(("B", "C"), dwell=5)],
                    screen="RIGHT", geometry=(1920, 0, 1920, 1080), full_screen=True)
    back = WallView.from_dict(view.to_dict())
    assert back == view
    assert back.cells[2].is_sequence and back.cells[2].dwell == 5
    with pytest.raises(ValueError):
        WallView.from_dict({"layout": "nonsense"})


def test_stream_choice_switches_up_and_down_with_hysteresis():
    c = StreamChoice(sub_width=640, min_interval=3.0)
    assert c.decide(480, now=0.0) == SUB          # first decision is immediate
    assert c.decide(1920, now=1.0) == SUB         # too soon after the last switch
    assert c.retry_at == 3.0                      # ask again then
    assert c.decide(1920, now=3.5) == MAIN
    assert c.decide(700, now=10.0) == MAIN        # inside the band: keep main
    assert c.decide(600, now=10.5) == SUB         # clearly smaller
    assert c.decide(850, now=11.0) == SUB         # above sub but inside the band
    assert c.decide(900, now=14.0) == MAIN        # above 1.3 × 640


def test_stream_choice_first_decision_and_zoom():
    assert StreamChoice().decide(1900, now=0.0) == MAIN
    c = StreamChoice()
    c.decide(300, now=0.0)
    assert c.decide(300, now=0.1, force_main=True) == MAIN   # zoom: no waiting
    assert StreamChoice(has_sub=False).decide(100, now=0.0) == MAIN


def test_load_shedder_sheds_smallest_first_and_recovers_largest_first():
    s = LoadShedder(behind_ms=60, healthy_ms=25, recover_after=2, behind_after=2)
    tiles = [TileLoad("big", 4000, protected=True), TileLoad("a", 100), TileLoad("b", 200),
             TileLoad("c", 300)]
    assert s.check(80, tiles) == set()            # one late check: the scheduler
    assert s.check(10, tiles) == set()
    assert s.check(80, tiles) == set()
    assert s.check(80, tiles) == {"a"}            # behind twice in a row
    assert s.check(90, tiles) == {"a", "b"}
    assert s.check(40, tiles) == {"a", "b"}        # neither behind nor healthy: hold
    assert s.check(10, tiles) == {"a", "b"}
    assert s.check(10, tiles) == {"a"}             # b (larger) back first
    for _ in range(10):
        s.check(200, tiles)
    assert "big" not in s.shed                     # a maximised tile is never shed
    assert s.check(200, tiles[:2]) == {"a"}        # tiles gone from the wall are forgotten


def test_reconnect_back_off_is_quick_for_a_camera_that_was_just_live():
    from video.stream import StreamConfig

    cfg = StreamConfig(backoff_initial=0.5, backoff_max=30.0, jitter=0.0, quick_retry_for=30.0,
                       quick_retry_max=1.0)
    assert [cfg.backoff(n) for n in (1, 2, 3, 4, 7)] == [0.5, 1.0, 2.0, 4.0, 30.0]
    # down for a few seconds after being live: retried at least every second
    assert [cfg.backoff(n, down_for=5.0) for n in (1, 2, 3, 7)] == [0.5, 1.0, 1.0, 1.0]
    # down for longer: the back-off grows again, so a dead camera is not hammered
    assert cfg.backoff(7, down_for=60.0) == 30.0


def test_frame_buffers_setting_applies_once():
    import sys  # noqa: PLC0415

    from video.memory import keep_frame_buffers  # noqa: PLC0415

    first = keep_frame_buffers()
    assert keep_frame_buffers() == first
    if sys.platform.startswith("linux"):
        assert first
