"""Live alerts of the workflow (issue 4 point 9): a new incident awaiting this user's
decision, or a request to a unit whose 30-minute acknowledgement (or promised result)
is overdue, is shown at once in the status bar (a red, blinking notice that opens the
console when clicked; the taskbar entry flashes too) and heard (a short two-tone
chime through the sound card, when the workstation has one).

`AlertCenter` re-reads what awaits the user when the workflow changes (the change feed,
from any console) and once every 15 s (deadlines pass without any change); it alerts
on what is new since the last look, so an item alerts once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.topics import Topic
from widgets import theme
from widgets.session import ConsoleSession

log = logging.getLogger("customs.workflow")
TOPICS = frozenset({Topic.WORKFLOW, Topic.REQUEST})


def chime(rate: int = 48000) -> np.ndarray:
    """Two short tones (880 Hz, then 660 Hz) as float32 mono samples."""
    t = np.arange(int(rate * 0.18)) / rate
    fade = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.01)
    tones = [0.3 * np.sin(2 * np.pi * f * t) * fade for f in (880.0, 660.0)]
    return np.concatenate([tones[0], np.zeros(int(rate * 0.06)), tones[1]]).astype(np.float32)


def play_with_sounddevice(samples: np.ndarray, rate: int = 48000) -> None:
    """Blocking; raises when there is no sound card or no PortAudio."""
    import sounddevice  # noqa: PLC0415 - PortAudio is loaded only when a chime plays

    sounddevice.play(samples, rate, blocking=True)


class AlertSound:
    """Plays the chime on a thread of its own (never the GUI thread); a workstation
    without a sound card is noted once in the log and stays silent."""

    def __init__(self, player: Callable[[np.ndarray], None] = play_with_sounddevice) -> None:
        self.player = player
        self.played = 0
        self.unavailable: str | None = None
        self._thread: threading.Thread | None = None

    def play(self) -> None:
        if self.unavailable is not None or (self._thread and self._thread.is_alive()):
            return
        self._thread = threading.Thread(target=self._run, name="alert-sound", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.player(chime())
            self.played += 1
        except Exception as exc:  # noqa: BLE001 - no card, no PortAudio: stay silent
            self.unavailable = str(exc) or type(exc).__name__
            log.info("alert sound unavailable: %s", self.unavailable)

    def join(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


@dataclass(frozen=True)
class Awaiting:
    approvals: dict[int, str]    # incident id → title
    overdue: dict[str, str]      # "request id:ack|result" → the unit


class AlertCenter(QObject):
    """See the module doc."""

    alertRaised = Signal(str, str)   # kind ("approval" | "overdue" | "data"), text
    cleared = Signal()
    checked = Signal()               # after every look

    def __init__(self, session: ConsoleSession, sound: AlertSound | None = None,
                 poll_ms: int = 15000) -> None:
        super().__init__()
        self.session = session
        self.sound = sound or AlertSound()
        self.known_approvals: set[int] = set()
        self.known_overdue: set[str] = set()
        self._timer = QTimer(self, interval=poll_ms)
        self._timer.timeout.connect(self.check)
        session.changed.connect(self._changes)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        self.sound.join(0.0)

    def check(self) -> None:
        ctx, user, desk = self.session.ctx, self.session.user, self.session.desk
        if user is None or desk is None or not self.session.online:
            return

        def work() -> Awaiting:
            approvals = {i.id: i.title for i in ctx.incidents.pending_for(user, desk.id)}
            overdue = {f"{o.request.id}:{o.what}": o.request.unit_name
                       for o in ctx.requests.overdue(desk.id)}
            return Awaiting(approvals, overdue)

        self.session.runner.submit(work, self._seen,
                                   lambda exc: log.warning("alerts: %s", exc), owner=self)

    def _seen(self, now: Awaiting) -> None:
        new_approvals = set(now.approvals) - self.known_approvals
        new_overdue = set(now.overdue) - self.known_overdue
        self.known_approvals, self.known_overdue = set(now.approvals), set(now.overdue)
        if new_approvals:
            self.alertRaised.emit("approval", self.tr(
                "{n} incident(s) await your decision").replace("{n}", str(len(now.approvals))))
        if new_overdue:
            self.alertRaised.emit("overdue", self.tr(
                "{n} request(s) to units overdue").replace("{n}", str(len(now.overdue))))
        if new_approvals or new_overdue:
            self.sound.play()
        elif not now.approvals and not now.overdue:
            self.cleared.emit()
        self.checked.emit()

    def data_alert(self, text: str) -> None:
        """A critical alert of a data source (gate × clearance…): heard and blinking."""
        self.alertRaised.emit("data", text)
        self.sound.play()

    def _changes(self, changes: list) -> None:  # type: ignore[type-arg]
        if any(getattr(c, "topic", None) in TOPICS for c in changes):
            self.check()


class AlertBanner(QLabel):
    """The status bar's alert: red and blinking until clicked (which opens what
    alerted) or until nothing awaits any more."""

    activated = Signal(str)   # the kind of the last alert

    def __init__(self, center: AlertCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.kind = ""
        self._on = False
        self._blink = QTimer(self, interval=600)
        self._blink.timeout.connect(self._toggle)
        center.alertRaised.connect(self.show_alert)
        center.cleared.connect(self.clear)
        self.hide()

    def show_alert(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setText(" ⚠ " + text + " ")
        self.show()
        self._blink.start()
        window = self.window()
        if window is not None:
            QApplication.alert(window)

    def clear(self) -> None:
        self._blink.stop()
        self.hide()

    def blinking(self) -> bool:
        return self._blink.isActive()

    def _toggle(self) -> None:
        self._on = not self._on
        colour = theme.ALARM if self._on else "#8b1d18"
        self.setStyleSheet(f"background: {colour}; color: white; font-weight: bold;"
                           " padding: 2px 8px; border-radius: 3px;")

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        self._blink.stop()
        self.setStyleSheet("")
        self.hide()
        self.activated.emit(self.kind)
        super().mousePressEvent(event)


__all__ = ["AlertBanner", "AlertCenter", "AlertSound", "chime"]
