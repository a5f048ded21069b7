"""The mobile camera's sound (Đ13.3): the decoding worker decodes the stream's audio
(AAC and Opus from the real RTSP simulator) resampled to s16 48 kHz — a 440 Hz tone at
the expected level — keeps only the level meter while muted, buffers a bounded amount
when unmuted without slowing video, works as video-only on a stream without audio; the
audio output plays through a sink on its own thread, never blocks its caller, and says
clearly when the workstation has no sound card. No test needs a sound card."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest

from tests.helpers.rtsp import FAST, RtspServer, replay, sub
from tests.helpers.subproc import wait_until
from video.audio import (
    MSG_NO_DEVICE,
    AudioOutput,
    AudioStatus,
    NoAudioDevice,
    SoundDeviceSink,
    fit_channels,
)
from video.sim.prepare import SUB_SIZE, prepare
from video.stream import AUDIO_RATE, NO_AUDIO, State, StreamConfig, VideoStream, _AudioBuffer


@pytest.fixture(scope="module")
def rtsp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RtspServer]:
    clip = prepare("XE CHỈ HUY", SUB_SIZE, seconds=3, folder=tmp_path_factory.mktemp("sim"))
    server = RtspServer([replay("/mobile/aac", clip, audio="true"),
                         sub("/mobile/opus", audio="true", audio_codec="opus"),
                         replay("/silent", clip)])
    yield server
    server.close()


@contextmanager
def running(url: str, **kw) -> Iterator[VideoStream]:  # type: ignore[no-untyped-def]
    kw.setdefault("config", FAST)
    stream = VideoStream(url, **kw).start()
    try:
        yield stream
    finally:
        assert stream.stop(), "the worker did not stop"


def collect(stream: VideoStream, seconds: float) -> np.ndarray:
    """Drains the stream's audio like a sink until `seconds` of sound are in hand."""
    chunks: list[np.ndarray] = []
    have = 0

    def enough() -> bool:
        nonlocal have
        chunk = stream.read_audio(4800)
        if len(chunk):
            chunks.append(chunk)
            have += len(chunk)
        return have >= seconds * AUDIO_RATE

    wait_until(enough, seconds + 6, interval=0.02, what=f"{seconds} s of audio")
    return np.concatenate(chunks)


def dominant_hz(samples: np.ndarray) -> float:
    mono = samples[:, 0].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    return float(np.fft.rfftfreq(len(mono), 1 / AUDIO_RATE)[spectrum.argmax()])


@pytest.mark.parametrize(("path", "codec", "channels"),
                         [("/mobile/aac", "aac", 1), ("/mobile/opus", "opus", 2)])
def test_decoded_audio_is_the_440_hz_tone(rtsp: RtspServer, path: str, codec: str,
                                          channels: int):
    with running(rtsp.url(path), audio=True) as s:
        wait_until(lambda: s.state is State.LIVE, 5, what="live")
        s.set_audio_muted(False)
        samples = collect(s, 2.0)
        st = s.stats()
    assert samples.dtype == np.int16 and samples.shape[1] == channels
    assert abs(dominant_hz(samples) - 440) < 5
    rms_db = 20 * np.log10(np.sqrt(np.mean(samples.astype(float) ** 2)) / 32768)
    assert -20 < rms_db < -10, rms_db  # a 0.25 sine (−15 dBFS) with short beeps
    audio = st.audio
    assert audio is not None and audio.present and audio.reason == ""
    assert (audio.codec, audio.sample_rate, audio.channels) == (codec, 48000, channels)
    assert audio.source_sample_rate == 48000
    assert audio.samples_decoded >= 2.0 * AUDIO_RATE
    assert audio.level_db is not None and -20 < audio.level_db < -10
    # video is untouched: full rate, and the latency estimate still meaningful
    assert st.decoded_fps >= 12 and st.state is State.LIVE
    assert st.latency_ms is None or st.latency_ms < 200


def test_muted_by_default_keeps_only_the_level_meter(rtsp: RtspServer):
    with running(rtsp.url("/mobile/aac"), audio=True) as s:
        assert s.audio_muted
        wait_until(lambda: (a := s.audio_stats()) is not None and a.samples_decoded > AUDIO_RATE,
                   8, what="a second of decoded audio")
        assert len(s.read_audio(48000)) == 0
        st = s.audio_stats()
        assert st is not None and st.muted and st.buffered == 0 and st.dropped == 0
        level = s.audio_level_db()
        assert level is not None and -20 < level < -10
        s.set_audio_muted(False)
        wait_until(lambda: s.audio_stats().buffered > 0,  # type: ignore[union-attr]
                   3, what="buffering when unmuted")
        s.set_audio_muted(True)
        assert s.audio_stats().buffered == 0  # type: ignore[union-attr]
        assert len(s.read_audio(48000)) == 0


def test_unread_audio_is_bounded_and_video_keeps_its_rate(rtsp: RtspServer):
    cfg = StreamConfig(open_timeout=3.0, stall_after=1.5, audio_buffer_s=0.25)
    with running(rtsp.url("/mobile/aac"), audio=True, config=cfg) as s:
        s.set_output("rgb24", (320, 180))
        s.set_audio_muted(False)  # and nobody reads
        wait_until(lambda: s.audio_stats().dropped > 2 * AUDIO_RATE, 10,  # type: ignore[union-attr]
                   what="old samples dropped")
        wait_until(lambda: s.stats().decoded_fps >= 12, 4, what="video at full rate")
        st = s.stats()
        assert st.audio is not None and st.audio.buffered <= int(0.25 * AUDIO_RATE)
        assert st.frames_decoded >= 15 * 2
        newest = s.read_audio(10 * AUDIO_RATE)
        assert 0 < len(newest) <= int(0.25 * AUDIO_RATE)


def test_stream_without_audio_plays_as_video_only(rtsp: RtspServer):
    with running(rtsp.url("/silent"), audio=True) as s:
        wait_until(lambda: s.state is State.LIVE and s.latest() is not None, 5, what="live")
        s.set_audio_muted(False)
        wait_until(lambda: s.stats().decoded_fps >= 12, 4, what="full rate")
        audio = s.stats().audio
        assert audio is not None and not audio.present
        assert audio.reason == NO_AUDIO
        assert audio.samples_decoded == 0 and s.audio_level_db() is None
        assert len(s.read_audio(1000)) == 0


def test_without_audio_asked_video_works_and_no_audio_stats(rtsp: RtspServer):
    with running(rtsp.url("/mobile/aac")) as s:  # the server has audio; we do not ask
        wait_until(lambda: s.stats().decoded_fps >= 12, 6, what="full rate")
        assert s.stats().audio is None and s.audio_stats() is None
        assert s.audio_level_db() is None and len(s.read_audio(100)) == 0


def test_audio_buffer_drops_the_oldest():
    buf = _AudioBuffer(capacity=10)
    for start in range(0, 25, 5):
        buf.append(np.arange(start, start + 5, dtype=np.int16).reshape(-1, 1))
    assert buf.size == 10 and buf.dropped == 15
    assert buf.read(4, 1)[:, 0].tolist() == [15, 16, 17, 18]
    assert buf.read(100, 1)[:, 0].tolist() == [19, 20, 21, 22, 23, 24]
    assert buf.read(5, 1).shape == (0, 1)
    buf.append(np.zeros((30, 1), dtype=np.int16))  # one chunk larger than the buffer
    assert buf.size == 10


def test_channels_fitted_to_the_device():
    mono = np.array([[1], [2]], dtype=np.int16)
    assert fit_channels(mono, 2).tolist() == [[1, 1], [2, 2]]
    stereo = np.array([[2, 4], [6, 8]], dtype=np.int16)
    assert fit_channels(stereo, 1).tolist() == [[3], [7]]
    assert fit_channels(stereo, 2) is stereo


class FakeSink:
    """A sound card: its own thread pulls 20 ms of samples every 20 ms."""

    def __init__(self, open_gate: threading.Event | None = None,
                 error: Exception | None = None) -> None:
        self.open_gate, self.error = open_gate, error
        self.pulled: list[np.ndarray] = []
        self.opened = self.closed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self, sample_rate: int, channels: int, pull) -> None:  # type: ignore[no-untyped-def]
        if self.open_gate is not None:
            self.open_gate.wait(10)
        if self.error is not None:
            raise self.error
        assert sample_rate == 48000
        self.opened += 1
        self._stop.clear()

        def card() -> None:
            while not self._stop.wait(0.02):
                self.pulled.append(fit_channels(pull(960), channels))

        self._thread = threading.Thread(target=card, name="fake-card")
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.closed += 1


def test_audio_output_plays_while_unmuted(rtsp: RtspServer):
    sink = FakeSink()
    statuses: list[AudioStatus] = []
    with running(rtsp.url("/mobile/aac"), audio=True) as s:
        out = AudioOutput(s, sink=sink, on_status=lambda st, _m: statuses.append(st))
        try:
            assert out.status is AudioStatus.MUTED and out.muted
            out.set_muted(False)
            wait_until(lambda: out.status is AudioStatus.PLAYING, 3, what="playing")
            wait_until(lambda: sum(len(c) for c in sink.pulled) > AUDIO_RATE, 8,
                       what="a second of sound pulled by the card")
            played = np.concatenate(sink.pulled)
            played = played[np.abs(played).sum(axis=1) > 0]  # without the silent fill
            assert played.shape[1] == 2 and abs(dominant_hz(played) - 440) < 5
            out.set_muted(True)
            wait_until(lambda: sink.closed == 1, 3, what="the card closed")
            assert s.audio_muted and out.status is AudioStatus.MUTED
        finally:
            assert out.close()
    assert statuses[:3] == [AudioStatus.STARTING, AudioStatus.PLAYING, AudioStatus.MUTED]


def test_unmute_never_blocks_while_the_device_opens(rtsp: RtspServer):
    gate = threading.Event()
    sink = FakeSink(open_gate=gate)
    with running(rtsp.url("/mobile/aac"), audio=True) as s:
        out = AudioOutput(s, sink=sink)
        try:
            t0 = time.monotonic()
            out.set_muted(False)
            out.set_muted(True)
            out.set_muted(False)
            assert time.monotonic() - t0 < 0.05
            wait_until(lambda: out.status is AudioStatus.STARTING, 2, what="starting")
            gate.set()
            wait_until(lambda: out.status is AudioStatus.PLAYING, 3, what="playing")
        finally:
            assert out.close()
        assert sink.closed == 1 and s.audio_muted


def test_no_sound_card_is_reported_with_a_translatable_message(rtsp: RtspServer):
    sink = FakeSink(error=NoAudioDevice(MSG_NO_DEVICE, "Error querying device -1"))
    messages: list[str] = []
    with running(rtsp.url("/mobile/aac"), audio=True) as s:
        out = AudioOutput(s, sink=sink, on_status=lambda _st, m: messages.append(m))
        try:
            out.set_muted(False)
            wait_until(lambda: out.status is AudioStatus.NO_DEVICE, 3, what="no device")
            assert out.message == MSG_NO_DEVICE and MSG_NO_DEVICE in messages
            assert "device" in out.detail
            assert s.audio_muted  # nothing buffered for a card that is not there
        finally:
            assert out.close()


def test_this_machine_without_a_sound_card(rtsp: RtspServer):
    """The real PortAudio sink on a machine with no output device (these test machines):
    a clear NO_DEVICE, not an exception."""
    sd = pytest.importorskip("sounddevice")
    try:
        sd.query_devices(kind="output")
    except sd.PortAudioError:
        pass
    else:
        pytest.skip("this machine has a sound card: the test would play sound")
    with running(rtsp.url("/mobile/aac"), audio=True) as s:
        out = AudioOutput(s, sink=SoundDeviceSink())
        try:
            out.set_muted(False)
            wait_until(lambda: out.status is AudioStatus.NO_DEVICE, 5, what="no device")
            assert out.message == MSG_NO_DEVICE
        finally:
            assert out.close()


def test_audio_output_needs_an_audio_stream():
    with pytest.raises(ValueError, match="audio=True"):
        AudioOutput(VideoStream("rtsp://127.0.0.1:1/x"))


def test_a_bad_audio_packet_is_counted_not_fatal():
    class BrokenDecoder:
        def decode(self, _packet):  # type: ignore[no-untyped-def]
            raise RuntimeError("corrupt AAC")

    s = VideoStream("rtsp://127.0.0.1:1/x", audio=True)  # never started
    s._decode_audio(BrokenDecoder(), None)  # type: ignore[arg-type]
    s._decode_audio(BrokenDecoder(), None)  # type: ignore[arg-type]
    audio = s.audio_stats()
    assert audio is not None and audio.decode_errors == 2 and not audio.present
