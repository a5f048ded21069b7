"""The one shape of a panel: what every dock of a console has in common.

`Panel` subscribes to its change topics, loads on the task runner with itself as
owner (a closed panel gets nothing back), routes every error to the message bridge
(`widgets.messages`: logged, shown in the panel's state line, never swallowed) and
shows the loading / empty / offline / error states the same way everywhere. A panel
says what to load (`query`, on the GUI thread: it reads the session and returns
the work for a worker thread) and how to show it (`present`, on the GUI thread).

`PanelSpec` describes a dock for the registry (`widgets.registry`): its id, title,
who sees it, where it docks, the menu and shortcut that open it. `Navigator` is the
one object through which a panel asks for another ("open this request", "show
these cameras") instead of knowing it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app import logs
from app.auth import CurrentUser
from app.errors import DomainError
from app.topics import Change, Topic, touches
from widgets.messages import message_of, show_error
from widgets.session import ConsoleSession

log = logs.get("ui")


class PanelState(StrEnum):
    IDLE = "idle"          # nothing asked yet
    LOADING = "loading"
    READY = "ready"
    EMPTY = "empty"
    OFFLINE = "offline"    # the database cannot be reached: what is shown is older
    ERROR = "error"


_STATE_TEXT = {
    PanelState.LOADING: QT_TRANSLATE_NOOP("Panel", "Loading…"),
    PanelState.EMPTY: QT_TRANSLATE_NOOP("Panel", "Nothing to show."),
    PanelState.OFFLINE: QT_TRANSLATE_NOOP("Panel", "The database cannot be reached: what is "
                                                   "shown may be out of date."),
}


class StateLine(QLabel):
    """The panel's state, one line above its content; hidden while it shows data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelState")
        self.setWordWrap(True)
        self.state = PanelState.IDLE
        self.hide()

    def set_state(self, state: PanelState, text: str = "") -> None:
        self.state = state
        if not text and state in _STATE_TEXT:
            text = QCoreApplication.translate("Panel", _STATE_TEXT[state])
        self.setText(text)
        self.setProperty("state", state.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(state not in (PanelState.READY, PanelState.IDLE) and bool(text))


class Panel(QWidget):
    """Base of the console's panels. Subclasses set `topics`, implement `query` and
    `present` (and `is_empty` when an empty result is not falsy), and put
    `self.state_line` at the top of their layout."""

    topics: ClassVar[frozenset[Topic]] = frozenset()
    #: reload on a change only while shown (a hidden dock loads when opened)
    reload_hidden: ClassVar[bool] = False

    loaded = Signal()          # a load finished and was shown
    failed = Signal(str)       # a load failed: the message shown

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state_line = StateLine(self)
        self._stale = False
        if self.topics:
            session.changed.connect(self._topics_changed)

    # -- what a panel says ------------------------------------------------------------
    def query(self) -> Callable[[], Any] | None:
        """The work that loads the panel (runs on a worker), or None when there is
        nothing to load yet (no desk, no selection)."""
        return None

    def present(self, data: Any) -> None:
        """Show what `query`'s work returned (GUI thread)."""

    def is_empty(self, data: Any) -> bool:
        return not data

    def changed(self, changes: list[Change]) -> None:
        """Changes of one of the panel's topics arrived; reloads by default (a panel
        that can reload only the rows named by `Change.ref` overrides this)."""
        self.load()

    def opened(self) -> None:
        """Opened from its menu or by navigation: load what it shows."""
        self.load()

    # -- the shared plumbing ---------------------------------------------------------------
    def load(self) -> None:
        s = self.session
        if not s.online:
            self.state_line.set_state(PanelState.OFFLINE)
            self._stale = True
            return
        work = self.query()
        if work is None:
            return
        self._stale = False
        if self.state_line.state in (PanelState.IDLE, PanelState.ERROR, PanelState.OFFLINE):
            self.state_line.set_state(PanelState.LOADING)
        s.runner.submit(work, self._loaded, self._load_failed, owner=self)

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None,
               *, reload: bool = True) -> None:
        """An officer's action (a write): on the serial lane, owned by the panel, its
        error in a message box; the panel reloads after it unless told not to."""
        def finished(result: Any) -> None:
            if done is not None:
                done(result)
            if reload:
                self.load()

        self.session.runner.submit(work, finished, lambda e: show_error(self, e),
                                   serial=True, owner=self)

    def _loaded(self, data: Any) -> None:
        self.present(data)
        self.state_line.set_state(PanelState.EMPTY if self.is_empty(data) else PanelState.READY)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            log.error("%s: loading failed", type(self).__name__, exc_info=exc)
        text = message_of(exc)
        self.state_line.set_state(PanelState.ERROR, text)
        self.failed.emit(text)

    def _topics_changed(self, changes: list[Change]) -> None:
        if not touches(changes, self.topics):
            return
        if self.isVisible() or self.reload_hidden:
            self.changed(changes)
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.load()


def everyone(_user: CurrentUser | None) -> bool:
    return True


@dataclass(frozen=True)
class PanelSpec:
    """One dock of the console, as the registry knows it."""

    id: str                                   # the dock's key and object name (dock_<id>)
    title: str                                # QT_TRANSLATE_NOOP("panels", …)
    build: Callable[[Any], QWidget]           # host (the main window) → the panel
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    visible_to: Callable[[CurrentUser | None], bool] = everyone
    menu: str | None = None                   # the menu key its action goes in
    action: str = ""                          # QT_TRANSLATE_NOOP("panels", …): menu text
    shortcut: str | None = None
    tab_with: Sequence[str] = field(default_factory=tuple)  # first of these present
    hidden: bool = True                       # hidden until opened
    attr: str = ""                            # the window's attribute for the panel
    # (host, panel) hooks: opened from its action / its dock shown / after login
    on_open: Callable[[Any, QWidget], None] | None = None     # None: panel.opened()/load()
    on_shown: Callable[[Any, QWidget], None] | None = None
    on_login: Callable[[Any, QWidget], None] | None = None
    action_name: str = ""                     # the action's object name (tests, scripts)


def open_panel(spec: PanelSpec, host: Any, panel: QWidget) -> None:
    """What opening a panel from its action does: its own hook, else its `opened()`
    (the Panel base loads), else its `load()` if it has one."""
    if spec.on_open is not None:
        spec.on_open(host, panel)
    elif callable(getattr(panel, "opened", None)):
        panel.opened()  # type: ignore[attr-defined]
    elif callable(getattr(panel, "load", None)):
        panel.load()  # type: ignore[attr-defined]


class Navigator(QObject):
    """Cross-panel requests: a panel emits, the window (which knows the docks) acts."""

    showPanel = Signal(str)                   # a PanelSpec id
    showCameras = Signal(list)                # camera codes, on a wall
    openRequest = Signal(int)                 # a request to a unit, where it is followed
    requestElsewhere = Signal(int)            # a request followed by another panel
    raiseIncident = Signal(object)            # an IncidentPrefill or None
    writeEntry = Signal(object)               # a LogPrefill: a new duty-log entry citing a record


__all__ = ["Navigator", "Panel", "PanelSpec", "PanelState", "StateLine", "everyone",
           "open_panel"]
