"""One camera on the wall: a `CameraTile` owns the camera's `VideoStream`(s) and paints
the newest frame.

Threads. A stream decodes on its own worker thread; its callbacks never touch a widget.
`on_frame` only raises the tile's "fresh" flag. One `RepaintClock` for all tiles looks at
the flags at about the display's refresh rate and asks the fresh tiles to paint, so Qt
paints them together, once per tick (a 16-tile wall: ~60 batched repaints a second, not
240 events and paints one by one; a burst of frames costs one paint). `paintEvent` takes
the newest frame (`take()`), wraps its numpy buffer in a QImage without copying (the tile
keeps the array alive while the image is painted; the worker never writes into a
delivered array), and draws it letterboxed. `on_state` is posted as a queued signal.

Pixels. The tile asks the stream for BGRA frames at the size the picture will be drawn
(the source's aspect fitted into the tile, times the device pixel ratio and the digital
zoom, never above the source's size, rounded to even sizes), so FFmpeg scales and
converts and painting is a blit. The request follows resizes and zoom; a hidden tile asks
for no pixels at all (decode only); a paused tile decodes nothing (its wall is hidden).

Sub and main streams. Given both URLs, the tile plays the sub-stream while small and the
main stream when its picture needs more pixels (`video.switching.StreamChoice`, with
hysteresis). A switch opens the other stream beside the playing one and swaps when the
new one delivers its first picture, so the picture never goes black; the old stream is
stopped on a background thread.

Digital zoom. Mouse wheel zooms around the cursor (1× to 8×), dragging pans; a
double-click resets the zoom, or, when not zoomed, is passed on (`doubleClicked`: the
wall maximises the tile).

Health. Every state but live is a badge over the picture (translated text, the reason as
the tooltip), and the last frame stays, greyed. The tile counts frames shown (painted,
not merely decoded) per second; the diagnostic line shows that against the source rate.

Life. `shutdown()` stops every stream and joins the threads; `close()` and
`deleteLater()` call it. A parent that destroys tiles without closing them must call
`shutdown()`."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections import deque

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.clock import epoch_seconds
from video.audio import AudioOutput, AudioStatus
from video.stream import Frame, State, StreamConfig, VideoStream
from video.switching import MAIN, SUB, StreamChoice
from widgets import theme
from widgets.labels import duration_label

log = logging.getLogger("customs.video")
_CONTEXT = "CameraTile"
_STATE_TEXT = {
    State.CONNECTING: QT_TRANSLATE_NOOP("CameraTile", "Connecting…"),
    State.LIVE: QT_TRANSLATE_NOOP("CameraTile", "Live"),
    State.STALLED: QT_TRANSLATE_NOOP("CameraTile", "Stalled"),
    State.RECONNECTING: QT_TRANSLATE_NOOP("CameraTile", "Reconnecting…"),
    State.OFFLINE: QT_TRANSLATE_NOOP("CameraTile", "Offline"),
    State.AUTH_FAILED: QT_TRANSLATE_NOOP("CameraTile", "Authentication failed"),
    State.CODEC_UNSUPPORTED: QT_TRANSLATE_NOOP("CameraTile", "Codec not supported"),
}
_PAUSED = QT_TRANSLATE_NOOP("CameraTile", "Paused")
_LOST_FOR = QT_TRANSLATE_NOOP("CameraTile", "no picture for {time}")
# states in which the camera's picture is gone (not: connecting for the first time)
LOST_STATES = frozenset({State.STALLED, State.RECONNECTING, State.OFFLINE, State.AUTH_FAILED,
                         State.CODEC_UNSUPPORTED})
_DIAGNOSTIC = QT_TRANSLATE_NOOP("CameraTile", "{shown} / {source} fps")
_STREAM_NAME = {SUB: QT_TRANSLATE_NOOP("CameraTile", "sub-stream"),
                MAIN: QT_TRANSLATE_NOOP("CameraTile", "main stream")}
_KEY_ONLY = QT_TRANSLATE_NOOP("CameraTile", "key frames only")
_SOUND_OFF = QT_TRANSLATE_NOOP("CameraTile", "Sound off (M)")
_PTZ_OFF = QT_TRANSLATE_NOOP("CameraTile", "PTZ (P)")
_PTZ_ON = QT_TRANSLATE_NOOP("CameraTile", "PTZ control: arrows, PgUp/PgDn, N*")
_SOUND_ON = QT_TRANSLATE_NOOP("CameraTile", "Sound on {level} dB")
_STATE_COLOUR = {
    State.CONNECTING: theme.WARN, State.LIVE: theme.OK, State.STALLED: theme.WARN,
    State.RECONNECTING: theme.WARN, State.OFFLINE: theme.ALARM,
    State.AUTH_FAILED: theme.ALARM, State.CODEC_UNSUPPORTED: theme.ALARM,
}
# BGRA in memory is 0xAARRGGBB as a little-endian 32-bit word: QImage's RGB32 (alpha is 255).
_LITTLE = sys.byteorder == "little"
_FORMATS = {"bgra": QImage.Format.Format_RGB32 if _LITTLE else QImage.Format.Format_ARGB32,
            "rgb24": QImage.Format.Format_RGB888}
MAX_ZOOM = 8.0

# Streams being stopped in the background (a tile released, a stream switched away):
# `join_retired()` waits for them (closing a wall, the tests' thread-leak guard).
_retired: list[threading.Thread] = []
_retired_lock = threading.Lock()


def _in_background(fn) -> None:  # type: ignore[no-untyped-def]
    """Runs a stop/close that joins a thread, without making the GUI thread wait."""
    thread = threading.Thread(target=fn, name="video:retire", daemon=True)
    thread.start()
    with _retired_lock:
        _retired[:] = [t for t in _retired if t.is_alive()] + [thread]


def _retire_stream(stream: VideoStream) -> None:
    _in_background(stream.stop)


def join_retired(timeout: float = 5.0) -> bool:
    """Waits for every stream stopped in the background; True when all have ended."""
    deadline = time.monotonic() + timeout
    with _retired_lock:
        threads = list(_retired)
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    with _retired_lock:
        _retired[:] = [t for t in _retired if t.is_alive()]
        return not _retired


def state_text(state: State | str) -> str:
    """The translated badge text of a stream state."""
    return QCoreApplication.translate(_CONTEXT, _STATE_TEXT[State(state)])


def _even(n: float) -> int:
    return max(2, int(round(n)) // 2 * 2)


def fit(source: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest size of `source`'s aspect inside `box` (floating point)."""
    sw, sh = source
    bw, bh = box
    scale = min(bw / sw, bh / sh)
    return sw * scale, sh * scale  # type: ignore[return-value]


class RepaintClock(QObject):
    """The pace of every tile's painting: each tick, the tiles whose stream delivered a
    frame since the last tick are updated, and Qt paints them in one pass. One timer for
    the application (made with the first tile, on the GUI thread)."""

    INTERVAL_MS = 16   # ~60 Hz: the display's pace; a 15 or 25 fps source loses no frame

    _instance: RepaintClock | None = None

    def __init__(self) -> None:
        super().__init__()
        self._tiles: list[CameraTile] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    @classmethod
    def shared(cls) -> RepaintClock:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def add(self, tile: CameraTile) -> None:
        if tile not in self._tiles:
            self._tiles.append(tile)
        if not self._timer.isActive():
            self._timer.start()

    def remove(self, tile: CameraTile) -> None:
        with contextlib.suppress(ValueError):
            self._tiles.remove(tile)
        if not self._tiles:
            self._timer.stop()

    def _tick(self) -> None:
        for tile in list(self._tiles):
            if tile._fresh:  # noqa: SLF001 - the flag the decoding thread raises
                tile._fresh = False  # noqa: SLF001
                try:
                    tile.update()
                except RuntimeError:  # destroyed without shutdown()
                    self.remove(tile)


class _Feed:
    """One open stream of the tile (sub or main) and its callbacks."""

    def __init__(self, tile: CameraTile, kind: str, url: str) -> None:
        self.kind = kind
        self.tile = tile
        self.stream = VideoStream(url, name=f"{tile.camera_label or url} {kind}",
                                  config=tile._config, on_frame=self._on_frame,
                                  on_state=self._on_state, audio=tile._audio)
        self.stream.set_output(None)
        self.requested: tuple[str | None, tuple[int, int] | None] = (None, None)

    def _on_frame(self, _frame: Frame) -> None:   # the decoding thread
        self.tile._frame_callback(self)

    def _on_state(self, state: State, reason: str) -> None:   # the decoding thread
        self.tile._state_callback(self, state, reason)


class CameraTile(QWidget):
    """Shows one camera; see the module doc."""

    stateChanged = Signal(str)      # State value
    framesShown = Signal(int)       # total frames painted so far
    streamSwitched = Signal(str)    # "sub" or "main": the stream now painted
    doubleClicked = Signal()        # a double-click that was not a zoom reset
    zoomChanged = Signal(float)
    ptzCommand = Signal(str, float, float, float)   # "move" | "stop" | "zoom", pan, tilt, zoom
    _stateReady = Signal(object, str, str)  # (feed, state, reason), queued
    _audioNote = Signal(str, str)           # (AudioStatus, message), queued

    def __init__(self, url: str, label: str = "", parent: QWidget | None = None, *,
                 main_url: str | None = None, config: StreamConfig | None = None,
                 pixel_format: str = "bgra", diagnostics: bool = False,
                 start: bool = True, choice: StreamChoice | None = None,
                 audio: bool = False, ptz: bool = False) -> None:
        super().__init__(parent)
        if pixel_format not in _FORMATS:
            raise ValueError(f"pixel format {pixel_format!r} not in {tuple(_FORMATS)}")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 36)
        self.camera_label = label
        # `url` alone: one stream. With `main_url`, `url` is the sub-stream.
        self._urls = {SUB: url, MAIN: main_url} if main_url else {MAIN: url}
        self._config = config
        self._pixel_format = pixel_format
        self._diagnostics = diagnostics
        # Sound (a mobile camera, Đ13.3): decoded with the picture, muted by default;
        # unmuted, an AudioOutput plays the painted stream's sound.
        self._audio = audio
        self._muted = True
        self._speaker: AudioOutput | None = None
        self._audio_note = ""
        # PTZ (a camera with an ONVIF service): in PTZ mode the wheel, dragging and the
        # on-tile pad move the camera (ptzCommand) instead of the digital zoom.
        self._ptz = ptz
        self._ptz_mode = False
        self._ptz_holder = ""
        self._ptz_drag: QPointF | None = None
        self._ptz_velocity: tuple[float, float] = (0.0, 0.0)
        self._choice = choice or StreamChoice(has_sub=main_url is not None)
        self._choice.has_sub = main_url is not None
        self._state, self._reason = State.CONNECTING, ""
        self._lost_at: float | None = None  # monotonic time the picture was lost
        self._lost_clock = QTimer(self, interval=1000)
        self._lost_clock.timeout.connect(self.update)
        self._fresh = False             # a frame came since the last tick (set by a worker)
        self._frame: Frame | None = None  # the frame painted last
        self._array: np.ndarray | None = None  # the buffer _image points into (kept alive)
        self._image: QImage | None = None
        self._grey: QImage | None = None
        self._source: tuple[int, int] | None = None
        self._shown = 0
        self._shown_at: deque[float] = deque()
        self._latency: deque[float] = deque(maxlen=300)   # s, source clock → painted
        self._chips: dict[tuple, QPixmap] = {}   # rendered overlay texts
        self._source_fps = 0.0
        self._source_fps_at = 0.0
        self._stopped = False
        self._paused = False
        self._key_only = False
        self._zoom = 1.0
        self._centre = QPointF(0.5, 0.5)  # of the visible window, in source fractions
        self._drag_from: QPointF | None = None
        self._retry = QTimer(self, singleShot=True)   # a switch waiting out the interval
        self._retry.timeout.connect(self._update_output)
        self._stateReady.connect(self._on_state_ready, Qt.ConnectionType.QueuedConnection)
        self._audioNote.connect(self._on_audio_note, Qt.ConnectionType.QueuedConnection)
        # The first visible layout chooses at once (StreamChoice's first decision).
        first = SUB if main_url else MAIN
        self._feed: _Feed = _Feed(self, first, self._urls[first])
        self._next: _Feed | None = None   # opened beside _feed while switching
        self._update_tooltip()
        RepaintClock.shared().add(self)
        if start:
            self._feed.stream.start()

    # -- public ------------------------------------------------------------------------
    @property
    def stream(self) -> VideoStream:
        """The stream being painted."""
        return self._feed.stream

    @property
    def stream_kind(self) -> str:
        """"sub" or "main": the stream being painted."""
        return self._feed.kind

    @property
    def switching_to(self) -> str | None:
        return self._next.kind if self._next else None

    @property
    def state(self) -> State:
        return self._state

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def frames_shown(self) -> int:
        return self._shown

    @property
    def last_frame(self) -> Frame | None:
        """The frame painted last (kept, greyed, while the stream is not live)."""
        return self._frame

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def key_frames_only(self) -> bool:
        return self._key_only

    def url(self, kind: str) -> str | None:
        return self._urls.get(kind)

    def picture_lost(self) -> bool:
        """The camera's picture is gone (stalled, reconnecting, offline, refused): the
        tile says so at a glance — a frame in the state's colour, the time since."""
        return not self._paused and self._state in LOST_STATES

    def lost_text(self) -> str:
        if self._lost_at is None:
            return ""
        return QCoreApplication.translate(_CONTEXT, _LOST_FOR).format(
            time=duration_label(int(time.monotonic() - self._lost_at)))

    def _draw_lost(self, p: QPainter, rect: QRect, badge_h: int, px: int) -> None:
        pen = QPen(QColor(_STATE_COLOUR[self._state]))
        pen.setWidth(4)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(2, 2, -2, -2))
        text = self.lost_text()
        if text:
            chip = self._chip(text, px, "#ffffff", QColor(0, 0, 0, 190))
            p.drawPixmap(rect.center().x() - chip.width() // 2,
                         rect.center().y() + badge_h // 2 + 4, chip)

    def badge_text(self) -> str:
        if self._paused:
            return QCoreApplication.translate(_CONTEXT, _PAUSED)
        return state_text(self._state)

    def shown_fps(self, window: float = 2.0) -> float:
        """Frames painted per second over the last `window` seconds."""
        now = time.monotonic()
        return sum(1 for t in self._shown_at if t >= now - window) / window

    def shown_latencies(self) -> list[float]:
        """Recent source-to-screen delays in seconds (the source's RTCP wall clock to the
        end of the paint), newest last."""
        return list(self._latency)

    def requested_output(self) -> tuple[str | None, tuple[int, int] | None] | None:
        """What the tile last asked the playing stream for: (format, (w, h)) or (None, None)."""
        return self._feed.requested

    def set_diagnostics(self, on: bool) -> None:
        self._diagnostics = bool(on)
        self.update()

    def diagnostics_text(self) -> str:
        tr = QCoreApplication.translate
        text = tr(_CONTEXT, _DIAGNOSTIC).format(
            shown=f"{self.shown_fps():.0f}", source=f"{self._source_rate():.0f}")
        text += " · " + tr(_CONTEXT, _STREAM_NAME[self._feed.kind])
        if self._key_only:
            text += " · " + tr(_CONTEXT, _KEY_ONLY)
        return text

    @property
    def has_audio(self) -> bool:
        return self._audio

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def speaker(self) -> AudioOutput | None:
        return self._speaker

    def set_muted(self, muted: bool) -> None:
        """Sound on or off (a tile without sound ignores it)."""
        if not self._audio or muted == self._muted:
            return
        self._muted = muted
        self._apply_audio()
        self.update()

    def _apply_audio(self) -> None:
        """The painted stream's sound follows the mute switch; the others are muted."""
        for feed in self._feeds():
            feed.stream.set_audio_muted(self._muted or feed is not self._feed)
        if self._muted:
            if self._speaker is not None:
                self._speaker.set_muted(True)
            return
        if self._speaker is None or self._speaker.stream is not self._feed.stream:
            self._close_speaker()
            self._speaker = AudioOutput(self._feed.stream, on_status=self._speaker_status)
        self._speaker.set_muted(False)

    def _close_speaker(self) -> None:
        speaker, self._speaker = self._speaker, None
        if speaker is not None:
            _in_background(speaker.close)

    def _speaker_status(self, status: AudioStatus, message: str) -> None:  # control thread
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):
            self._audioNote.emit(status.value, message)

    @Slot(str, str)
    def _on_audio_note(self, status: str, message: str) -> None:
        self._audio_note = "" if status in (AudioStatus.PLAYING, AudioStatus.MUTED,
                                            AudioStatus.STARTING) else message
        if status in (AudioStatus.NO_DEVICE, AudioStatus.FAILED):
            self._muted = True
        self._update_tooltip()
        self.update()

    def audio_text(self) -> str:
        """The sound chip: muted, or on with the level."""
        tr = QCoreApplication.translate
        if self._muted:
            return tr(_CONTEXT, _SOUND_OFF)
        level = self._feed.stream.audio_level_db()
        return tr(_CONTEXT, _SOUND_ON).format(
            level="—" if level is None else f"{level:.0f}")

    @property
    def has_ptz(self) -> bool:
        return self._ptz

    @property
    def ptz_mode(self) -> bool:
        return self._ptz_mode

    def set_ptz_mode(self, on: bool) -> None:
        """PTZ mode: wheel, drag and the on-tile pad move the camera."""
        on = bool(on) and self._ptz
        if on != self._ptz_mode:
            self._ptz_mode = on
            if on and self._zoom > 1.0:
                self.set_zoom(1.0)
            self.update()

    def set_ptz_holder(self, text: str) -> None:
        """"Held by …" when another console controls the camera ("" when free)."""
        self._ptz_holder = text
        self.update()

    def _pad(self) -> tuple[QRectF, dict[str, tuple[QRectF, tuple[float, float, float]]]]:
        """The on-tile PTZ pad (bottom right): its frame and its buttons' rectangles with
        the move each one makes (pan, tilt, zoom speeds)."""
        size = max(72.0, min(132.0, self.height() * 0.36))
        frame = QRectF(self.width() - size - 8, self.height() - size - 8, size, size)
        b = size / 3
        x0, y0 = frame.left(), frame.top()
        cells = {"up": (1, 0, (0.0, 0.5, 0.0)), "down": (1, 2, (0.0, -0.5, 0.0)),
                 "left": (0, 1, (-0.5, 0.0, 0.0)), "right": (2, 1, (0.5, 0.0, 0.0)),
                 "zoom_in": (2, 0, (0.0, 0.0, 0.5)), "zoom_out": (2, 2, (0.0, 0.0, -0.5))}
        return frame, {name: (QRectF(x0 + cx * b, y0 + cy * b, b, b), move)
                       for name, (cx, cy, move) in cells.items()}

    def set_key_frames_only(self, on: bool) -> None:
        """Decode key frames only (the wall sheds load when the machine falls behind)."""
        self._key_only = bool(on)
        for feed in self._feeds():
            feed.stream.set_key_frames_only(self._key_only)

    def set_zoom(self, zoom: float, centre: QPointF | None = None) -> None:
        """Digital zoom (1 = whole picture) around `centre` (fractions of the picture)."""
        zoom = min(MAX_ZOOM, max(1.0, zoom))
        if centre is not None:
            self._centre = QPointF(centre)
        if zoom == 1.0:
            self._centre = QPointF(0.5, 0.5)
        self._clamp_centre(zoom)
        changed = zoom != self._zoom
        self._zoom = zoom
        self._update_output()
        self.update()
        if changed:
            self.zoomChanged.emit(zoom)

    def pause(self) -> None:
        """Stops decoding (the wall is hidden or minimised); the last frame stays."""
        if self._paused or self._stopped:
            return
        self._paused = True
        for feed in self._feeds():
            self._retire(feed)
        self._next = None
        self._feed = _Feed(self, self._feed.kind, self._urls[self._feed.kind])  # not started
        self._grey = None
        self.update()

    def resume(self) -> None:
        if not self._paused or self._stopped:
            return
        self._paused = False
        self._state = State.CONNECTING
        self._feed.stream.set_key_frames_only(self._key_only)
        self._feed.stream.start()
        self._update_output()
        self.update()

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stops every stream and joins the threads (idempotent); True when all ended."""
        self._stopped = True
        RepaintClock.shared().remove(self)
        if self._speaker is not None:
            self._speaker.close(timeout)
            self._speaker = None
        ok = all([feed.stream.stop(timeout) for feed in self._feeds()])
        return join_retired(timeout) and ok

    def release(self) -> None:
        """Stops every stream without waiting (the tile is being replaced); the threads
        end in the background (`join_retired`)."""
        if self._stopped:
            return
        self._stopped = True
        RepaintClock.shared().remove(self)
        self._close_speaker()
        for feed in self._feeds():
            self._retire(feed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 180)

    # -- the decoding threads: no widget calls here --------------------------------------
    def _frame_callback(self, _feed: _Feed) -> None:
        self._fresh = True  # painted at the RepaintClock's next tick

    def _state_callback(self, feed: _Feed, state: State, reason: str) -> None:
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):
            self._stateReady.emit(feed, state.value, reason)

    # -- the GUI thread ------------------------------------------------------------------
    def _feeds(self) -> list[_Feed]:
        return [f for f in (self._feed, self._next) if f is not None]

    @Slot(object, str, str)
    def _on_state_ready(self, feed: _Feed, state: str, reason: str) -> None:
        new = State(state)
        if feed is self._next:
            if new is not State.LIVE and new is not State.CONNECTING:
                # the other stream cannot be played: keep the one we have
                self._retire(feed)
                self._next = None
            return
        if feed is not self._feed:
            return
        changed = new is not self._state
        if new in LOST_STATES and self._state not in LOST_STATES:
            self._lost_at = time.monotonic()
            self._lost_clock.start()     # no frames come: the time since is repainted
        elif new not in LOST_STATES:
            self._lost_at = None
            self._lost_clock.stop()
        self._state, self._reason = new, reason
        self._grey = None
        self._update_tooltip()
        self.update()
        if changed:
            self.stateChanged.emit(new.value)

    def _update_tooltip(self) -> None:
        text = self.camera_label + (" — " if self.camera_label else "") + self.badge_text()
        text += f"\n{self._reason}" if self._reason else ""
        if self._audio_note:
            text += "\n" + QCoreApplication.translate("AudioOutput", self._audio_note)
        self.setToolTip(text)

    def _needed_width(self) -> float:
        if not self.isVisible():
            return 0.0
        dpr = self.devicePixelRatioF()
        source = self._source or (16, 9)
        w, _h = fit(source, (self.width() * dpr, self.height() * dpr))
        return w * self._zoom

    def _wanted_output(self, feed: _Feed) -> tuple[str | None, tuple[int, int] | None]:
        if self._paused or not self.isVisible() or self.width() < 2 or self.height() < 2:
            return (None, None)
        dpr = self.devicePixelRatioF()
        box = (self.width() * dpr * self._zoom, self.height() * dpr * self._zoom)
        source = self._source if feed is self._feed else None
        source = source or feed_source(feed) or self._source
        w, h = fit(source, box) if source else box
        if source:  # never above the source's own size
            w, h = min(w, source[0]), min(h, source[1])
        return (self._pixel_format, (_even(w), _even(h)))

    def _update_output(self) -> None:
        """Asks each stream for pixels at the drawn size, or for none when hidden; and
        chooses between the sub and the main stream."""
        if self._stopped:
            return
        for feed in self._feeds():
            wanted = self._wanted_output(feed)
            if wanted != feed.requested:
                feed.requested = wanted
                feed.stream.set_output(*wanted)
        if self._paused or not self.isVisible():
            return
        now = time.monotonic()
        kind = self._choice.decide(self._needed_width(), now,
                                   force_main=self._zoom > 1.0 and MAIN in self._urls)
        if self._choice.retry_at is not None and not self._retry.isActive():
            self._retry.start(max(10, int((self._choice.retry_at - now) * 1000) + 10))
        if kind == self._feed.kind:
            if self._next is not None:   # changed our mind before the swap
                self._retire(self._next)
                self._next = None
            return
        if self._next is None or self._next.kind != kind:
            if self._next is not None:
                self._retire(self._next)
            self._next = _Feed(self, kind, self._urls[kind])
            self._next.stream.set_key_frames_only(self._key_only)
            self._next.requested = self._wanted_output(self._next)
            self._next.stream.set_output(*self._next.requested)
            self._next.stream.start()

    @staticmethod
    def _retire(feed: _Feed) -> None:
        """Stops a stream without waiting for its thread on the GUI thread."""
        _retire_stream(feed.stream)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        self._update_output()
        self.update()  # the frame that came while hidden

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001
        super().hideEvent(event)
        self._update_output()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._update_output()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.shutdown()
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DeferredDelete and not self._stopped:
            self.shutdown()
        return super().event(event)

    # -- digital zoom --------------------------------------------------------------------
    def _picture_rect(self) -> QRectF:
        source = self._source or (16, 9)
        w, h = fit(source, (self.width(), self.height()))
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _clamp_centre(self, zoom: float) -> None:
        half = 0.5 / zoom
        self._centre = QPointF(min(1 - half, max(half, self._centre.x())),
                               min(1 - half, max(half, self._centre.y())))

    def _to_picture(self, pos: QPointF) -> QPointF:
        """A widget position as fractions of the whole picture (not of the window)."""
        r = self._picture_rect()
        fx = (pos.x() - r.left()) / max(1.0, r.width())
        fy = (pos.y() - r.top()) / max(1.0, r.height())
        half = 0.5 / self._zoom
        return QPointF(self._centre.x() - half + fx / self._zoom,
                       self._centre.y() - half + fy / self._zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if not steps:
            return super().wheelEvent(event)
        if self._ptz_mode:     # optical zoom, a step per notch
            self.ptzCommand.emit("zoom", 0.0, 0.0, 0.05 * steps)
            event.accept()
            return None
        pos = event.position()
        anchor = self._to_picture(pos)
        zoom = min(MAX_ZOOM, max(1.0, self._zoom * 1.25 ** steps))
        # keep the point under the cursor where it is
        r = self._picture_rect()
        fx = (pos.x() - r.left()) / max(1.0, r.width())
        fy = (pos.y() - r.top()) / max(1.0, r.height())
        centre = QPointF(anchor.x() + (0.5 - fx) / zoom, anchor.y() + (0.5 - fy) / zoom)
        self.set_zoom(zoom, centre)
        event.accept()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._ptz_mode:
            _frame, buttons = self._pad()
            for rect, move in buttons.values():
                if rect.contains(event.position()):
                    self.ptzCommand.emit("move", *move)
                    self._ptz_drag = QPointF(-1, -1)   # a pad button: stop on release
                    event.accept()
                    return
            self._ptz_drag = event.position()
            self._ptz_velocity = (0.0, 0.0)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._zoom > 1.0:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._ptz_drag is not None and self._ptz_drag.x() >= 0:
            # drag to pan: the speed follows the distance from where the drag began
            d = event.position() - self._ptz_drag
            pan = max(-1.0, min(1.0, 3 * d.x() / max(1, self.width())))
            tilt = max(-1.0, min(1.0, -3 * d.y() / max(1, self.height())))
            pan, tilt = round(pan, 1), round(tilt, 1)
            if (pan, tilt) != self._ptz_velocity:
                self._ptz_velocity = (pan, tilt)
                self.ptzCommand.emit("move", pan, tilt, 0.0)
            event.accept()
            return
        if self._drag_from is not None:
            r = self._picture_rect()
            d = event.position() - self._drag_from
            self._drag_from = event.position()
            self._centre = QPointF(self._centre.x() - d.x() / max(1.0, r.width()) / self._zoom,
                                   self._centre.y() - d.y() / max(1.0, r.height()) / self._zoom)
            self._clamp_centre(self._zoom)
            self.update()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._ptz_drag is not None:
            moved = self._ptz_drag.x() < 0 or self._ptz_velocity != (0.0, 0.0)
            self._ptz_drag, self._ptz_velocity = None, (0.0, 0.0)
            if moved:
                self.ptzCommand.emit("stop", 0.0, 0.0, 0.0)
            event.accept()
            return
        if self._drag_from is not None:
            self._drag_from = None
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        if self._zoom > 1.0:
            self.set_zoom(1.0)
        else:
            self.doubleClicked.emit()
        event.accept()
        return None

    # -- painting ------------------------------------------------------------------------
    def _take_frame(self) -> bool:
        """Adopts the newest frame if there is one with pixels; True if it is new. A
        stream opened for a switch takes over at its first picture."""
        if self._next is not None:
            frame = self._next.stream.take()
            if frame is not None and frame.image is not None:
                old, self._feed, self._next = self._feed, self._next, None
                self._retire(old)
                self._source = (frame.source_width, frame.source_height)
                if self._feed.kind == SUB:
                    self._choice.sub_width = frame.source_width
                self._state, self._reason = State.LIVE, ""
                self._update_tooltip()
                self.streamSwitched.emit(self._feed.kind)
                self.stateChanged.emit(State.LIVE.value)
                self._update_output()
                if self._audio:
                    self._apply_audio()
                return self._adopt(frame)
        frame = self._feed.stream.take()
        if frame is None or frame.image is None or frame.pixel_format not in _FORMATS:
            return False
        source = (frame.source_width, frame.source_height)
        if source != self._source:
            self._source = source
            if self._feed.kind == SUB:
                self._choice.sub_width = frame.source_width
            self._update_output()
        return self._adopt(frame)

    def _adopt(self, frame: Frame) -> bool:
        image: np.ndarray = frame.image  # type: ignore[assignment]
        bpp = 4 if frame.pixel_format == "bgra" else 3
        if image.strides[1:] != (bpp, 1) or image.strides[0] < image.shape[1] * bpp:
            image = np.ascontiguousarray(image)
        h, w, stride = image.shape[0], image.shape[1], image.strides[0]
        # FFmpeg pads rows (stride > width × bpp): view whole rows as one contiguous
        # byte block, so the QImage reads the decoder's buffer without a copy.
        rows = np.lib.stride_tricks.as_strided(image, shape=(h, stride), strides=(stride, 1),
                                               writeable=False) if stride != w * bpp else image
        # No copy: the QImage points into the array, which self._array keeps alive.
        self._array = rows
        self._image = QImage(rows.data, w, h, stride,
                             _FORMATS[frame.pixel_format])  # type: ignore[index]
        self._frame = frame
        self._grey = None
        return True

    def _source_rate(self) -> float:
        now = time.monotonic()
        if now - self._source_fps_at >= 1.0:
            self._source_fps_at = now
            self._source_fps = self._feed.stream.stats().decoded_fps
        return self._source_fps

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        try:
            new = self._take_frame()
        except Exception:  # a bad frame must not take the wall down
            log.exception("%s: cannot show a frame", self.camera_label)
            new = False
        p = QPainter(self)
        try:
            rect = self.rect()
            if self._image is not None:
                self._draw_picture(p, rect)   # fills only the bars around the picture
            else:
                p.fillRect(rect, Qt.GlobalColor.black)
            self._draw_overlays(p, rect)
        finally:
            p.end()
        if new:
            self._shown += 1
            now = time.monotonic()
            self._shown_at.append(now)
            while self._shown_at and self._shown_at[0] < now - 5.0:
                self._shown_at.popleft()
            if self._frame is not None and self._frame.source_time is not None:
                self._latency.append(epoch_seconds() - self._frame.source_time)
            self.framesShown.emit(self._shown)

    def _draw_picture(self, p: QPainter, rect: QRect) -> None:
        assert self._image is not None
        target = self._picture_rect()
        image = self._image
        live = self._state is State.LIVE and not self._paused
        if not live:
            if self._grey is None:
                self._grey = self._image.convertToFormat(QImage.Format.Format_Grayscale8)
            image = self._grey
        iw, ih = image.width(), image.height()
        half = 0.5 / self._zoom
        source = QRectF((self._centre.x() - half) * iw, (self._centre.y() - half) * ih,
                        iw / self._zoom, ih / self._zoom)
        dpr = self.devicePixelRatioF()
        if self._zoom == 1.0 and abs(target.width() * dpr - iw) <= 2 and \
                abs(target.height() * dpr - ih) <= 2:
            # the decoder made the picture at the drawn size: a plain blit, centred
            target = QRectF((rect.width() - iw / dpr) / 2, (rect.height() - ih / dpr) / 2,
                            iw / dpr, ih / dpr)
            p.drawImage(target.topLeft(), image)
        else:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # resize, zoom
            p.drawImage(target, image, source)
        self._fill_bars(p, rect, target)
        if not live:
            p.fillRect(target, QColor(0, 0, 0, 110))

    def _draw_pad(self, p: QPainter) -> None:
        frame, buttons = self._pad()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 120))
        p.drawRoundedRect(frame, 8, 8)
        glyphs = {"up": "▲", "down": "▼", "left": "◀", "right": "▶", "zoom_in": "+",
                  "zoom_out": "−"}
        font = QFont(self.font())
        font.setPixelSize(int(frame.height() / 6))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#e6edf3"))
        for name, (rect, _move) in buttons.items():
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyphs[name])

    @staticmethod
    def _fill_bars(p: QPainter, rect: QRect, picture: QRectF) -> None:
        """Black where the picture does not cover the tile (letterbox)."""
        black = Qt.GlobalColor.black
        top, bottom = int(picture.top()), int(picture.bottom() + 0.999)
        left, right = int(picture.left()), int(picture.right() + 0.999)
        if top > 0:
            p.fillRect(0, 0, rect.width(), top, black)
        if bottom < rect.height():
            p.fillRect(0, bottom, rect.width(), rect.height() - bottom, black)
        if left > 0:
            p.fillRect(0, top, left, bottom - top, black)
        if right < rect.width():
            p.fillRect(right, top, rect.width() - right, bottom - top, black)

    def _chip(self, text: str, px: int, fg: str, bg: QColor, bold: bool = False) -> QPixmap:
        """A text label on a rounded background, rendered once and reused: the
        overlays are painted with every frame, text layout is not."""
        key = (text, px, fg, bg.rgba(), bold)
        chip = self._chips.get(key)
        if chip is None:
            font = QFont(self.font())
            font.setPixelSize(px)
            font.setBold(bold)
            fm = QFontMetrics(font)
            pad = max(3, fm.height() // 4)
            w, h = fm.horizontalAdvance(text) + 2 * pad, fm.height() + pad
            chip = QPixmap(w, h)
            chip.fill(Qt.GlobalColor.transparent)
            cp = QPainter(chip)
            cp.setRenderHint(QPainter.RenderHint.Antialiasing)
            cp.setPen(Qt.PenStyle.NoPen)
            cp.setBrush(bg)
            cp.drawRoundedRect(QRectF(0, 0, w, h), pad, pad)
            cp.setFont(font)
            cp.setPen(QColor(fg))
            cp.drawText(QRect(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
            cp.end()
            if len(self._chips) > 32:
                self._chips.clear()
            self._chips[key] = chip
        return chip

    def _draw_overlays(self, p: QPainter, rect: QRect) -> None:
        """The camera's name (and the diagnostics, then the PTZ mode and who holds the
        camera) top left, the state top right when live or large in the middle otherwise,
        the zoom and the sound under the state: the top edge, since cameras burn their
        own text in at the bottom."""
        px = max(10, min(16, rect.height() // 14))
        pad = max(3, px // 3)
        live = self._state is State.LIVE and not self._paused
        colour = QColor(theme.WARN if self._paused else _STATE_COLOUR[self._state])
        if live:
            colour.setAlpha(200)
            badge = self._chip(self.badge_text(), px, "#0d1117", colour)
            x, y = rect.right() - badge.width() - pad, rect.top() + pad
            p.drawPixmap(x, y, badge)
            right_y = y + badge.height() + 2
        else:
            colour.setAlpha(225)
            badge = self._chip(self.badge_text(), max(12, min(24, rect.height() // 9)),
                               "#ffffff", colour, bold=True)
            p.drawPixmap(rect.center().x() - badge.width() // 2,
                         rect.center().y() - badge.height() // 2, badge)
            right_y = rect.top() + pad
            if self.picture_lost():
                self._draw_lost(p, rect, badge.height(), px)
        if self._zoom > 1.0:
            z = self._chip(f"×{self._zoom:.1f}", px, "#e6edf3", QColor(0, 0, 0, 160))
            p.drawPixmap(rect.right() - z.width() - pad, right_y, z)
            right_y += z.height() + 2
        if self._audio:
            colour = QColor(0, 0, 0, 160) if self._muted else QColor(theme.OK)
            chip = self._chip(self.audio_text(), px, "#e6edf3" if self._muted else "#0d1117",
                              colour)
            p.drawPixmap(rect.right() - chip.width() - pad, right_y, chip)
        y = rect.top() + pad
        lines = [self.camera_label] if self.camera_label else []
        if self._diagnostics:
            lines.append(self.diagnostics_text())
        for line in lines:
            chip = self._chip(line, px, "#e6edf3", QColor(0, 0, 0, 150))
            p.drawPixmap(rect.left() + pad, y, chip)
            y += chip.height() + 1
        if self._ptz:  # under the name, clear of the text cameras burn in at the bottom
            tr = QCoreApplication.translate
            text = tr(_CONTEXT, _PTZ_ON) if self._ptz_mode else tr(_CONTEXT, _PTZ_OFF)
            chip = self._chip(text, px, "#0d1117" if self._ptz_mode else "#e6edf3",
                              QColor(theme.ACCENT) if self._ptz_mode else QColor(0, 0, 0, 160))
            p.drawPixmap(rect.left() + pad, y + 1, chip)
            if self._ptz_holder:
                held = self._chip(self._ptz_holder, px, "#ffffff", QColor(theme.WARN))
                p.drawPixmap(rect.left() + pad, y + chip.height() + 2, held)
            if self._ptz_mode:
                self._draw_pad(p)


def feed_source(feed: _Feed) -> tuple[int, int] | None:
    """The source size a stream has reported, if any."""
    stats = feed.stream.stats()
    if stats.width and stats.height:
        return (stats.width, stats.height)
    return None


__all__ = ["MAX_ZOOM", "CameraTile", "fit", "join_retired", "state_text"]
