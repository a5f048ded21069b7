"""One full-resolution frame of a camera, for screenshot evidence: opens the stream
(the main stream, whatever the tile shows), takes its first decoded picture as rgb24 at
the source's size, and closes it. Blocking: run it on a worker thread."""

from __future__ import annotations

import threading

from video.stream import PERSISTENT, Frame, State, StreamConfig, VideoStream


class CaptureError(Exception):
    """The camera gave no picture; `state` and `reason` say why."""

    def __init__(self, state: State, reason: str) -> None:
        super().__init__(reason)
        self.state, self.reason = state, reason


def capture_frame(url: str, timeout: float = 8.0, *, name: str | None = None,
                  config: StreamConfig | None = None) -> Frame:
    """The first full-size rgb24 picture of `url` (CaptureError after `timeout` s, or at
    once when the camera refuses us: wrong password, unsupported codec)."""
    got = threading.Event()
    failed: list[tuple[State, str]] = []

    def on_state(state: State, reason: str) -> None:
        if state in PERSISTENT:
            failed.append((state, reason))
            got.set()

    stream = VideoStream(url, name=name, config=config, on_frame=lambda _f: got.set(),
                         on_state=on_state)
    stream.set_output("rgb24", None)
    stream.start()
    try:
        got.wait(timeout)
        frame = stream.latest()
        if frame is not None and frame.image is not None:
            return frame
        state, reason = failed[0] if failed else (stream.state, stream.reason or
                                                  f"no picture within {timeout:g} s")
        raise CaptureError(state, reason)
    finally:
        stream.stop()


__all__ = ["CaptureError", "capture_frame"]
