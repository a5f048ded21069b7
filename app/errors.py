"""Domain exceptions. Each carries a user message (English source text, translated
by the UI through Qt's translation system in one place: widgets/messages.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    """Marks a core message for translation without importing Qt."""
    return text


class DomainError(Exception):
    """An error the user can act on. `text` is the untranslated message, `args_`
    the values substituted into it with str.format."""

    context = "errors"

    def __init__(self, text: str, **values: object) -> None:
        self.text = text
        self.values = values
        super().__init__(self.message())

    # Values that are themselves marked texts (names of records, actions, states).
    translated_values = ("what", "action", "status", "target")

    def message(self, translate=None) -> str:
        template = translate(self.context, self.text) if translate else self.text
        values = dict(self.values)
        if translate:
            for key in self.translated_values:
                if isinstance(values.get(key), str):
                    values[key] = translate(self.context, values[key])
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template


class SettingsError(DomainError):
    """The settings file or an override is invalid."""


class PermissionDenied(DomainError):
    """The user's roles do not allow the action."""


class AuthenticationFailed(DomainError):
    """Wrong user name or password, or a disabled account."""


class ConflictError(DomainError):
    """Another console changed the record first (optimistic locking)."""


class NotFound(DomainError):
    """A record that should exist does not."""


class ValidationError(DomainError):
    """Input that breaks a rule of the domain."""


class FrozenError(DomainError):
    """The record is frozen (a handover once acknowledged)."""


class NotRun(DomainError):
    """A check or test that could not run (nothing answered): it is not a result,
    and nothing is written to the duty log."""


class DatabaseUnavailable(DomainError):
    """The shared database cannot be reached."""


class ImportFileError(DomainError):
    """A reference-data file is malformed. `problems` lists (file, line, message);
    a problem may carry a marked template and its values, translated on display."""

    def __init__(self, problems: Sequence[tuple[Any, ...]]) -> None:
        self._templates = [(p[0], p[1], p[2], p[3] if len(p) > 3 else {}) for p in problems]
        self.problems = [(f, ln, _fmt(t, v)) for f, ln, t, v in self._templates]
        lines = "\n".join(f"{f}:{ln}: {msg}" for f, ln, msg in self.problems)
        super().__init__(
            QT_TRANSLATE_NOOP("errors",
                              "The import file has errors; nothing was imported:\n{lines}"),
            lines=lines,
        )

    def message(self, translate=None) -> str:
        if translate is None:
            return super().message()
        lines = "\n".join(f"{f}:{ln}: {_fmt(translate(self.context, t), v)}"
                          for f, ln, t, v in self._templates)
        return translate(self.context, self.text).format(lines=lines)


def _fmt(template: str, values: dict) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


CONFLICT_TEXT = QT_TRANSLATE_NOOP(
    "errors", "{what} was changed on another console in the meantime. "
              "Reload it; your changes were kept in the form.")

# Names of records in conflict messages.
RECORD_NAMES = (
    QT_TRANSLATE_NOOP("errors", "The record"),
    QT_TRANSLATE_NOOP("errors", "The shift"),
    QT_TRANSLATE_NOOP("errors", "The rotation"),
    QT_TRANSLATE_NOOP("errors", "The handover report"),
    QT_TRANSLATE_NOOP("errors", "The notice"),
    QT_TRANSLATE_NOOP("errors", "The document register"),
)


def conflict(what: str) -> ConflictError:
    """Another console changed `what` first (optimistic locking)."""
    return ConflictError(CONFLICT_TEXT, what=what)
