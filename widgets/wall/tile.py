"""One camera on the wall: a `CameraTile` owns a `VideoStream` and paints its newest frame.

Threads. The stream decodes on its own worker thread; its callbacks never touch a
widget. `on_frame` only raises a "pending" flag and, when the flag was down, posts one
queued signal, so at most one paint request is in flight however fast frames come
(a burst of frames costs one event and one paint). `paintEvent` lowers the flag, takes
the newest frame (`take()`), wraps its numpy buffer in a QImage without copying (the
tile keeps the array alive while the image is painted; the worker never writes into a
delivered array), and draws it letterboxed. `on_state` is posted as a queued signal too.

Pixels. The tile asks the stream for BGRA frames at the size the picture will be drawn
(the source's aspect fitted into the tile, times the device pixel ratio, rounded to even
sizes), so FFmpeg scales and converts and painting is a blit. The request follows
resizes, and a hidden tile asks for no pixels at all (decode only).

Health. Every state but live is a badge over the picture (translated text, the reason
as the tooltip), and the last frame stays, greyed. The tile counts frames shown
(painted, not merely decoded) per second; the diagnostic line shows that against the
source's rate.

Life. `shutdown()` stops the stream and joins its thread; `close()` and `deleteLater()`
call it. A parent that destroys tiles without closing them must call `shutdown()`."""

from __future__ import annotations

import contextlib
import sys
import time
from collections import deque

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from video.stream import Frame, State, StreamConfig, VideoStream
from widgets import theme

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
_DIAGNOSTIC = QT_TRANSLATE_NOOP("CameraTile", "{shown} / {source} fps")
_STATE_COLOUR = {
    State.CONNECTING: theme.WARN, State.LIVE: theme.OK, State.STALLED: theme.WARN,
    State.RECONNECTING: theme.WARN, State.OFFLINE: theme.ALARM,
    State.AUTH_FAILED: theme.ALARM, State.CODEC_UNSUPPORTED: theme.ALARM,
}
# BGRA in memory is 0xAARRGGBB as a little-endian 32-bit word: QImage's RGB32 (alpha is 255).
_LITTLE = sys.byteorder == "little"
_FORMATS = {"bgra": QImage.Format.Format_RGB32 if _LITTLE else QImage.Format.Format_ARGB32,
            "rgb24": QImage.Format.Format_RGB888}


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


class CameraTile(QWidget):
    """Shows one camera stream; see the module doc."""

    stateChanged = Signal(str)      # State value
    framesShown = Signal(int)       # total frames painted so far
    _frameReady = Signal()          # posted by the decoding thread (queued)
    _stateReady = Signal(str, str)  # posted by the decoding thread (queued)

    def __init__(self, url: str, label: str = "", parent: QWidget | None = None, *,
                 config: StreamConfig | None = None, pixel_format: str = "bgra",
                 diagnostics: bool = False, start: bool = True) -> None:
        super().__init__(parent)
        if pixel_format not in _FORMATS:
            raise ValueError(f"pixel format {pixel_format!r} not in {tuple(_FORMATS)}")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 36)
        self.camera_label = label
        self._pixel_format = pixel_format
        self._diagnostics = diagnostics
        self._state, self._reason = State.CONNECTING, ""
        self._pending = False           # a paint request is in flight (set by the worker)
        self._frame: Frame | None = None  # the frame painted last
        self._array: np.ndarray | None = None  # the buffer _image points into (kept alive)
        self._image: QImage | None = None
        self._grey: QImage | None = None
        self._source: tuple[int, int] | None = None
        self._requested: tuple[str | None, tuple[int, int] | None] | None = None
        self._shown = 0
        self._shown_at: deque[float] = deque()
        self._source_fps = 0.0
        self._source_fps_at = 0.0
        self._stopped = False
        self._frameReady.connect(self._on_frame_ready, Qt.ConnectionType.QueuedConnection)
        self._stateReady.connect(self._on_state_ready, Qt.ConnectionType.QueuedConnection)
        self._stream = VideoStream(url, name=label or None, config=config,
                                   on_frame=self._frame_callback,
                                   on_state=self._state_callback)
        self._stream.set_output(None)   # no pixels until the tile is visible
        self._update_tooltip()
        if start:
            self._stream.start()

    # -- public ------------------------------------------------------------------------
    @property
    def stream(self) -> VideoStream:
        return self._stream

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

    def badge_text(self) -> str:
        return state_text(self._state)

    def shown_fps(self, window: float = 2.0) -> float:
        """Frames painted per second over the last `window` seconds."""
        now = time.monotonic()
        return sum(1 for t in self._shown_at if t >= now - window) / window

    def requested_output(self) -> tuple[str | None, tuple[int, int] | None] | None:
        """What the tile last asked the stream for: (pixel format, (w, h)) or (None, None)."""
        return self._requested

    def set_diagnostics(self, on: bool) -> None:
        self._diagnostics = bool(on)
        self.update()

    def diagnostics_text(self) -> str:
        return QCoreApplication.translate(_CONTEXT, _DIAGNOSTIC).format(
            shown=f"{self.shown_fps():.0f}", source=f"{self._source_rate():.0f}")

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stops the stream and joins its thread (idempotent); True when it has ended."""
        self._stopped = True
        return self._stream.stop(timeout)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 180)

    # -- the decoding thread: no widget calls here ---------------------------------------
    def _frame_callback(self, _frame: Frame) -> None:
        if self._pending or self._stopped:
            return
        self._pending = True
        with contextlib.suppress(RuntimeError):  # a tile destroyed without shutdown()
            self._frameReady.emit()

    def _state_callback(self, state: State, reason: str) -> None:
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):
            self._stateReady.emit(state.value, reason)

    # -- the GUI thread ------------------------------------------------------------------
    @Slot()
    def _on_frame_ready(self) -> None:
        self.update()  # coalesced by Qt too; _pending stays up until the paint

    @Slot(str, str)
    def _on_state_ready(self, state: str, reason: str) -> None:
        new = State(state)
        changed = new is not self._state
        self._state, self._reason = new, reason
        self._grey = None
        self._update_tooltip()
        self.update()
        if changed:
            self.stateChanged.emit(new.value)

    def _update_tooltip(self) -> None:
        text = self.camera_label + (" — " if self.camera_label else "") + self.badge_text()
        self.setToolTip(text + (f"\n{self._reason}" if self._reason else ""))

    def _update_output(self) -> None:
        """Asks the stream for pixels at the drawn size, or for none when hidden."""
        if self._stopped:
            return
        if not self.isVisible() or self.width() < 2 or self.height() < 2:
            wanted: tuple[str | None, tuple[int, int] | None] = (None, None)
        else:
            dpr = self.devicePixelRatioF()
            box = (self.width() * dpr, self.height() * dpr)
            w, h = fit(self._source, box) if self._source else box
            wanted = (self._pixel_format, (_even(w), _even(h)))
        if wanted != self._requested:
            self._requested = wanted
            self._stream.set_output(*wanted)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        self._update_output()
        self.update()  # paints, which lowers a flag left up while hidden

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
        if event.type() == QEvent.Type.DeferredDelete:
            self.shutdown()
        return super().event(event)

    def _take_frame(self) -> bool:
        """Adopts the newest frame if there is one with pixels; True if it is new."""
        frame = self._stream.take()
        if frame is None or frame.image is None or frame.pixel_format not in _FORMATS:
            return False
        source = (frame.source_width, frame.source_height)
        if source != self._source:
            self._source = source
            self._update_output()
        image: np.ndarray = frame.image
        bpp = 4 if frame.pixel_format == "bgra" else 3
        if image.strides[1:] != (bpp, 1) or image.strides[0] < image.shape[1] * bpp:
            image = np.ascontiguousarray(image)
        # No copy: the QImage points into the array, which self._array keeps alive.
        self._array = image
        self._image = QImage(image.data, image.shape[1], image.shape[0], image.strides[0],
                             _FORMATS[frame.pixel_format])
        self._frame = frame
        self._grey = None
        return True

    def _source_rate(self) -> float:
        now = time.monotonic()
        if now - self._source_fps_at >= 1.0:
            self._source_fps_at = now
            self._source_fps = self._stream.stats().decoded_fps
        return self._source_fps

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._pending = False  # from here on a new frame asks for another paint
        new = self._take_frame()
        p = QPainter(self)
        try:
            rect = self.rect()
            p.fillRect(rect, Qt.GlobalColor.black)
            if self._image is not None:
                self._draw_picture(p, rect)
            self._draw_overlays(p, rect)
        finally:
            p.end()
        if new:
            self._shown += 1
            now = time.monotonic()
            self._shown_at.append(now)
            while self._shown_at and self._shown_at[0] < now - 5.0:
                self._shown_at.popleft()
            self.framesShown.emit(self._shown)

    def _draw_picture(self, p: QPainter, rect: QRect) -> None:
        assert self._image is not None
        source = self._source or (self._image.width(), self._image.height())
        w, h = fit(source, (rect.width(), rect.height()))
        target = QRectF((rect.width() - w) / 2, (rect.height() - h) / 2, w, h)
        image = self._image
        if self._state is not State.LIVE:
            if self._grey is None:
                self._grey = self._image.convertToFormat(QImage.Format.Format_Grayscale8)
            image = self._grey
        dpr = self.devicePixelRatioF()
        if abs(target.width() * dpr - image.width()) > 2 or \
                abs(target.height() * dpr - image.height()) > 2:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # during a resize
        p.drawImage(target, image)
        if self._state is not State.LIVE:
            p.fillRect(target, QColor(0, 0, 0, 110))

    def _draw_overlays(self, p: QPainter, rect: QRect) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(10, min(16, rect.height() // 14)))
        p.setFont(font)
        fm = p.fontMetrics()
        pad = max(3, fm.height() // 4)
        # the badge: small in the corner when live, large in the middle otherwise
        text = self.badge_text()
        colour = QColor(_STATE_COLOUR[self._state])
        if self._state is State.LIVE:
            box = QRect(rect.left() + pad, rect.top() + pad,
                        fm.horizontalAdvance(text) + 2 * pad, fm.height() + pad)
            colour.setAlpha(200)
        else:
            big = QFont(font)
            big.setPixelSize(max(12, min(24, rect.height() // 9)))
            big.setBold(True)
            p.setFont(big)
            fm = p.fontMetrics()
            tw, th = fm.horizontalAdvance(text) + 4 * pad, fm.height() + 2 * pad
            box = QRect(rect.center().x() - tw // 2, rect.center().y() - th // 2, tw, th)
            colour.setAlpha(225)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(box, pad, pad)
        p.setPen(QColor("#0d1117") if self._state is State.LIVE else QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.setFont(font)
        fm = p.fontMetrics()
        lines = [self.camera_label] if self.camera_label else []
        if self._diagnostics:
            lines.append(self.diagnostics_text())
        y = rect.bottom() - pad
        for line in reversed(lines):
            tw = fm.horizontalAdvance(line)
            back = QRect(rect.left() + pad, y - fm.height(), tw + 2 * pad, fm.height())
            p.fillRect(back, QColor(0, 0, 0, 150))
            p.setPen(QColor("#e6edf3"))
            p.drawText(back, Qt.AlignmentFlag.AlignCenter, line)
            y -= fm.height() + 1


__all__ = ["CameraTile", "fit", "state_text"]
