"""Translated names of the workflow's codes for the incident panels (context
"incidents"): states, handling forms, origins, steps, request statuses."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "incidents"

STATES = {
    "new": QT_TRANSLATE_NOOP("incidents", "New"),
    "verified": QT_TRANSLATE_NOOP("incidents", "Verified"),
    "proposed": QT_TRANSLATE_NOOP("incidents", "Awaiting approval"),
    "director_review": QT_TRANSLATE_NOOP("incidents", "Awaiting the Director"),
    "approved": QT_TRANSLATE_NOOP("incidents", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("incidents", "Rejected"),
    "in_progress": QT_TRANSLATE_NOOP("incidents", "In progress"),
    "result_reported": QT_TRANSLATE_NOOP("incidents", "Result reported"),
    "closed": QT_TRANSLATE_NOOP("incidents", "Closed"),
}
HANDLINGS = {
    "reminder": QT_TRANSLATE_NOOP("incidents", "Reminder (8.2.1)"),
    "info_request": QT_TRANSLATE_NOOP("incidents", "Information request (8.2.2)"),
    "directive_hq": QT_TRANSLATE_NOOP("incidents", "Directive to HQ departments (8.2.3 c.1)"),
    "coordinated_check": QT_TRANSLATE_NOOP("incidents",
                                           "Coordinated check, uncleared goods (8.2.3 c.2)"),
    "cleared_goods": QT_TRANSLATE_NOOP("incidents", "Cleared goods (8.2.3 c.3)"),
    "mobile_equipment": QT_TRANSLATE_NOOP("incidents", "Mobile equipment (8.2.4)"),
}
ORIGINS = {
    "regular": QT_TRANSLATE_NOOP("incidents", "Regular surveillance"),
    "unit_plan": QT_TRANSLATE_NOOP("incidents", "A unit's focused-surveillance plan"),
    "director": QT_TRANSLATE_NOOP("incidents", "The Director's direction"),
}
PREVENTIONS = {
    "baggage": QT_TRANSLATE_NOOP("incidents", "Passenger baggage (8.1a)"),
    "controlled_area": QT_TRANSLATE_NOOP("incidents",
                                         "Goods moved outside the controlled area (8.1b)"),
    "gate": QT_TRANSLATE_NOOP("incidents", "Goods with violation signs at the gate (8.1c)"),
}
ACTIONS = {  # button texts
    "prevent": QT_TRANSLATE_NOOP("incidents", "Immediate prevention…"),
    "verify": QT_TRANSLATE_NOOP("incidents", "Verify"),
    "propose": QT_TRANSLATE_NOOP("incidents", "Propose for approval"),
    "act_directly": QT_TRANSLATE_NOOP("incidents", "Handle myself"),
    "approve": QT_TRANSLATE_NOOP("incidents", "Approve"),
    "reject": QT_TRANSLATE_NOOP("incidents", "Reject…"),
    "director_approve": QT_TRANSLATE_NOOP("incidents", "Director approves"),
    "director_reject": QT_TRANSLATE_NOOP("incidents", "Director refuses…"),
    "start": QT_TRANSLATE_NOOP("incidents", "Start carrying out"),
    "report_result": QT_TRANSLATE_NOOP("incidents", "Report the result…"),
    "close": QT_TRANSLATE_NOOP("incidents", "Close"),
}
EVENTS = {  # timeline lines
    "create": QT_TRANSLATE_NOOP("incidents", "raised by {who}"),
    "prevent": QT_TRANSLATE_NOOP("incidents", "immediate prevention recorded by {who}"),
    "verify": QT_TRANSLATE_NOOP("incidents", "verified by {who}"),
    "propose": QT_TRANSLATE_NOOP("incidents", "proposed by {who}"),
    "act_directly": QT_TRANSLATE_NOOP("incidents", "handled directly by {who}"),
    "approve": QT_TRANSLATE_NOOP("incidents", "approved by {who}"),
    "reject": QT_TRANSLATE_NOOP("incidents", "rejected by {who}"),
    "director_approve": QT_TRANSLATE_NOOP("incidents", "the Director ({who}) approved"),
    "director_reject": QT_TRANSLATE_NOOP("incidents", "the Director ({who}) refused"),
    "start": QT_TRANSLATE_NOOP("incidents", "carried out, started by {who}"),
    "report_result": QT_TRANSLATE_NOOP("incidents", "result reported by {who}"),
    "close": QT_TRANSLATE_NOOP("incidents", "closed by {who}"),
    "request": QT_TRANSLATE_NOOP("incidents", "request sent by {who}"),
    "ack": QT_TRANSLATE_NOOP("incidents", "{who} acknowledged"),
    "result": QT_TRANSLATE_NOOP("incidents", "{who} reported its result"),
    "issued": QT_TRANSLATE_NOOP("incidents", "document issued"),
    "attach": QT_TRANSLATE_NOOP("incidents", "file attached by {who}"),
}
REQUEST_STATES = {
    "sent": QT_TRANSLATE_NOOP("incidents", "Sent"),
    "received": QT_TRANSLATE_NOOP("incidents", "Received, awaiting acknowledgement"),
    "acknowledged": QT_TRANSLATE_NOOP("incidents", "Acknowledged, awaiting result"),
    "done": QT_TRANSLATE_NOOP("incidents", "Result reported"),
    "cancelled": QT_TRANSLATE_NOOP("incidents", "Cancelled"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict[str, str], code: str | None) -> str:
    return tr(table[code]) if code in table else (code or "")
