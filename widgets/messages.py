"""The one place where errors become messages for the user: domain errors are
translated and shown in a dialog; anything unexpected is logged with its
traceback and reported without closing the window."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app import logs
from app.errors import ConflictError, DatabaseUnavailable, DomainError, PermissionDenied

log = logs.get("ui")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_of(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return exc.message(translate)
    return QCoreApplication.translate("errors", "Unexpected error: {error}").format(error=exc)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if not isinstance(exc, DomainError):
        log.error("unexpected error", exc_info=exc)
    if title is None:
        if isinstance(exc, ConflictError):
            title = QCoreApplication.translate("errors", "Changed on another console")
        elif isinstance(exc, PermissionDenied):
            title = QCoreApplication.translate("errors", "Not allowed")
        elif isinstance(exc, DatabaseUnavailable):
            title = QCoreApplication.translate("errors", "Database unreachable")
        else:
            title = QCoreApplication.translate("errors", "Cannot do that")
    box = QMessageBox(QMessageBox.Icon.Warning, title, message_of(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()


class MessageBridge(QObject):
    """Where the failures of background work (a refresh nobody asked for by hand) go:
    logged, and said in the main window's status bar, never dropped."""

    backgroundFailed = Signal(str)   # the message, translated


_bridge: MessageBridge | None = None


def bridge() -> MessageBridge:
    global _bridge  # noqa: PLW0603 - one per application, made on the GUI thread
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def background_failure(what: str) -> Callable[[BaseException], None]:
    """The error handler of background work `what` (English, for the log): a lost
    database is logged quietly (the status bar already says so), anything else with
    its traceback; both reach the bridge."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, DatabaseUnavailable):
            log.info("%s: %s", what, exc)
        elif isinstance(exc, DomainError):
            log.warning("%s: %s", what, message_of(exc))
        else:
            log.error("%s failed", what, exc_info=exc)
        bridge().backgroundFailed.emit(message_of(exc))

    return failed


def install_excepthook() -> None:
    """Uncaught exceptions in slots are logged, never silently lost."""

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        log.critical("uncaught exception:\n%s",
                     "".join(traceback.format_exception(exc_type, exc, tb)))
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
