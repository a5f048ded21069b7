"""The incident and request workflow (Đ8, Đ9, Đ16.4): the pure state machine in
`rules` (no database, no Qt) and the services that persist it in `service`."""

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
