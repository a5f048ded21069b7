"""The camera simulator: a GStreamer RTSP server (TCP and UDP) with live test-pattern
mounts and pre-encoded file mounts, for the demo wall, the benchmarks and the tests.
Run it with Debian's python3 (its GObject bindings are not in the virtual environment):

    /usr/bin/python3 video/sim/rtsp_server.py --port 8554 \\
        --mount path=/cam01/sub,size=640x360,fps=15,pattern=ball,label="CAM 01" \\
        --mount path=/cam01/main,size=1280x720,fps=15,user=admin,password=secret \\
        --mount path=/cam02/sub,file=CACHE/cam-02-640x360-15fps-10s-….h264,audio=true

or `--config FILE` with `{"port": 8554, "mounts": [{"path": ..., ...}]}`.
Mount keys: path, size (WxH, default 640x360), fps (15), pattern (a videotestsrc
pattern, default ball), label (burned in under the wall clock), bitrate (kbit/s),
codec (h264, or `x-gst` for a payload no camera client can decode), user and password
(basic authentication: once any mount has a user, the whole server asks for
credentials; a mount with a user admits only that user, one without admits every
user). A key frame every second (key-int-max = fps). Media are shared between clients
and encoded only while someone watches.

`file=PATH` replays a pre-encoded H.264 file (Annex B with SPS/PPS before each key
frame, no B-frames: video/sim/prepare.py makes them) in real time without transcoding,
looping forever: the file's access units are loaded once at start (and shared by every
mount of that file) and pushed into an `appsrc` at `fps` (the mount's, else the
file's `.json` sidecar's, else 15) by one feeder thread per prepared media; buffers are
stamped with the pipeline's running time when they leave the source, so RTP
timestamps keep increasing across the loop and the RTCP sender reports map them to
this machine's wall clock (the client's latency estimate holds). `size`, `pattern`,
`label`, `bitrate` and `codec` do not apply to file mounts.

`audio=true` adds an audio track: a 440 Hz sine with a short 1 kHz beep every second
(mono, 48 kHz), `audio_codec=aac` (default, MPEG-4 generic RTP as IP cameras send)
or `opus`.

Prints "READY <port>" once serving (`--port 0` picks a free port); stops on SIGTERM,
SIGINT, or with `--stdin-eof-quits` when its standard input closes."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import signal
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

log = logging.getLogger("customs.video.sim")

ENCODERS = {
    "h264": ("x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate={bitrate}"
             " ! video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96"
             " config-interval=1"),
    "x-gst": "x264enc tune=zerolatency key-int-max={fps} ! rtpgstpay name=pay0 pt=96",
}


AUDIO_ENCODERS = {
    "aac": "avenc_aac bitrate=64000 ! rtpmp4gpay name=pay1 pt=97",
    "opus": "opusenc bitrate=48000 frame-size=20 ! rtpopuspay name=pay1 pt=97",
}


def is_true(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def parse_mount(spec: str) -> dict:
    """`key=value,key=value` (values may be double-quoted) into a mount dict."""
    mount: dict = {}
    for part in next(csv.reader([spec])):
        key, _, value = part.partition("=")
        mount[key.strip()] = value.strip().strip('"')
    return mount


def audio_branch(m: dict) -> str:
    """The test tone: a steady 440 Hz sine and a 0.1 s 1 kHz beep every second."""
    if not is_true(m.get("audio", False)):
        return ""
    codec = str(m.get("audio_codec", "aac"))
    caps = "audio/x-raw,rate=48000,channels=1"
    return (f" audiotestsrc is-live=true wave=sine freq=440 volume=0.25 ! {caps} ! amix."
            " audiotestsrc is-live=true wave=ticks freq=1000 sine-periods-per-tick=100"
            f" volume=0.5 ! {caps} ! amix."
            f" audiomixer name=amix ! audioconvert ! audioresample ! {caps}"
            f" ! {AUDIO_ENCODERS[codec]}")


def launch_line(m: dict) -> str:
    if m.get("file"):
        return file_launch_line(m)
    width, height = (int(v) for v in str(m.get("size", "640x360")).split("x"))
    fps = int(m.get("fps", 15))
    label = str(m.get("label", m["path"].strip("/"))).replace('"', "'")
    encoder = ENCODERS[m.get("codec", "h264")].format(
        fps=fps, bitrate=int(m.get("bitrate", max(200, width * height * fps // 4000))))
    font = max(10, height // 24)
    # a camera burns in its own date and time as an officer reads them (local time,
    # dd/mm/yyyy) at the bottom, and its name if it is given one ("" for none)
    clock = (f' ! clockoverlay halignment=right valignment=bottom font-desc="Sans {font}"'
             ' time-format="%d/%m/%Y %H:%M:%S" shaded-background=true'
             if str(m.get("clock", "true")).lower() != "false" else "")
    name = (f' ! textoverlay text="{label}" halignment=left valignment=bottom'
            f' font-desc="Sans {font}" shaded-background=true' if label else "")
    return (f"( videotestsrc is-live=true pattern={m.get('pattern', 'ball')}"
            f" ! video/x-raw,width={width},height={height},framerate={fps}/1"
            f"{clock}{name}"
            f" ! videoconvert ! {encoder}{audio_branch(m)} )")


# -- file mounts --------------------------------------------------------------------------
class AccessUnits:
    """A pre-encoded H.264 file split into access units (one per frame), in memory."""

    _loaded: dict[str, AccessUnits] = {}

    def __init__(self, path: str) -> None:
        self.path = path
        self.units: list[bytes] = []
        self.width = self.height = 0
        self.fps = 15
        if not os.path.isfile(path):
            raise ValueError(f"no such file: {path}")
        sidecar = os.path.splitext(path)[0] + ".json"
        if os.path.exists(sidecar):
            with open(sidecar, encoding="utf-8") as f:
                self.fps = int(json.load(f).get("fps", 15))
        location = path.replace("\\", "\\\\").replace('"', '\\"')
        pipeline = Gst.parse_launch(
            f'filesrc location="{location}" ! h264parse'
            " ! video/x-h264,stream-format=byte-stream,alignment=au"
            " ! appsink name=sink sync=false")
        sink = pipeline.get_by_name("sink")
        pipeline.set_state(Gst.State.PLAYING)
        try:
            while True:
                sample = sink.emit("pull-sample")
                if sample is None:
                    break
                if not self.width:
                    st = sample.get_caps().get_structure(0)
                    self.width = st.get_int("width")[1]
                    self.height = st.get_int("height")[1]
                buf = sample.get_buffer()
                self.units.append(buf.extract_dup(0, buf.get_size()))
        finally:
            pipeline.set_state(Gst.State.NULL)
        if not self.units:
            raise ValueError(f"no H.264 access units in {path}")

    @classmethod
    def load(cls, path: str) -> AccessUnits:
        path = os.path.abspath(path)
        if path not in cls._loaded:
            cls._loaded[path] = cls(path)
        return cls._loaded[path]


def file_launch_line(m: dict) -> str:
    units = AccessUnits.load(m["file"])
    fps = int(m.get("fps") or units.fps)
    caps = (f"video/x-h264,stream-format=byte-stream,alignment=au,width={units.width},"
            f"height={units.height},framerate={fps}/1")
    # leaky: while the media is paused nothing piles up (a client joins on the next key)
    return (f'( appsrc name=src is-live=true format=time do-timestamp=true min-latency=0'
            f' max-buffers={2 * fps} leaky-type=downstream caps="{caps}"'
            f" ! rtph264pay name=pay0 pt=96 config-interval=0{audio_branch(m)} )")


class FileFeeder(threading.Thread):
    """Pushes a file's access units into one media's appsrc at the frame rate, looping,
    until the media is unprepared. Keeps pushing whatever a push returns (a non-OK
    return during preroll must not stop it, or later clients hang)."""

    def __init__(self, name: str, appsrc: Gst.Element, units: AccessUnits, fps: int) -> None:
        super().__init__(name=f"feeder:{name}", daemon=True)
        self.appsrc, self.units, self.fps = appsrc, units, fps
        self.done = threading.Event()

    def run(self) -> None:
        period = 1.0 / self.fps
        started = time.monotonic()
        n = 0
        frames = self.units.units
        while not self.done.is_set():
            due = started + n * period
            delay = due - time.monotonic()
            if delay > 0 and self.done.wait(delay):
                break
            if delay < -1.0:  # woke far too late (the machine was suspended): resync
                started, n = time.monotonic(), 0
                continue
            self.appsrc.emit("push-buffer", Gst.Buffer.new_wrapped(frames[n % len(frames)]))
            n += 1


def attach_file_feeder(factory: GstRtspServer.RTSPMediaFactory, m: dict) -> None:
    units = AccessUnits.load(m["file"])
    fps = int(m.get("fps") or units.fps)

    def on_configure(_factory: GstRtspServer.RTSPMediaFactory,
                     media: GstRtspServer.RTSPMedia) -> None:
        appsrc = media.get_element().get_by_name("src")
        feeder = FileFeeder(m["path"], appsrc, units, fps)
        media.connect("unprepared", lambda _media: feeder.done.set())
        feeder.start()

    factory.connect("media-configure", on_configure)


def build_server(address: str, port: int, mounts: list[dict]) -> GstRtspServer.RTSPServer:
    server = GstRtspServer.RTSPServer(address=address, service=str(port))
    users = {m["user"]: m.get("password", "") for m in mounts if m.get("user")}
    if users:  # no default token: a client without valid credentials gets 401
        auth = GstRtspServer.RTSPAuth()
        for user, password in users.items():
            token = GstRtspServer.RTSPToken()
            token.set_string("media.factory.role", user)
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        server.set_auth(auth)
    for m in mounts:
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(m))
        factory.set_shared(True)
        # A camera cannot seek: with this mode GStreamer treats the media as unseekable
        # and ignores the PLAY's Range (FFmpeg sends npt=0.000-). Seekable, a test-pattern
        # media was flushed by each new client's PLAY, and one joining in that instant
        # made GStreamer 1.22 abort (gst_rtsp_media_get_rates: no segment) — three tiles
        # opening one camera at once killed the simulator 1 time in 20.
        factory.set_publish_clock_mode(GstRtspServer.RTSPPublishClockMode.CLOCK_AND_OFFSET)
        if m.get("file"):
            attach_file_feeder(factory, m)
        if users:
            perms = GstRtspServer.RTSPPermissions()
            for role in [m["user"]] if m.get("user") else users:
                for name in ("media.factory.access", "media.factory.construct"):
                    perms.add_permission_for_role(role, name, True)
            factory.set_permissions(perms)
        server.get_mount_points().add_factory(m["path"], factory)
    return server


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--config", help="JSON file: {port, address, mounts: [...]}")
    p.add_argument("--address", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--mount", action="append", default=[], type=parse_mount)
    p.add_argument("--stdin-eof-quits", action="store_true")
    args = p.parse_args(argv)
    config = {}
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config = json.load(f)
    mounts = config.get("mounts", []) + args.mount
    if not mounts:
        p.error("no mounts: give --mount or --config")
    address = args.address or config.get("address", "127.0.0.1")
    port = args.port if args.port is not None else int(config.get("port", 8554))

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # the simulated cameras stand in Viet Nam: their burned-in clocks read local time
    os.environ.setdefault("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    Gst.init(None)
    loop = GLib.MainLoop()
    try:
        server = build_server(address, port, mounts)
    except (OSError, ValueError, KeyError, GLib.Error) as exc:
        log.error("cannot serve the mounts: %s", exc)
        return 1
    if server.attach(None) == 0:
        log.error("cannot listen on %s:%s", address, port)
        return 1
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    if args.stdin_eof_quits:
        def on_stdin(_fd: int, _cond: GLib.IOCondition) -> bool:
            if os.read(0, 4096):
                return True
            loop.quit()
            return False
        GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, 0, GLib.IOCondition.IN | GLib.IOCondition.HUP,
                              on_stdin)
    # The start-up handshake the parent process reads on stdout.
    sys.stdout.write(f"READY {server.get_bound_port()}\n")
    sys.stdout.flush()
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
