"""The camera simulator: a GStreamer RTSP server (TCP and UDP) with live test-pattern
mounts, for the demo wall and the tests. Run it with Debian's python3 (its GObject
bindings are not in the virtual environment):

    /usr/bin/python3 video/sim/rtsp_server.py --port 8554 \\
        --mount path=/cam01/sub,size=640x360,fps=15,pattern=ball,label="CAM 01" \\
        --mount path=/cam01/main,size=1280x720,fps=15,user=admin,password=secret

or `--config FILE` with `{"port": 8554, "mounts": [{"path": ..., ...}]}`.
Mount keys: path, size (WxH, default 640x360), fps (15), pattern (a videotestsrc
pattern, default ball), label (burned in under the wall clock), bitrate (kbit/s),
codec (h264, or `x-gst` for a payload no camera client can decode), user and password
(basic authentication: once any mount has a user, the whole server asks for
credentials; a mount with a user admits only that user, one without admits every
user). A key frame every second (key-int-max = fps). Media are shared between clients
and encoded only while someone watches.

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


def parse_mount(spec: str) -> dict:
    """`key=value,key=value` (values may be double-quoted) into a mount dict."""
    mount: dict = {}
    for part in next(csv.reader([spec])):
        key, _, value = part.partition("=")
        mount[key.strip()] = value.strip().strip('"')
    return mount


def launch_line(m: dict) -> str:
    width, height = (int(v) for v in str(m.get("size", "640x360")).split("x"))
    fps = int(m.get("fps", 15))
    label = str(m.get("label", m["path"].strip("/"))).replace('"', "'")
    encoder = ENCODERS[m.get("codec", "h264")].format(
        fps=fps, bitrate=int(m.get("bitrate", max(200, width * height * fps // 4000))))
    font = max(10, height // 24)
    return (f"( videotestsrc is-live=true pattern={m.get('pattern', 'ball')}"
            f" ! video/x-raw,width={width},height={height},framerate={fps}/1"
            f' ! clockoverlay halignment=left valignment=top font-desc="Sans {font}"'
            ' time-format="%Y-%m-%d %H:%M:%S" shaded-background=true'
            f' ! textoverlay text="{label}" halignment=left valignment=bottom'
            f' font-desc="Sans {font}" shaded-background=true'
            f" ! videoconvert ! {encoder} )")


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
    Gst.init(None)
    loop = GLib.MainLoop()
    server = build_server(address, port, mounts)
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
