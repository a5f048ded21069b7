"""Vietnamese folding for search, and the task runners: results and errors come
back through `post` (here a queue drained on the test thread), the serial lane
keeps order, shutdown leaves no thread behind."""

from __future__ import annotations

import queue
import threading
import unicodedata

import pytest

from app.tasks import InlineTaskRunner, ThreadTaskRunner
from app.text import fold, nfc, tokens

WAIT = 30  # seconds; an upper bound for a blocking get, never a sleep


# -- text ------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,folded", [
    ("Điều tra", "dieu tra"),
    ("ĐỒNG ĐĂNG", "dong dang"),
    ("đường bộ", "duong bo"),
    ("Trực ban", "truc ban"),
    ("Hải quan cửa khẩu Hữu Nghị", "hai quan cua khau huu nghi"),
    ("  nhiều   khoảng\ttrắng\n", "nhieu khoang trang"),
    ("", ""),
    (None, ""),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("word", ["Điều tra chống buôn lậu", "ĐỒNG ĐĂNG", "Quốc khánh",
                                  "Thừa Thiên Huế", "Kiểm tra sau thông quan"])
def test_nfd_input_folds_like_nfc(word):
    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word or word.isascii()
    assert fold(decomposed) == fold(word)
    assert nfc(decomposed) == unicodedata.normalize("NFC", word)
    assert tokens(decomposed) == tokens(word)


def test_tokens():
    assert tokens("Container CSQU3054383, tờ khai số 104339917920!") == \
        ["container", "csqu3054383", "to", "khai", "so", "104339917920"]
    assert tokens("Xe 15C-123.45 (Đồng Đăng)") == ["xe", "15c", "123", "45", "dong", "dang"]
    assert tokens("") == [] and tokens(None) == [] and tokens(" —, ;") == []


# -- the thread runner --------------------------------------------------------------------
@pytest.fixture
def posted():
    return queue.Queue()


@pytest.fixture
def runner(posted):
    r = ThreadTaskRunner(posted.put, workers=3)
    yield r
    r.shutdown()


def _deliver(posted: queue.Queue, n: int = 1) -> None:
    """Run n posted callbacks on this (the 'GUI') thread."""
    for _ in range(n):
        posted.get(timeout=WAIT)()


def test_result_is_posted_to_the_owner_thread(runner, posted):
    me = threading.current_thread()
    ran_on: list[threading.Thread] = []
    got: list[tuple[object, threading.Thread]] = []

    def work():  # type: ignore[no-untyped-def]
        ran_on.append(threading.current_thread())
        return {"so": 42}

    future = runner.submit(work, on_done=lambda r: got.append((r, threading.current_thread())),
                           on_error=lambda e: pytest.fail(f"unexpected {e!r}"))
    assert future.result(timeout=WAIT) == {"so": 42}
    _deliver(posted)
    assert got == [({"so": 42}, me)]     # the callback ran where `post` delivered it
    assert ran_on[0] is not me and ran_on[0].name.startswith("task")
    assert posted.empty()


def test_error_is_posted_to_on_error(runner, posted):
    got: list[BaseException] = []

    def work():  # type: ignore[no-untyped-def]
        raise ValueError("không đọc được tệp")

    future = runner.submit(work, on_done=lambda r: pytest.fail("no result expected"),
                           on_error=got.append)
    assert isinstance(future.exception(timeout=WAIT), ValueError)
    _deliver(posted)
    assert len(got) == 1 and isinstance(got[0], ValueError)
    assert str(got[0]) == "không đọc được tệp"
    assert posted.empty()


def test_serial_lane_keeps_order(runner, posted):
    gate = threading.Event()
    ran: list[tuple[int, str]] = []
    delivered: list[int] = []

    def job(i):  # type: ignore[no-untyped-def]
        def run() -> int:
            if i == 0:
                gate.wait(timeout=WAIT)  # the first write is slow; the others queue behind it
            ran.append((i, threading.current_thread().name))
            return i
        return run

    futures = [runner.submit(job(i), on_done=delivered.append, serial=True) for i in range(25)]
    gate.set()
    _deliver(posted, 25)
    assert [f.result(timeout=WAIT) for f in futures] == list(range(25))
    assert [i for i, _ in ran] == list(range(25))
    assert delivered == list(range(25))
    names = {name for _, name in ran}
    assert len(names) == 1 and names.pop().startswith("task-serial")


def test_shutdown_leaves_no_thread(posted):
    r = ThreadTaskRunner(posted.put, workers=3)
    futures = [r.submit(lambda i=i: i * i, on_done=lambda _r: None, serial=i % 2 == 0)
               for i in range(10)]
    assert sorted(f.result(timeout=WAIT) for f in futures) == sorted(i * i for i in range(10))
    assert any(t.name.startswith("task") for t in threading.enumerate())
    r.shutdown()
    assert [t.name for t in threading.enumerate() if t.name.startswith("task")] == []
    # A closed runner takes no more work: the future comes back cancelled, nothing
    # runs, nothing is posted, no thread starts.
    ran: list[int] = []
    late = r.submit(lambda: ran.append(1), on_done=lambda _r: pytest.fail("posted"))
    assert late.cancelled() and ran == []
    assert [t.name for t in threading.enumerate() if t.name.startswith("task")] == []


def test_no_callback_after_shutdown(posted):
    r = ThreadTaskRunner(posted.put, workers=1)
    gate = threading.Event()
    started = threading.Event()

    def slow():  # type: ignore[no-untyped-def]
        started.set()
        gate.wait(timeout=WAIT)
        return "late"

    future = r.submit(slow, on_done=lambda _r: pytest.fail("posted after shutdown"))
    assert started.wait(timeout=WAIT)
    closer = threading.Thread(target=r.shutdown, name="closer")
    closer.start()
    assert r._closed.wait(timeout=WAIT)  # the window has gone; the task is still running
    gate.set()
    closer.join(timeout=WAIT)
    assert not closer.is_alive()
    assert future.result(timeout=0) == "late"
    assert posted.empty()


# -- the inline runner ---------------------------------------------------------------------
def test_inline_runner_runs_at_once_on_this_thread():
    r = InlineTaskRunner()
    me = threading.current_thread()
    seen: list[object] = []
    f = r.submit(lambda: (threading.current_thread(), 7),
                 on_done=seen.append, on_error=lambda e: pytest.fail(repr(e)))
    assert f.done() and f.result() == (me, 7)
    assert seen == [(me, 7)]
    errors: list[BaseException] = []

    def boom():  # type: ignore[no-untyped-def]
        raise KeyError("x")

    f = r.submit(boom, on_done=lambda _r: pytest.fail("no result"), on_error=errors.append)
    assert isinstance(f.exception(), KeyError) and isinstance(errors[0], KeyError)
    # Without callbacks the outcome is still in the future.
    assert r.submit(lambda: "ok").result() == "ok"
    assert isinstance(r.submit(boom).exception(), KeyError)
    r.shutdown()


def test_callbacks_of_a_gone_owner_are_dropped(posted):
    """A task names its owner (the panel that asked); if the owner is gone when the
    result comes back, neither the result nor the error is delivered."""
    gone: set[str] = set()
    r = ThreadTaskRunner(posted.put, workers=2, alive=lambda owner: owner not in gone)
    got: list[object] = []
    try:
        def fail() -> None:
            raise ValueError("lỗi")

        for owner in ("open panel", "closed panel"):
            r.submit(lambda o=owner: o, on_done=got.append, owner=owner).result(timeout=WAIT)
            with pytest.raises(ValueError):
                r.submit(fail, on_error=got.append, owner=owner).result(timeout=WAIT)
        gone.add("closed panel")          # closed while its results were on their way
        _deliver(posted, 4)
        assert got[0] == "open panel" and isinstance(got[1], ValueError) and len(got) == 2
        r.submit(lambda: "no owner", on_done=got.append).result(timeout=WAIT)
        _deliver(posted)
        assert got[-1] == "no owner"
    finally:
        r.shutdown()


def test_a_deleted_widget_gets_no_callback(qtbot):
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415
    from shiboken6 import isValid  # noqa: PLC0415

    from widgets.qt_tasks import QtTaskRunner  # noqa: PLC0415

    runner = QtTaskRunner(workers=1)
    gate = threading.Event()
    got: list[object] = []
    try:
        closed, kept = QWidget(), QWidget()
        qtbot.addWidget(kept)
        # one worker: the kept panel's answer comes after the closed one's, in order
        runner.submit(lambda: gate.wait(WAIT) and "late", on_done=got.append, owner=closed)
        runner.submit(lambda: "kept", on_done=got.append, owner=kept)
        closed.deleteLater()               # the panel closes while its query runs
        qtbot.waitUntil(lambda: not isValid(closed), timeout=5000)
        gate.set()
        qtbot.waitUntil(lambda: len(got) >= 1, timeout=5000)
        assert got == ["kept"]             # the closed panel's answer was dropped before it
    finally:
        gate.set()
        runner.shutdown()
