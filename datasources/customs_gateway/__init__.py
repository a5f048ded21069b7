"""The customs integration gateway (VCIS, e-Customs V5, e-Manifest, gate recognition,
the risk blacklist): the feeds' adapter (source.py) and the demo's simulator process
(simulator.py, datasources/sim/customs_gateway.py)."""

from datasources.customs_gateway.source import (
    FEED_NAMES_VI,
    KIND,
    CursorStore,
    CustomsFeedSettings,
    CustomsFeedSource,
    GatewayClient,
    MemoryCursors,
    read_page,
    source_info,
)

__all__ = ["FEED_NAMES_VI", "KIND", "CursorStore", "CustomsFeedSettings", "CustomsFeedSource",
           "GatewayClient", "MemoryCursors", "read_page", "source_info"]
