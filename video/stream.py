"""One camera stream decoded on its own thread (PyAV/FFmpeg, no Qt).

`VideoStream(url).start()` opens the RTSP stream over TCP with a tiny probe (the first
frame comes with the first key frame), decodes every packet, and keeps only the newest
frame in a single slot: a consumer pulls it (`latest()`, `take()`) or is called back
(`on_frame`) and never sees a backlog. Pixels are made only when a consumer asked for
them (`set_output`), scaled and converted inside FFmpeg. The worker tracks its state
(`State`, with a reason), statistics (`stats()`), detects stalls, reconnects with
capped exponential back-off and jitter, can drop to key frames only, and `stop()`
interrupts a blocking open or read at once and joins the thread.

Latency is estimated from the RTCP sender reports (FFmpeg's `start_time_realtime`, the
source's wall clock for pts 0): now − (start + pts). It is exact when the source and
this machine share a clock (loopback, NTP-synchronised cameras) and absent until the
first sender report (a few seconds after opening).

Audio (`VideoStream(url, audio=True)`, the mobile camera's sound): the same worker
decodes the stream's audio track between video packets (an audio packet costs tens of
microseconds, so video stays newest-frame-wins and is never held back), resamples it to
signed 16-bit 48 kHz (mono or stereo as the source) with `av.AudioResampler`, and keeps
a level meter (`audio_level_db()`). Playback is muted by default: while muted nothing is
buffered; unmuted (`set_audio_muted(False)`), samples go into a bounded buffer (the
oldest dropped when a sink is slow or absent) that a sink drains with `read_audio()`
(video/audio.py plays it). A stream without audio works as video-only and says why in
`stats().audio`. Without `audio=True` audio packets are skipped undecoded."""

from __future__ import annotations

import contextlib
import logging
import math
import random
import socket
import threading
import time
import types
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

import av
import av.container.core as _av_core
import av.error
import numpy as np
from av.video.reformatter import VideoReformatter

from app.clock import epoch_seconds

log = logging.getLogger("customs.video")


class State(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    STALLED = "stalled"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    AUTH_FAILED = "auth_failed"
    CODEC_UNSUPPORTED = "codec_unsupported"


#: States a retry cannot be expected to clear soon: retried at the longest back-off, and
#: the state is kept (not flipped to "reconnecting") while retrying.
PERSISTENT = frozenset({State.AUTH_FAILED, State.CODEC_UNSUPPORTED})

PIXEL_FORMATS = ("rgb24", "bgra")


@dataclass(frozen=True)
class StreamConfig:
    open_timeout: float = 5.0      # s to connect, DESCRIBE/SETUP/PLAY and probe
    stall_after: float = 2.0       # s without a decoded frame → stalled, then reconnect
    backoff_initial: float = 0.5   # s before the first retry
    backoff_max: float = 30.0      # cap of the exponential back-off
    # A camera that was live is retried at least every `quick_retry_max` s for its
    # first `quick_retry_for` s down (a restarted camera or relay is back within about
    # a second); after that the back-off grows to `backoff_max`.
    quick_retry_for: float = 30.0
    quick_retry_max: float = 1.0
    jitter: float = 0.25           # each delay is shortened by up to this fraction
    probesize: int = 32
    analyzeduration: int = 0
    # Threads inside one decoder / scaler. A wall decodes many streams at once on a few
    # cores: there, threads inside each stream cost more in switching than they gain
    # (measured: benchmarks/video_wall). None = one thread for pictures up to 1280×720,
    # FFmpeg's slice threads above (one large picture, maximised); 0 = FFmpeg decides.
    decoder_threads: int | None = None
    scaler_threads: int = 1
    interpolation: str | None = "FAST_BILINEAR"  # swscale's (PyAV's name); None = default
    extra_options: dict[str, str] = field(default_factory=dict)
    audio_buffer_s: float = 1.0    # unmuted playback buffer; older samples are dropped
    audio_level_window_s: float = 0.3  # the level meter's RMS window

    def backoff(self, failures: int, down_for: float | None = None) -> float:
        """The delay before the next attempt after `failures` failures in a row, for a
        camera down for `down_for` s since it was last live (None: never live)."""
        delay = min(self.backoff_max, self.backoff_initial * 2 ** max(0, failures - 1))
        if down_for is not None and down_for < self.quick_retry_for:
            delay = min(delay, self.quick_retry_max)
        return delay * random.uniform(1.0 - self.jitter, 1.0)


@dataclass(frozen=True)
class Frame:
    seq: int                        # 1, 2, … per stream, across reconnects
    image: np.ndarray | None        # H×W×3 (rgb24) or H×W×4 (bgra); None if no pixels asked
    pixel_format: str | None
    width: int                      # of `image`, or of the source when no image
    height: int
    source_width: int
    source_height: int
    key_frame: bool
    pts: float | None               # s, the stream's timeline
    source_time: float | None       # the source's wall clock (epoch s), from RTCP
    decoded_at: float               # time.monotonic() when the frame was ready


AUDIO_RATE = 48000
NO_AUDIO = "the stream has no audio"  # AudioStats.reason of a video-only stream


@dataclass(frozen=True)
class AudioStats:
    present: bool                   # a decodable audio track is being received
    reason: str                     # why not, when not present
    codec: str | None
    source_sample_rate: int | None
    sample_rate: int                # of the samples read_audio() returns (48 kHz)
    channels: int | None            # 1 or 2
    samples_decoded: int            # sample frames (per channel), across reconnects
    buffered: int                   # sample frames waiting for read_audio()
    dropped: int                    # sample frames dropped from the full buffer
    decode_errors: int
    muted: bool
    level_db: float | None          # recent RMS in dBFS, None without recent audio


@dataclass(frozen=True)
class StreamStats:
    state: State
    reason: str
    received_fps: float             # video packets per second (recent window)
    decoded_fps: float
    bitrate_kbps: float
    latency_ms: float | None        # source wall clock → decoded, see the module doc
    last_frame_at: float | None     # time.monotonic() of the newest decoded frame
    first_frame_s: float | None     # open → first frame, of the current connection
    frames_decoded: int
    frames_replaced: int            # overwritten in the slot before anyone took them
    decode_errors: int
    reconnects: int
    codec: str | None
    width: int | None
    height: int | None
    key_frames_only: bool
    audio: AudioStats | None = None  # None when the stream was opened without audio


class _AudioBuffer:
    """Sample frames for playback, bounded: appending past the capacity drops the
    oldest. Not thread-safe by itself (VideoStream holds its lock)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = max(1, capacity)
        self._chunks: deque[np.ndarray] = deque()
        self.size = 0
        self.dropped = 0

    def append(self, chunk: np.ndarray) -> None:
        if len(chunk) > self.capacity:
            self.dropped += len(chunk) - self.capacity
            chunk = chunk[-self.capacity:]
        self._chunks.append(chunk)
        self.size += len(chunk)
        while self.size > self.capacity:
            excess = self.size - self.capacity
            head = self._chunks[0]
            if len(head) <= excess:
                self._chunks.popleft()
                self.size -= len(head)
                self.dropped += len(head)
            else:
                self._chunks[0] = head[excess:]
                self.size -= excess
                self.dropped += excess

    def read(self, max_frames: int, channels: int) -> np.ndarray:
        parts: list[np.ndarray] = []
        wanted = max(0, max_frames)
        while wanted and self._chunks:
            head = self._chunks[0]
            if len(head) <= wanted:
                parts.append(self._chunks.popleft())
                wanted -= len(head)
                self.size -= len(head)
            else:
                parts.append(head[:wanted])
                self._chunks[0] = head[wanted:]
                self.size -= wanted
                wanted = 0
        if not parts:
            return np.zeros((0, channels), dtype=np.int16)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def clear(self) -> None:
        self._chunks.clear()
        self.size = 0


class _Rate:
    """Events and amounts in a sliding window (seconds)."""

    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._events: deque[tuple[float, int]] = deque()

    def add(self, now: float, amount: int = 1) -> None:
        self._events.append((now, amount))
        while self._events and self._events[0][0] < now - self.window:
            self._events.popleft()

    def per_second(self, now: float) -> float:
        events = [a for t, a in self._events if t >= now - self.window]
        return sum(events) / self.window

    def clear(self) -> None:
        self._events.clear()


# -- interrupting PyAV ------------------------------------------------------------------
# PyAV's FFmpeg interrupt callback asks `time.monotonic()` (through its module's `time`
# global, on the thread doing the I/O) whether the open/read timeout has passed. Our
# shim answers "infinitely late" to a thread whose stream is being stopped, so a
# blocking open or read returns within FFmpeg's ~0.1 s poll. Without the shim (another
# PyAV layout) stop() still works, after at most the open or stall timeout.
_interrupted: set[int] = set()


def _install_interrupt_shim() -> bool:
    real = getattr(_av_core, "time", None)
    if real is None or getattr(real, "_customs_shim", False):
        return real is not None

    class _TimeShim(types.ModuleType):
        _customs_shim = True

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        @staticmethod
        def monotonic() -> float:
            if threading.get_ident() in _interrupted:
                return float("inf")
            return real.monotonic()

    _av_core.time = _TimeShim("time")
    return True


_INTERRUPTIBLE = _install_interrupt_shim()


class _Stop(Exception):
    """The stream is being stopped."""


class _Failure(Exception):
    def __init__(self, state: State, reason: str) -> None:
        super().__init__(reason)
        self.state, self.reason = state, reason


def _host_resolves(url: str) -> bool:
    host = urlsplit(url).hostname
    if not host:
        return False
    try:
        socket.getaddrinfo(host, None)
    except OSError:
        return False
    return True


def classify_open_error(exc: BaseException, url: str, elapsed: float,
                        open_timeout: float) -> tuple[State, str]:
    """The state and reason an error while opening a stream stands for."""
    if isinstance(exc, av.error.HTTPUnauthorizedError | av.error.HTTPForbiddenError):
        return State.AUTH_FAILED, f"authentication failed ({exc.strerror})"
    if isinstance(exc, av.error.DecoderNotFoundError | av.error.PatchWelcomeError):
        return State.CODEC_UNSUPPORTED, f"unsupported codec ({exc.strerror})"
    if isinstance(exc, av.error.ConnectionRefusedError):
        return State.OFFLINE, "connection refused"
    if isinstance(exc, av.error.HTTPNotFoundError):
        return State.OFFLINE, "stream not found (404)"
    if elapsed >= open_timeout - 0.2 or isinstance(exc, av.error.ExitError | TimeoutError):
        return State.OFFLINE, f"no answer within {open_timeout:g} s"
    if isinstance(exc, OSError) and not _host_resolves(url):
        return State.OFFLINE, f"unknown host {urlsplit(url).hostname!r}"
    text = getattr(exc, "strerror", None) or str(exc)
    return State.OFFLINE, f"cannot open: {text}"


def redact(url: str) -> str:
    """The URL without its password, for logs and reasons."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


class _AudioDecoder:
    """One audio track's decoder and its resampler to s16 at 48 kHz."""

    def __init__(self, stream: av.AudioStream) -> None:
        self.stream = stream
        self.ctx = stream.codec_context
        self.codec = self.ctx.codec.name  # raises when FFmpeg has no decoder
        self._resampler: av.AudioResampler | None = None
        self._source: tuple[str, int, str] | None = None

    def decode(self, packet: av.Packet) -> list[tuple[np.ndarray, int]]:
        """(frames × channels int16 array, source sample rate) per decoded frame."""
        out = []
        for frame in self.ctx.decode(packet):
            layout = "mono" if len(frame.layout.channels) == 1 else "stereo"
            source = (layout, frame.sample_rate, frame.format.name)
            if source != self._source:  # a resampler is set up for one input format
                self._resampler = av.AudioResampler(format="s16", layout=layout,
                                                    rate=AUDIO_RATE)
                self._source = source
            assert self._resampler is not None
            channels = 1 if layout == "mono" else 2
            for resampled in self._resampler.resample(frame):
                samples = resampled.to_ndarray().reshape(-1, channels)
                if len(samples):
                    out.append((samples, frame.sample_rate))
        return out


class VideoStream:
    """Decodes one RTSP stream on a worker thread; newest frame wins.

    Callbacks run on the worker thread and must return quickly (post to your own
    thread): `on_frame(frame)` after each decoded frame, `on_state(state, reason)`
    on every change of state."""

    def __init__(self, url: str, *, name: str | None = None, config: StreamConfig | None = None,
                 on_frame: Callable[[Frame], None] | None = None,
                 on_state: Callable[[State, str], None] | None = None,
                 audio: bool = False) -> None:
        self.url = url
        self.name = name or redact(url)
        self.config = config or StreamConfig()
        self.on_frame = on_frame
        self.on_state = on_state
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state, self._reason = State.CONNECTING, ""
        self._slot: Frame | None = None
        self._taken_seq = 0
        self._output: tuple[str | None, tuple[int, int] | None] = (None, None)
        self._key_only = False
        # statistics (written by the worker under the lock)
        self._received, self._decoded, self._bytes = _Rate(), _Rate(), _Rate()
        self._latency: deque[float] = deque(maxlen=15)
        self._seq = 0
        self._replaced = self._decode_errors = self._reconnects = 0
        self._first_frame_s: float | None = None
        self._codec: str | None = None
        self._size: tuple[int, int] | None = None
        self._last_packet_at = 0.0
        self._scaler = VideoReformatter()
        self._reformatter = VideoReformatter()
        # audio (written by the worker under the lock)
        self.audio = bool(audio)
        self._audio_muted = True
        self._audio_buffer = _AudioBuffer(int(self.config.audio_buffer_s * AUDIO_RATE))
        self._audio_levels: deque[tuple[float, float, int]] = deque()  # (t, Σx², n)
        self._audio_present = False
        self._audio_reason = "not connected yet"
        self._audio_codec: str | None = None
        self._audio_source_rate: int | None = None
        self._audio_channels: int | None = None
        self._audio_samples = 0
        self._audio_errors = 0

    # -- control (any thread) ------------------------------------------------------------
    def start(self) -> VideoStream:
        if self._thread is not None:
            raise RuntimeError("stream already started")
        self._thread = threading.Thread(target=self._run, name=f"video:{self.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        """Interrupts the worker and joins it; True when the thread has ended."""
        self._stop.set()
        thread = self._thread
        if thread is None or thread.ident is None:
            return True
        _interrupted.add(thread.ident)
        try:
            thread.join(timeout)
        finally:
            if not thread.is_alive():
                _interrupted.discard(thread.ident)
        return not thread.is_alive()

    def set_output(self, pixel_format: str | None, size: tuple[int, int] | None = None) -> None:
        """Pixels for the next frames: `pixel_format` rgb24 or bgra (None: decode only),
        scaled to `size` (width, height) or at the source's size."""
        if pixel_format is not None and pixel_format not in PIXEL_FORMATS:
            raise ValueError(f"pixel format {pixel_format!r} not in {PIXEL_FORMATS}")
        self._output = (pixel_format, tuple(size) if size else None)  # type: ignore[assignment]

    def set_key_frames_only(self, on: bool) -> None:
        self._key_only = bool(on)

    def set_audio_muted(self, muted: bool) -> None:
        """Muted (the default) keeps only the level meter; unmuted also buffers the
        samples for read_audio(). Muting drops what was buffered."""
        with self._lock:
            self._audio_muted = bool(muted)
            if muted:
                self._audio_buffer.clear()

    @property
    def audio_muted(self) -> bool:
        return self._audio_muted

    # -- results (any thread) ------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def reason(self) -> str:
        return self._reason

    def latest(self) -> Frame | None:
        """The newest decoded frame (it may have been seen before)."""
        return self._slot

    def take(self) -> Frame | None:
        """The newest frame if it has not been taken yet, else None."""
        with self._lock:
            frame = self._slot
            if frame is None or frame.seq <= self._taken_seq:
                return None
            self._taken_seq = frame.seq
            return frame

    def read_audio(self, max_frames: int) -> np.ndarray:
        """Up to `max_frames` buffered sample frames, oldest first, as an int16 array of
        shape (n, channels) at 48 kHz; empty when muted or nothing is buffered."""
        with self._lock:
            return self._audio_buffer.read(max_frames, self._audio_channels or 1)

    def audio_level_db(self) -> float | None:
        """The recent RMS level in dBFS (a full-scale square wave is 0 dB), or None
        when no audio was decoded within the meter's window."""
        with self._lock:
            return self._level_db(time.monotonic())

    def audio_stats(self) -> AudioStats | None:
        """Audio statistics, None when the stream was opened without audio."""
        with self._lock:
            return self._audio_stats(time.monotonic())

    def _level_db(self, now: float) -> float | None:
        window = self.config.audio_level_window_s
        total = count = 0
        for t, squares, n in self._audio_levels:
            if t >= now - window:
                total += squares
                count += n
        if not count:
            return None
        mean = total / count
        return -120.0 if mean <= 0 else max(-120.0, 10 * math.log10(mean / 32768.0**2))

    def _audio_stats(self, now: float) -> AudioStats | None:
        if not self.audio:
            return None
        return AudioStats(
            present=self._audio_present, reason="" if self._audio_present else self._audio_reason,
            codec=self._audio_codec, source_sample_rate=self._audio_source_rate,
            sample_rate=AUDIO_RATE, channels=self._audio_channels,
            samples_decoded=self._audio_samples, buffered=self._audio_buffer.size,
            dropped=self._audio_buffer.dropped, decode_errors=self._audio_errors,
            muted=self._audio_muted, level_db=self._level_db(now))

    def stats(self) -> StreamStats:
        now = time.monotonic()
        with self._lock:
            slot = self._slot
            latency = sorted(self._latency)[len(self._latency) // 2] if self._latency else None
            return StreamStats(
                state=self._state, reason=self._reason,
                received_fps=self._received.per_second(now),
                decoded_fps=self._decoded.per_second(now),
                bitrate_kbps=self._bytes.per_second(now) * 8 / 1000,
                latency_ms=None if latency is None else latency * 1000,
                last_frame_at=slot.decoded_at if slot else None,
                first_frame_s=self._first_frame_s, frames_decoded=self._seq,
                frames_replaced=self._replaced, decode_errors=self._decode_errors,
                reconnects=self._reconnects, codec=self._codec,
                width=self._size[0] if self._size else None,
                height=self._size[1] if self._size else None,
                key_frames_only=self._key_only, audio=self._audio_stats(now))

    # -- the worker ----------------------------------------------------------------------
    def _set_state(self, state: State, reason: str = "") -> None:
        with self._lock:
            if (state, reason) == (self._state, self._reason):
                return
            self._state, self._reason = state, reason
            if state is not State.LIVE:
                self._received.clear()
                self._decoded.clear()
                self._bytes.clear()
        log.info("%s: %s %s", self.name, state.value, reason)
        if self.on_state is not None:
            self.on_state(state, reason)

    def _run(self) -> None:
        failures = 0
        down_since: float | None = None   # the end of the last live connection
        try:
            while not self._stop.is_set():
                frames_before = self._seq
                quick = True
                try:
                    self._session()
                except _Failure as f:
                    # a connection that was live starts the back-off again
                    if self._seq > frames_before:
                        failures, down_since = 1, time.monotonic()
                    else:
                        failures += 1
                    if f.state in PERSISTENT:
                        failures, quick = max(failures, 64), False
                    self._set_state(f.state, f.reason)
                down_for = (time.monotonic() - down_since
                            if down_since is not None and quick else None)
                if self._stop.wait(self.config.backoff(failures, down_for)):
                    break
                self._reconnects += 1
                if self._state not in PERSISTENT:
                    self._set_state(State.RECONNECTING, self._reason)
        except _Stop:
            pass
        except Exception:  # a bug must not kill the wall silently
            log.exception("%s: decoding worker failed", self.name)
            self._set_state(State.OFFLINE, "internal error (see the log)")
        finally:
            _interrupted.discard(threading.get_ident())  # idents are reused

    def _open(self) -> av.container.InputContainer:
        cfg = self.config
        options = {"rtsp_transport": "tcp", "probesize": str(cfg.probesize),
                   "analyzeduration": str(cfg.analyzeduration), **cfg.extra_options}
        started = time.monotonic()
        try:
            return av.open(self.url, options=options,
                           timeout=(cfg.open_timeout, cfg.stall_after))
        except Exception as exc:  # noqa: BLE001 - every opening error maps to a state
            if self._stop.is_set():
                raise _Stop from None
            state, reason = classify_open_error(exc, self.url, time.monotonic() - started,
                                                cfg.open_timeout)
            raise _Failure(state, reason) from None

    def _session(self) -> None:
        """One connection: open, decode until it fails; raises _Failure or _Stop, or
        returns when the stream ended after having been live."""
        opened_at = time.monotonic()
        container = self._open()
        self._last_packet_at = time.monotonic()
        try:
            if not container.streams.video:
                kinds = ", ".join(s.type for s in container.streams) or "none"
                raise _Failure(State.CODEC_UNSUPPORTED, f"no video stream (streams: {kinds})")
            stream = container.streams.video[0]
            ctx = stream.codec_context
            try:
                ctx.codec  # noqa: B018 - raises when FFmpeg has no decoder for it
            except (AttributeError, av.error.FFmpegError, ValueError):
                ctx = None
            if ctx is None:
                raise _Failure(State.CODEC_UNSUPPORTED, "no decoder for the video stream")
            with contextlib.suppress(AttributeError, ValueError):
                ctx.thread_type = "SLICE"
                ctx.thread_count = self.decoder_threads(ctx.width, ctx.height)
            with self._lock:
                self._codec = ctx.name
                self._first_frame_s = None
            audio = self._open_audio(container) if self.audio else None
            self._decode(container, stream, opened_at, audio)
        except (av.error.FFmpegError, OSError) as exc:
            if self._stop.is_set():
                raise _Stop from None
            log.debug("%s: read failed after %.2f s silence: %s %s", self.name,
                      time.monotonic() - self._last_packet_at, type(exc).__name__,
                      getattr(exc, "strerror", ""))
            if time.monotonic() - self._last_packet_at >= self.config.stall_after - 0.2:
                failure = _Failure(State.STALLED, f"no data for {self.config.stall_after:g} s")
            else:
                reason = getattr(exc, "strerror", None) or str(exc)
                failure = _Failure(State.RECONNECTING, f"connection lost: {reason}")
            self._set_state(failure.state, failure.reason)  # before closing, which may wait
            raise failure from None
        except _Failure as failure:
            self._set_state(failure.state, failure.reason)
            raise
        finally:
            container.close()

    def decoder_threads(self, width: int, height: int) -> int:
        """The decoder's thread count for a picture of this size (0 if unknown)."""
        if self.config.decoder_threads is not None:
            return self.config.decoder_threads
        return 0 if width * height > 1280 * 720 else 1

    def _open_audio(self, container: av.container.InputContainer) -> _AudioDecoder | None:
        """The decoder of the stream's first audio track, or None (and why, in the
        audio stats) when there is none or it cannot be decoded."""
        decoder, reason = None, NO_AUDIO
        if container.streams.audio:
            astream = container.streams.audio[0]
            try:
                decoder = _AudioDecoder(astream)
            except Exception as exc:  # noqa: BLE001 - no sound, but the picture goes on
                reason = f"no decoder for the audio ({getattr(exc, 'strerror', None) or exc})"
        with self._lock:
            self._audio_present = False
            self._audio_reason = reason if decoder is None else "waiting for audio"
            if decoder is not None:
                self._audio_codec = decoder.codec
        if decoder is None:
            log.info("%s: video only: %s", self.name, reason)
        return decoder

    def _decode_audio(self, decoder: _AudioDecoder, packet: av.Packet) -> None:
        try:
            chunks = decoder.decode(packet)
        except Exception:  # noqa: BLE001 - a bad audio packet must not take the video down
            with self._lock:
                self._audio_errors += 1
            if self._audio_errors in (1, 100):
                log.warning("%s: audio packet not decoded", self.name, exc_info=True)
            return
        if not chunks:
            return
        now = time.monotonic()
        with self._lock:
            for chunk, source_rate in chunks:
                channels = chunk.shape[1]
                if channels != self._audio_channels:
                    self._audio_buffer.clear()
                    self._audio_channels = channels
                self._audio_present = True
                self._audio_source_rate = source_rate
                self._audio_samples += len(chunk)
                samples = chunk.astype(np.float64)
                self._audio_levels.append((now, float(np.dot(samples.ravel(), samples.ravel())),
                                           samples.size))
                if not self._audio_muted:
                    self._audio_buffer.append(chunk)
            window = self.config.audio_level_window_s
            while self._audio_levels and self._audio_levels[0][0] < now - window:
                self._audio_levels.popleft()

    def _decode(self, container: av.container.InputContainer, stream: av.VideoStream,
                opened_at: float, audio: _AudioDecoder | None = None) -> None:
        ctx = stream.codec_context
        key_only = None
        last_frame = time.monotonic()
        streams = (stream, audio.stream) if audio is not None else (stream,)
        for packet in container.demux(*streams):
            if self._stop.is_set():
                raise _Stop
            now = time.monotonic()
            # FFmpeg's H.264 parser holds a frame until the next one begins, and gives it
            # up when the read timeout interrupts it: a packet after a long silence means
            # the source has gone quiet (detected after stall_after, not twice that).
            silent = now - self._last_packet_at >= self.config.stall_after - 0.05
            self._last_packet_at = now
            if packet.size == 0:  # flush packet: the stream ended
                break
            if audio is not None and packet.stream_index == audio.stream.index:
                self._decode_audio(audio, packet)
                if silent:
                    raise _Failure(State.STALLED, f"no data for {self.config.stall_after:g} s")
                if now - last_frame > self.config.stall_after:  # sound but no picture
                    raise _Failure(State.STALLED,
                                   f"no picture for {self.config.stall_after:g} s")
                continue
            if key_only != self._key_only:
                key_only = self._key_only
                ctx.skip_frame = "NONKEY" if key_only else "DEFAULT"
            with self._lock:
                self._received.add(now)
                self._bytes.add(now, packet.size)
            try:
                frames = ctx.decode(packet)
            except (av.error.DecoderNotFoundError, av.error.PatchWelcomeError) as exc:
                raise _Failure(State.CODEC_UNSUPPORTED, f"cannot decode: {exc.strerror}") from None
            except av.error.InvalidDataError:
                self._decode_errors += 1  # a corrupt packet; the next key frame recovers
                frames = []
            for frame in frames:
                self._deliver(container, frame, opened_at)
                last_frame = time.monotonic()
            if silent:
                raise _Failure(State.STALLED, f"no data for {self.config.stall_after:g} s")
            if time.monotonic() - last_frame > self.config.stall_after:
                # packets arrive but no picture comes out of them
                raise _Failure(State.STALLED,
                               f"no picture for {self.config.stall_after:g} s")
        if self._state is State.LIVE:
            raise _Failure(State.RECONNECTING, "the stream ended")
        raise _Failure(State.OFFLINE, "the stream ended before its first picture")

    def _deliver(self, container: av.container.InputContainer, frame: av.VideoFrame,
                 opened_at: float) -> None:
        pixel_format, size = self._output
        image = None
        width, height = frame.width, frame.height
        if pixel_format is not None:
            width, height = size or (frame.width, frame.height)
            # Reformatters kept per stream (their scaling contexts are reused, not
            # rebuilt per frame: a third of a 16-tile wall's CPU). Scaling is done in
            # YUV, then the colour conversion at the same size, which swscale does
            # with its SIMD code (scaling and converting in one pass is slower).
            scaled = frame
            if (width, height) != (frame.width, frame.height) and \
                    frame.format.name in ("yuv420p", "yuvj420p"):
                scaled = self._scaler.reformat(frame, width=width, height=height,
                                               interpolation=self.config.interpolation,
                                               threads=self.config.scaler_threads)
            image = self._reformatter.reformat(scaled, width=width, height=height,
                                               format=pixel_format,
                                               threads=self.config.scaler_threads).to_ndarray()
        now = time.monotonic()
        pts = frame.time
        source_time = None
        start_rt = getattr(container, "start_time_realtime", None)
        if pts is not None and start_rt:
            source_time = start_rt / 1e6 + pts
        with self._lock:
            self._seq += 1
            if self._slot is not None and self._slot.seq > self._taken_seq:
                self._replaced += 1
            self._slot = Frame(
                seq=self._seq, image=image, pixel_format=pixel_format, width=width,
                height=height, source_width=frame.width, source_height=frame.height,
                key_frame=bool(frame.key_frame), pts=pts, source_time=source_time,
                decoded_at=now)
            self._decoded.add(now)
            self._size = (frame.width, frame.height)
            if self._first_frame_s is None:
                self._first_frame_s = now - opened_at
            if source_time is not None:
                self._latency.append(epoch_seconds() - source_time)
            slot = self._slot
        if self._state is not State.LIVE:
            self._set_state(State.LIVE)
        if self.on_frame is not None:
            self.on_frame(slot)


__all__ = ["AUDIO_RATE", "NO_AUDIO", "PERSISTENT", "AudioStats", "Frame", "State", "StreamConfig",
           "StreamStats", "VideoStream",
           "classify_open_error", "redact"]
