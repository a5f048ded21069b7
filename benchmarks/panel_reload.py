"""The path of a change, end to end: how long from a write committed by one console
to a panel of another showing it, through the panel base (widgets/panels.py).

  python -m benchmarks.panel_reload [--db URL] [--writes N]

--db: sqlite (default, a temp file) or a PostgreSQL server URL
(postgresql+psycopg://postgres@127.0.0.1:5432/postgres: a fresh database
bench_<random> is created, migrated, seeded with the demo site and dropped).

A thread of this process writes N notices through the real service
(`NoticeService.create`, random 50–150 ms gaps) and notes when each committed; a
`Panel` subscribed to `Topic.NOTICE` is shown in an offscreen Qt window of this
process, on a logged-in `ConsoleSession` with its own change feed; the time its
`present()` first shows the i-th notice is noted. Panel latency = shown − committed.
Baseline in the same run: a child process with the bare core ChangeFeed
(benchmarks/feed_child.py) notes when it receives each notice's change; the panel
adds to that the Qt signal hop, the load on the runner and the query.

Target: a change shown by a subscribed panel within 500 ms p95 (SQLite polls every
200 ms; PostgreSQL rings a NOTIFY doorbell). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks._common import emit_json, percentile, r, say, summary, verdict  # noqa: E402
from benchmarks.dutylog import Target  # noqa: E402
from benchmarks.feed_child import FeedListener  # noqa: E402

TARGET_MS = 500.0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.panel_reload", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="URL", default=None, help="sqlite (default) or PostgreSQL")
    p.add_argument("--writes", type=int, default=60)
    args = p.parse_args(argv)

    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from app.context import AppContext  # noqa: PLC0415
    from app.db.changes import Topic  # noqa: PLC0415
    from app.demo import SITE_FILE  # noqa: PLC0415
    from app.org import parse_yaml  # noqa: PLC0415
    from app.settings import Settings  # noqa: PLC0415
    from widgets.panels import Panel  # noqa: PLC0415
    from widgets.qt_tasks import QtTaskRunner  # noqa: PLC0415
    from widgets.session import ConsoleSession, DeskInfo  # noqa: PLC0415

    load0 = os.getloadavg()[0]
    target = Target(args.db, False, None)
    say(f"panel reload benchmark on {target.backend} (load average {load0:.2f} on "
        f"{os.cpu_count()} CPUs), {args.writes} writes")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = AppContext.create(Settings(database_url=target.url,
                                     data_dir=target.tmpdir or None))
    try:
        ctx.db.migrate()
        ctx.reference.import_site(None, parse_yaml(SITE_FILE))
        users = {u.username: u for u in ctx.reference.users()}
        from app.auth import to_current  # noqa: PLC0415

        officer = to_current(users["giamsat1"])
        desk = ctx.reference.desk_by_code("HQ")
        runner = QtTaskRunner()
        session = ConsoleSession(ctx, runner)
        session.begin(officer, DeskInfo(desk.id, desk.code, desk.name, desk.place), None, True)

        shown: dict[int, float] = {}

        class Notices(Panel):
            topics = frozenset({Topic.NOTICE})

            def query(self):  # type: ignore[no-untyped-def]
                return lambda: ctx.notices.for_desk(desk.id)

            def present(self, data) -> None:  # type: ignore[no-untyped-def]
                now = time.time()
                for n in data:
                    shown.setdefault(n.id, now)

        panel = Notices(session)
        panel.resize(400, 300)
        panel.show()
        committed: dict[int, float] = {}
        done = threading.Event()

        def writer() -> None:
            rng = random.Random(7)
            time.sleep(1.0)      # the feed has read where the log stands
            for i in range(args.writes):
                time.sleep(rng.uniform(0.05, 0.15))
                n = ctx.notices.create(officer, desk.id, f"Thông báo đo kiểm số {i + 1}",
                                       "phone", contact="Đội Giám sát")
                committed[n.id] = time.time()
            done.set()

        with FeedListener(target.url, "notice") as feed:
            thread = threading.Thread(target=writer, name="bench-writer")
            thread.start()
            deadline = time.time() + 30 + args.writes * 0.5

            def check() -> None:
                if (done.is_set() and all(k in shown for k in committed)) \
                        or time.time() > deadline:
                    app.quit()

            timer = QTimer()
            timer.timeout.connect(check)
            timer.start(50)
            app.exec()
            timer.stop()
            thread.join()
            feed.wait_for(committed)
            raw = [(feed.received[k] - t) * 1000.0 for k, t in committed.items()
                   if k in feed.received]
        panel_ms = [(shown[k] - t) * 1000.0 for k, t in committed.items() if k in shown]
        lost = len(committed) - len(panel_ms)
        say(f"  bare ChangeFeed in a second process   {summary(raw)}")
        say(f"  shown by a subscribed Panel           {summary(panel_ms)}"
            + (f"  LOST {lost}" if lost else "")
            + f"  {verdict(percentile(panel_ms, 95), TARGET_MS)}")
        session.stop()
        runner.shutdown()
        panel.close()
    finally:
        ctx.close()
        target.drop()
    out = {
        "backend": target.backend,
        "writes": len(committed),
        "panel_shown_ms_p50": r(percentile(panel_ms, 50)),
        "panel_shown_ms_p95": r(percentile(panel_ms, 95)),
        "panel_shown_ms_max": r(max(panel_ms)) if panel_ms else None,
        "baseline_feed_ms_p50": r(percentile(raw, 50)),
        "baseline_feed_ms_p95": r(percentile(raw, 95)),
        "lost": lost,
        "target_ms_p95": TARGET_MS,
        "loadavg": round(max(load0, os.getloadavg()[0]), 2),
        "db": make_url(target.url).get_backend_name(),
    }
    emit_json(out)
    return 0 if not lost else 1


if __name__ == "__main__":
    sys.exit(main())
