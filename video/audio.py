"""Playing a camera's sound (Đ13.3, the command vehicle's audio) on the workstation.

`AudioOutput(stream)` plays a `VideoStream(..., audio=True)`'s audio while unmuted: the
sound card is opened and closed on its own control thread (opening a device can take a
while, so the GUI thread never waits), and the card's callback drains the stream's
bounded buffer (`read_audio`), filling with silence when it runs dry. The default sink
is PortAudio through `sounddevice` (no Qt Multimedia needed). A workstation without a
sound card, or without PortAudio, gets status `NO_DEVICE` and a translatable message
(`message`, English source marked for Qt's translation, shown by the GUI in the tile);
the stream is muted again. Status changes are reported through `on_status(status,
message)` on the control thread: post them to your own thread. A mute after a
failure clears the failure (the next unmute tries the device again).

Muted by default, like the stream: `set_muted(False)` to listen, `close()` at the end
(joins the control thread)."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

import numpy as np

from app.errors import QT_TRANSLATE_NOOP
from video.stream import AUDIO_RATE, VideoStream

log = logging.getLogger("customs.video.audio")

MSG_NO_DEVICE = QT_TRANSLATE_NOOP(
    "AudioOutput", "This workstation has no audio output device: the camera's sound cannot "
    "be played.")
MSG_NO_LIBRARY = QT_TRANSLATE_NOOP(
    "AudioOutput", "The audio library (PortAudio) is not installed: the camera's sound "
    "cannot be played.")
MSG_FAILED = QT_TRANSLATE_NOOP(
    "AudioOutput", "The audio output failed: the camera's sound cannot be played.")
MSG_STREAM_WITHOUT_AUDIO = QT_TRANSLATE_NOOP(
    "AudioOutput", "This camera sends no sound.")  # stats().audio.reason == NO_AUDIO
MSG_PLAYING = QT_TRANSLATE_NOOP("AudioOutput", "Sound on")
MSG_MUTED = QT_TRANSLATE_NOOP("AudioOutput", "Sound muted")


class AudioStatus(StrEnum):
    MUTED = "muted"
    STARTING = "starting"
    PLAYING = "playing"
    NO_DEVICE = "no_device"
    FAILED = "failed"


class NoAudioDevice(Exception):
    """No sound card (or no audio library) on this machine; `message` is translatable."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.message, self.detail = message, detail


#: Called on the sound card's thread with a number of sample frames; returns at most
#: that many as an int16 array (n, channels).
Pull = Callable[[int], np.ndarray]


class AudioSink(Protocol):
    """A sound card: `open` starts pulling samples (raises NoAudioDevice, or any error
    for a failed device), `close` stops."""

    def open(self, sample_rate: int, channels: int, pull: Pull) -> None: ...

    def close(self) -> None: ...


def fit_channels(samples: np.ndarray, channels: int) -> np.ndarray:
    """Mono up-mixed or stereo down-mixed to the device's channels."""
    have = samples.shape[1] if samples.ndim == 2 else 1
    if have == channels:
        return samples
    if channels == 1:
        return samples.mean(axis=1, keepdims=True).astype(np.int16)
    return np.repeat(samples[:, :1], channels, axis=1)


class SoundDeviceSink:
    """The default output device through PortAudio (`sounddevice`)."""

    def __init__(self, device: int | str | None = None, latency: str | float = "low") -> None:
        self.device, self.latency = device, latency
        self._stream = None

    def open(self, sample_rate: int, channels: int, pull: Pull) -> None:
        try:
            import sounddevice as sd
        except (ImportError, OSError) as exc:  # OSError: libportaudio2 missing
            raise NoAudioDevice(MSG_NO_LIBRARY, str(exc)) from None
        try:
            sd.query_devices(self.device, kind="output")
        except (sd.PortAudioError, ValueError) as exc:
            raise NoAudioDevice(MSG_NO_DEVICE, str(exc)) from None

        def callback(outdata, frames, _time, _status) -> None:  # type: ignore[no-untyped-def]
            # the card's thread: no logging, no locks held long (read_audio is quick)
            data = fit_channels(pull(frames), outdata.shape[1])
            n = len(data)
            outdata[:n] = data
            outdata[n:] = 0

        stream = sd.OutputStream(samplerate=sample_rate, channels=channels, dtype="int16",
                                 device=self.device, latency=self.latency, callback=callback)
        stream.start()
        self._stream = stream

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()


class AudioOutput:
    """Plays one stream's audio while unmuted; never blocks the caller."""

    def __init__(self, stream: VideoStream, *, sink: AudioSink | None = None,
                 channels: int = 2,
                 on_status: Callable[[AudioStatus, str], None] | None = None) -> None:
        if not stream.audio:
            raise ValueError("the stream was opened without audio (VideoStream(audio=True))")
        self.stream = stream
        self.sink: AudioSink = sink if sink is not None else SoundDeviceSink()
        self.channels = channels
        self.on_status = on_status
        self._status, self._message, self._detail = AudioStatus.MUTED, MSG_MUTED, ""
        self._commands: queue.SimpleQueue[bool | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._open = False

    @property
    def status(self) -> AudioStatus:
        return self._status

    @property
    def message(self) -> str:
        """The untranslated, translatable text for the status (context "AudioOutput")."""
        return self._message

    @property
    def detail(self) -> str:
        """The technical cause of a failure (for the log), untranslated."""
        return self._detail

    @property
    def muted(self) -> bool:
        return self.stream.audio_muted

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute; the device opens or closes on the control thread."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name=f"audio:{self.stream.name}")
                self._thread.start()
        self._commands.put(bool(muted))

    def close(self, timeout: float = 5.0) -> bool:
        """Mutes, closes the device and joins the control thread."""
        self.stream.set_audio_muted(True)
        thread = self._thread
        if thread is None:
            return True
        self._commands.put(None)
        thread.join(timeout)
        return not thread.is_alive()

    # -- the control thread --------------------------------------------------------------
    def _set_status(self, status: AudioStatus, message: str, detail: str = "") -> None:
        if (status, message, detail) == (self._status, self._message, self._detail):
            return
        self._status, self._message, self._detail = status, message, detail
        if self.on_status is not None:
            self.on_status(status, message)

    def _pull(self, frames: int) -> np.ndarray:
        return self.stream.read_audio(frames)

    def _run(self) -> None:
        try:
            while True:
                command = self._commands.get()
                while True:  # only the newest wish counts
                    try:
                        command = self._commands.get_nowait()
                    except queue.Empty:
                        break
                    if command is None:
                        break
                if command is None:
                    break
                if command:
                    self._mute()
                else:
                    self._unmute()
        finally:
            self._mute()

    def _unmute(self) -> None:
        if self._open:
            self.stream.set_audio_muted(False)
            self._set_status(AudioStatus.PLAYING, MSG_PLAYING)
            return
        self._set_status(AudioStatus.STARTING, MSG_MUTED)
        self.stream.set_audio_muted(False)
        try:
            self.sink.open(AUDIO_RATE, self.channels, self._pull)
        except NoAudioDevice as exc:
            self.stream.set_audio_muted(True)
            log.warning("%s: no sound: %s", self.stream.name, exc.detail or exc.message)
            self._set_status(AudioStatus.NO_DEVICE, exc.message, exc.detail)
            return
        except Exception as exc:  # noqa: BLE001 - any device error ends in FAILED
            self.stream.set_audio_muted(True)
            log.warning("%s: audio output failed: %s", self.stream.name, exc)
            self._set_status(AudioStatus.FAILED, MSG_FAILED, str(exc))
            return
        self._open = True
        self._set_status(AudioStatus.PLAYING, MSG_PLAYING)

    def _mute(self) -> None:
        self.stream.set_audio_muted(True)
        if self._open:
            self._open = False
            try:
                self.sink.close()
            except Exception as exc:  # noqa: BLE001 - closing must not kill the thread
                log.warning("%s: closing the audio output: %s", self.stream.name, exc)
        self._set_status(AudioStatus.MUTED, MSG_MUTED)


__all__ = ["MSG_FAILED", "MSG_MUTED", "MSG_NO_DEVICE", "MSG_NO_LIBRARY", "MSG_PLAYING",
           "MSG_STREAM_WITHOUT_AUDIO",
           "AudioOutput", "AudioSink", "AudioStatus", "NoAudioDevice", "SoundDeviceSink",
           "fit_channels"]
