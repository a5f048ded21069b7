"""User-visible names of the core's codes (entry kinds, channels, shift roles,
database states), translated through Qt."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_KINDS = {
    "work": QT_TRANSLATE_NOOP("labels", "Work done"),
    "incident": QT_TRANSLATE_NOOP("labels", "Incident"),
    "directive": QT_TRANSLATE_NOOP("labels", "Directive"),
    "result": QT_TRANSLATE_NOOP("labels", "Result"),
    "system_fault": QT_TRANSLATE_NOOP("labels", "System fault"),
    "handover": QT_TRANSLATE_NOOP("labels", "Handover"),
    "note": QT_TRANSLATE_NOOP("labels", "Note"),
}
_CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "fax": QT_TRANSLATE_NOOP("labels", "Fax"),
    "document": QT_TRANSLATE_NOOP("labels", "Document"),
    "email": QT_TRANSLATE_NOOP("labels", "E-mail"),
}
_SHIFT_ROLES = {
    "shift_leader": QT_TRANSLATE_NOOP("labels", "Shift leader"),
    "room_leader": QT_TRANSLATE_NOOP("labels", "Room-level leader"),
    "clerk": QT_TRANSLATE_NOOP("labels", "Clerk (General Affairs)"),
    "officer": QT_TRANSLATE_NOOP("labels", "Surveillance officer"),
}
_ROLES = _SHIFT_ROLES | {
    "director": QT_TRANSLATE_NOOP("labels", "Director"),
    "unit_liaison": QT_TRANSLATE_NOOP("labels", "Unit liaison"),
    "admin": QT_TRANSLATE_NOOP("labels", "Administrator"),
}
_DB_STATES = {
    "online": QT_TRANSLATE_NOOP("labels", "Database: online"),
    "offline": QT_TRANSLATE_NOOP("labels", "Database: OFFLINE (entries kept on this console)"),
    "reconnecting": QT_TRANSLATE_NOOP("labels", "Database: reconnecting…"),
    "connecting": QT_TRANSLATE_NOOP("labels", "Database: connecting…"),
}
_HANDOVER = {
    "draft": QT_TRANSLATE_NOOP("labels", "Draft"),
    "signed": QT_TRANSLATE_NOOP("labels", "Signed by the outgoing leader"),
    "acknowledged": QT_TRANSLATE_NOOP("labels", "Acknowledged (frozen)"),
}
_SOURCES = {
    "incident": QT_TRANSLATE_NOOP("labels", "Incident"),
    "notice": QT_TRANSLATE_NOOP("labels", "Notice"),
    "camera_outage": QT_TRANSLATE_NOOP("labels", "Camera outage"),
    "ptz_position": QT_TRANSLATE_NOOP("labels", "Camera out of position"),
    "focus_case": QT_TRANSLATE_NOOP("labels", "Focused surveillance"),
    "workflow_incident": QT_TRANSLATE_NOOP("labels", "Incident"),
    "request": QT_TRANSLATE_NOOP("labels", "Request to a unit"),
}
_UNIT_KINDS = {
    "hq": QT_TRANSLATE_NOOP("labels", "Headquarters"),
    "hq_department": QT_TRANSLATE_NOOP("labels", "HQ department"),
    "regional_branch": QT_TRANSLATE_NOOP("labels", "Regional branch"),
    "sub_department": QT_TRANSLATE_NOOP("labels", "Sub-department (border gate)"),
    "team": QT_TRANSLATE_NOOP("labels", "Team / division"),
    "office": QT_TRANSLATE_NOOP("labels", "Office"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("labels", "Monday"),
    QT_TRANSLATE_NOOP("labels", "Tuesday"),
    QT_TRANSLATE_NOOP("labels", "Wednesday"),
    QT_TRANSLATE_NOOP("labels", "Thursday"),
    QT_TRANSLATE_NOOP("labels", "Friday"),
    QT_TRANSLATE_NOOP("labels", "Saturday"),
    QT_TRANSLATE_NOOP("labels", "Sunday"),
)
_ROTATION = {
    "draft": QT_TRANSLATE_NOOP("labels", "Draft"),
    "approved": QT_TRANSLATE_NOOP("labels", "Approved"),
    "published": QT_TRANSLATE_NOOP("labels", "Published"),
}

KINDS = tuple(_KINDS)
CHANNELS = tuple(_CHANNELS)
SHIFT_ROLES = tuple(_SHIFT_ROLES)


def _tr(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate("labels", table[code]) if code in table else code


def kind_label(code: str) -> str:
    return _tr(_KINDS, code)


def channel_label(code: str | None) -> str:
    return _tr(_CHANNELS, code)


def shift_role_label(code: str) -> str:
    return _tr(_SHIFT_ROLES, code)


def role_label(code: str) -> str:
    return _tr(_ROLES, code)


def db_state_label(code: str) -> str:
    return _tr(_DB_STATES, code)


def handover_status_label(code: str) -> str:
    return _tr(_HANDOVER, code)


def rotation_status_label(code: str) -> str:
    return _tr(_ROTATION, code)


def source_label(code: str) -> str:
    """Who contributed an open item of the handover."""
    return _tr(_SOURCES, code)


def unit_kind_label(code: str) -> str:
    return _tr(_UNIT_KINDS, code)


def weekday_label(index: int) -> str:
    return QCoreApplication.translate("labels", WEEKDAYS[index])


_SPANS = {
    "s": QT_TRANSLATE_NOOP("labels", "{n} s"),
    "hm": QT_TRANSLATE_NOOP("labels", "{h} h {m} min"),
    "h": QT_TRANSLATE_NOOP("labels", "{h} h"),
    "m": QT_TRANSLATE_NOOP("labels", "{m} min"),
    "overdue": QT_TRANSLATE_NOOP("labels", "overdue {time}"),
    "left": QT_TRANSLATE_NOOP("labels", "{time} left"),
}


def _span(key: str) -> str:
    return QCoreApplication.translate("labels", _SPANS[key])


def duration_label(seconds: int) -> str:
    """A span as an officer reads it, with units: "1 h 10 min", "25 min", "45 s"
    (to the nearest minute from one minute on)."""
    seconds = abs(int(seconds))
    if seconds < 60:
        return _span("s").format(n=seconds)
    hours, minutes = divmod(int(seconds / 60 + 0.5), 60)  # half a minute rounds up
    if hours and minutes:
        return _span("hm").format(h=hours, m=minutes)
    if hours:
        return _span("h").format(h=hours)
    return _span("m").format(m=minutes)


def deadline_label(seconds_left: int) -> str:
    """Every deadline the same way: "1 h 10 min left", "overdue 25 min"."""
    if seconds_left < 0:
        return _span("overdue").format(time=duration_label(seconds_left))
    return _span("left").format(time=duration_label(seconds_left))
