"""A console's ingest of the customs gateway's declarations in its own OS process, as
the room's console runs it (CustomsFeedSource under an Ingester with its lease, the
ledger, the store, the cursor in the database):

    python -m tests.helpers.ingest_worker DB_URL GATEWAY_URL TOKEN DESK_ID PAGE_LIMIT

Prints "stored N" after every page stored; runs until killed (the test kills it
mid-ingest to prove the next console resumes from the cursor)."""

from __future__ import annotations

import sys
import time

from app.clock import SystemClock
from app.customs.records import Feed
from app.customs.store import CustomsStore
from app.db.engine import Database
from app.sources.cursors import SourceCursors
from app.sources.leases import SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import Quarantine
from datasources.customs_gateway import CustomsFeedSettings, CustomsFeedSource
from datasources.ingest import Ingester


def main(argv: list[str]) -> int:
    url, gateway, token, desk_id, limit = argv[0], argv[1], argv[2], int(argv[3]), int(argv[4])
    db = Database(url)
    clock = SystemClock()
    name = "killed-console"
    st = CustomsFeedSettings.for_feed(Feed.DECLARATIONS, gateway, token, interval_s=0.2,
                                      page_limit=limit, timeout_s=10.0)
    source = CustomsFeedSource(st, clock, cursors=SourceCursors(db, clock, name, desk_id))
    ingester = Ingester(source, desk_id, SourceLeases(db, clock, name),
                        IngestLedger(db, clock, name), Quarantine(db, clock, name),
                        CustomsStore(clock, desk_id).store)
    if not ingester.step():
        print("no lease", flush=True)
        return 2
    seen = -1
    while True:
        if ingester.stored != seen:
            seen = ingester.stored
            print(f"stored {seen}", flush=True)
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
