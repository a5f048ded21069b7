"""The incident and request workflow (Đ8, Đ9, Đ16.4).

- `rules`: the pure state machine (no database, no Qt);
- `incidents`: IncidentService, which persists what `rules` allows, and its drafts;
- `requests`: RequestService, the requests to units and their Đ9.2 deadlines;
- `directives`: the leaders' directives (Đ9.4) and their follow-up requests;
- `open_items`: what the handover and the supervisor see still open;
- `views`, `directive_views`, `prefill`: the read models the panels show.
"""

from app.workflow.rules import (
    Action,
    Handling,
    IncidentFacts,
    IncidentState,
    Origin,
    Outcome,
    ReportPath,
    allowed_transitions,
    check_transition,
    report_path,
)

__all__ = ["Action", "Handling", "IncidentFacts", "IncidentState", "Origin", "Outcome",
           "ReportPath", "allowed_transitions", "check_transition", "report_path"]
