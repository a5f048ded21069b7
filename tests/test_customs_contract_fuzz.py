"""The adapter fed pages generated from the contract's own schemas
(datasources/contracts/customs-gateway.yaml, through hypothesis-jsonschema): whatever a
gateway that honours the contract's shapes sends, every item of a page comes out as
a record or as a refused item with its reason — the page is never dropped, nothing
raises."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

from app.customs.records import Feed
from app.sources import SourceRecord
from datasources.customs_gateway import read_page

CONTRACT = Path(__file__).resolve().parent.parent / "datasources" / "contracts" / \
    "customs-gateway.yaml"
COMPONENTS = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["components"]
PAGES = {Feed.DECLARATIONS: "DeclarationPage", Feed.AREA: "AreaEventPage",
         Feed.MANIFESTS: "ManifestPage", Feed.GATE: "GateEventPage",
         Feed.BLACKLIST: "BlacklistPage"}
NOW = datetime(2026, 3, 2, 1, 0)


def _pages(feed: Feed):  # type: ignore[no-untyped-def]
    return from_schema({"$ref": f"#/components/schemas/{PAGES[feed]}",
                        "components": COMPONENTS})


@pytest.mark.parametrize("feed", list(Feed), ids=[f.value for f in Feed])
def test_a_page_of_the_contracts_shape_is_read_item_by_item(feed: Feed) -> None:
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(_pages(feed))
    def check(page: dict) -> None:
        records, rejected, cursor, more, _seqs = read_page(feed, "fuzz", page, NOW)
        assert cursor == page["next_cursor"] and more is page["has_more"]
        assert len(records) + len(rejected) == len(page["items"])
        assert all(isinstance(r, SourceRecord) for r in records)
        assert all(j.reason and j.raw for j in rejected)

    check()
