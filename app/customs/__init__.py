"""The customs systems (issue 12; Đ13–15): declarations (VCIS, e-Customs V5), the
controlled area, the e-Manifest, gate recognition and the risk blacklist, as the
integration gateway sends them (datasources/contracts/customs-gateway.yaml).

`ids` checks and writes the identifiers; `records` reads a feed's item into its
record; `store` keeps records inside the ingest ledger's transaction and raises the
alerts of `gate` (gate × clearance) and the blacklist; `alerts` is what officers do
with an alert; `views` the panels' read models. No Qt; this package owns its SQL."""
