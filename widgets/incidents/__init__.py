"""The incident GUI (issue 4, points 1, 5, 7, 8): the officer's "My incidents"
dock (`MyIncidentsPanel`), the raise dialog (`RaiseIncidentDialog`, prefilled by
an `IncidentPrefill` from a log entry or a screenshot's evidence), the detail
panel with the actions the rules allow, the answers of units, and issuing and
printing the appendices (`issue_ui`)."""

from app.workflow.prefill import Evidence, IncidentPrefill

__all__ = ["Evidence", "IncidentPrefill"]
