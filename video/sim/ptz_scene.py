"""The simulated picture of PTZ cameras: an RTSP server (GStreamer, Debian's python3,
like rtsp_server.py) whose mounts each show a crop of one large still scene at the
current pan/tilt/zoom of a fake ONVIF camera, so moving the camera visibly moves the
picture. The position is read from the fake camera's `GET /<CODE>/sim/state` about
15 times a second (video/sim/onvif_camera.py).

    /usr/bin/python3 video/sim/ptz_scene.py --port 8555 \\
        --mount path=/ptz01,state=http://127.0.0.1:8899/PTZ01/sim/state,label="PTZ 01"

Mount keys: path, state (the URL above), size (WxH of the stream, default 640x360), fps
(15), label, seed (the scene's random seed, default from the path). The scene is
generated at start (a sky, a ground, containers and buildings of random colours and
sizes: textured enough for image registration), 1920×1080, 16:9. Mapping: pan −1..1
moves the view centre across the scene, tilt +1 is up, zoom 0 shows half the scene's
width and zoom 1 a tenth.

Prints "READY <port>" once serving; stops on SIGTERM/SIGINT or, with
`--stdin-eof-quits`, when its standard input closes."""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import signal
import struct
import sys
import tempfile
import threading
import time
import urllib.request
import zlib
from pathlib import Path

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rtsp_server import parse_mount  # noqa: E402

log = logging.getLogger("customs.video.sim")

SCENE_W, SCENE_H = 1920, 1080
BASE_W, BASE_H = 480, 270          # generated size, scaled up once by GStreamer
WIDE, NARROW = 0.5, 0.1            # view width / scene width at zoom 0 and zoom 1


def view(pan: float, tilt: float, zoom: float) -> tuple[int, int, int, int]:
    """The crop (left, top, right, bottom margins in scene pixels) for a position."""
    frac = WIDE - (WIDE - NARROW) * max(0.0, min(1.0, zoom))
    w = int(SCENE_W * frac) // 2 * 2
    h = int(w * 9 / 16) // 2 * 2
    cx = (SCENE_W - w) / 2 * (1 + max(-1.0, min(1.0, pan)))
    cy = (SCENE_H - h) / 2 * (1 - max(-1.0, min(1.0, tilt)))
    left, top = int(cx) // 2 * 2, int(cy) // 2 * 2
    return left, top, SCENE_W - w - left, SCENE_H - h - top


def write_scene(path: Path, seed: int) -> None:
    """A PNG of BASE_W×BASE_H: sky gradient, ground, random blocks (no numpy here)."""
    rnd = random.Random(seed)
    rows = []
    horizon = BASE_H * 2 // 5
    for y in range(BASE_H):
        if y < horizon:
            c = (90 + y * 100 // horizon, 140 + y * 80 // horizon, 230)
        else:
            g = 70 + (y - horizon) * 60 // (BASE_H - horizon)
            c = (g, g + 10, g - 20)
        rows.append(bytearray(bytes(c) * BASE_W))
    for _ in range(420):
        w, h = rnd.randint(4, 40), rnd.randint(3, 26)
        x0, y0 = rnd.randint(0, BASE_W - 1), rnd.randint(horizon - 30, BASE_H - 1)
        col = bytes((rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255)))
        for y in range(y0, min(BASE_H, y0 + h)):
            x1 = min(BASE_W, x0 + w)
            rows[y][x0 * 3:x1 * 3] = col * (x1 - x0)
    raw = b"".join(b"\x00" + bytes(r) for r in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", BASE_W, BASE_H, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
    path.write_bytes(png)


def launch_line(m: dict, scene: Path) -> str:
    width, height = (int(v) for v in str(m.get("size", "640x360")).split("x"))
    fps = int(m.get("fps", 15))
    label = str(m.get("label", m["path"].strip("/"))).replace('"', "'")
    left, top, right, bottom = view(0.0, 0.0, 0.0)
    font = max(10, height // 24)
    return (f'( filesrc location="{scene}" ! pngdec ! videoconvert'
            f" ! videoscale method=nearest-neighbour ! video/x-raw,width={SCENE_W},"
            f"height={SCENE_H} ! imagefreeze is-live=true"
            f" ! video/x-raw,framerate={fps}/1"
            f" ! videocrop name=crop left={left} top={top} right={right} bottom={bottom}"
            f" ! videoscale ! video/x-raw,width={width},height={height}"
            # the camera's date and time (local, as it reads them) bottom right, and
            # its name bottom left when it is given one
            f' ! clockoverlay halignment=right valignment=bottom font-desc="Sans {font}"'
            ' time-format="%d/%m/%Y %H:%M:%S" shaded-background=true'
            + (f' ! textoverlay text="{label}" halignment=left valignment=bottom'
               f' font-desc="Sans {font}" shaded-background=true' if label else "")
            + " ! videoconvert"
            f" ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps}"
            " ! video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96"
            " config-interval=1 )")


class Follower:
    """Polls one camera's state and moves the crop of every media of its mount."""

    def __init__(self, state_url: str) -> None:
        self.state_url = state_url
        self.crops: list[Gst.Element] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.last: tuple[int, int, int, int] | None = None
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def add(self, crop: Gst.Element) -> None:
        with self.lock:
            self.crops.append(crop)
            self.last = None

    def run(self) -> None:
        while not self.stop.wait(1 / 15):
            try:
                with urllib.request.urlopen(self.state_url, timeout=1) as r:
                    s = json.loads(r.read())
            except (OSError, ValueError):
                continue
            crop = view(float(s["pan"]), float(s["tilt"]), float(s["zoom"]))
            with self.lock:
                if crop == self.last:
                    continue
                self.last = crop
                for el in self.crops:
                    el.set_property("left", crop[0])
                    el.set_property("top", crop[1])
                    el.set_property("right", crop[2])
                    el.set_property("bottom", crop[3])


def build_server(address: str, port: int, mounts: list[dict],
                 scene_dir: Path) -> tuple[GstRtspServer.RTSPServer, list[Follower]]:
    server = GstRtspServer.RTSPServer(address=address, service=str(port))
    followers = []
    for m in mounts:
        seed = int(m.get("seed", zlib.crc32(m["path"].encode())))
        scene = scene_dir / f"scene-{seed}.png"
        if not scene.exists():
            write_scene(scene, seed)
        follower = Follower(m["state"])
        followers.append(follower)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(m, scene))
        factory.set_shared(True)

        def configure(_factory: GstRtspServer.RTSPMediaFactory, media: GstRtspServer.RTSPMedia,
                      follower: Follower = follower) -> None:
            follower.add(media.get_element().get_by_name("crop"))

        factory.connect("media-configure", configure)
        server.get_mount_points().add_factory(m["path"], factory)
    return server, followers


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8555)
    p.add_argument("--mount", action="append", default=[], type=parse_mount)
    p.add_argument("--stdin-eof-quits", action="store_true")
    args = p.parse_args(argv)
    if not args.mount or any("state" not in m for m in args.mount):
        p.error("each --mount needs path= and state=")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("TZ", "Asia/Ho_Chi_Minh")  # the cameras' clocks read local time
    time.tzset()
    Gst.init(None)
    loop = GLib.MainLoop()
    with tempfile.TemporaryDirectory(prefix="customs-scene-") as tmp:
        server, followers = build_server(args.address, args.port, args.mount, Path(tmp))
        if server.attach(None) == 0:
            log.error("cannot listen on %s:%s", args.address, args.port)
            return 1
        for sig in (signal.SIGTERM, signal.SIGINT):
            GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
        if args.stdin_eof_quits:
            def on_stdin(_fd: int, _cond: GLib.IOCondition) -> bool:
                if os.read(0, 4096):
                    return True
                loop.quit()
                return False
            GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, 0,
                                  GLib.IOCondition.IN | GLib.IOCondition.HUP, on_stdin)
        sys.stdout.write(f"READY {server.get_bound_port()}\n")
        sys.stdout.flush()
        loop.run()
        for f in followers:
            f.stop.set()
    return 0


if __name__ == "__main__":
    sys.exit(main())
