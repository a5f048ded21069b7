"""The customs integration gateway, simulated: an aiohttp server on 127.0.0.1 that
implements datasources/contracts/customs-gateway.yaml over the seeded world of
datasources/sim/customs_world.py, so the gateway source, the demo and the tests
speak real HTTP to something that behaves like the General Department's gateway —
including the ways it fails, switched at run time through control endpoints that
are not part of the contract:

    POST /_sim/fault     {"fault": name, ...params}   none | silent | slow (delay_s) |
                         http500 (status) | unauthorized | malformed |
                         bad_records (every) | cursor_back (once, by)
    POST /_sim/publish   {"feed": "gate_events", "item": {...}}  → the stored item
    POST /_sim/amend     {"number": "...", "changes": {...}}     → the amendment
    POST /_sim/generate  {"declarations": n}                     → {"declarations": total}
    GET  /_sim/anomalies the planted anomalies (World.anomalies)
    GET  /_sim/stats     requests served per path

Cursors are opaque to the client: base64url of "<feed>:seq:<n>", n the last
change_seq served. It prints "READY <port>" once it serves and quits when its
standard input closes.

    python -m datasources.sim.customs_gateway --port 0 [--seed N] [--epoch ISO]
        [--token T] [--fault F] [--page-limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import copy
import hmac
import io
import json
import logging
import re
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Middleware
from PIL import Image, ImageDraw, ImageFont

from app.simulators import serve_until_stdin_eof
from datasources.sim.customs_world import FEEDS, Item, World, at_local, parse_epoch

log = logging.getLogger("customs.sim.customs_gateway")

PATHS = {"declarations": "/v1/declarations", "area_events": "/v1/area-events",
         "manifests": "/v1/manifests", "gate_events": "/v1/gate-events",
         "blacklist": "/v1/blacklist"}
FAULTS = ("none", "silent", "slow", "http500", "unauthorized", "malformed", "bad_records",
          "cursor_back")
DEFAULT_LIMIT = 200
MAX_LIMIT = 1000
_CURSOR = re.compile(r"^([a-z_]+):seq:([0-9]{1,18})$")
_NUMBER = re.compile(r"^[0-9]{11,12}$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_dumps = partial(json.dumps, ensure_ascii=False)


def encode_cursor(feed: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{feed}:seq:{seq}".encode()).decode().rstrip("=")


def decode_cursor(feed: str, cursor: str | None) -> int:
    """The change_seq a cursor of `feed` stands for (0 for none); ValueError if it is
    not one of ours, or another feed's."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError("not a cursor") from exc
    m = _CURSOR.match(text)
    if m is None or m.group(1) != feed:
        raise ValueError("not a cursor of this feed")
    return int(m.group(2))


def error(status: int, code: str, message: str) -> web.Response:
    """The contract's Error object."""
    response = web.json_response({"error": code, "message": message}, status=status,
                                 dumps=_dumps)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="dutyroom"'
    return response


def render_picture(event: Item) -> bytes:
    """The recognition camera's frame of a read, as a small JPEG: a grey yard, the
    container's back with its number, and the camera's caption."""
    img = Image.new("RGB", (640, 360), (118, 118, 118))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 300, 639, 359), fill=(70, 70, 70))
    font = ImageFont.load_default(size=30)
    small = ImageFont.load_default(size=18)
    number = event.get("container_number")
    if number:
        d.rectangle((150, 50, 490, 280), fill=(40, 90, 140), outline=(20, 40, 60), width=4)
        for x in range(170, 480, 28):
            d.line((x, 60, x, 270), fill=(30, 70, 115), width=3)
        d.rectangle((175, 80, 465, 125), fill=(235, 235, 235))
        d.text((185, 85), str(number), fill=(10, 10, 10), font=font)
    plate = event.get("plate")
    if plate:
        d.rectangle((250, 235, 390, 270), fill=(250, 250, 250), outline=(0, 0, 0), width=2)
        d.text((258, 240), str(plate), fill=(0, 0, 0), font=small)
    caption = f"{event.get('camera_code') or ''}  {event.get('lane', '')}  {event.get('at', '')}"
    d.text((12, 318), caption, fill=(255, 255, 255), font=small)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


# -- the bad records of the bad_records fault ---------------------------------------------
def _wrong_check_digit(number: str) -> str:
    i = max(i for i, ch in enumerate(number) if ch.isdigit())
    return number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]


def break_item(feed: str, item: Item, n: int) -> Item:
    """`item` broken the n-th way for its feed: against the contract's schema (a
    number of 11 digits, a required field missing, a value out of its enum or
    range), or against ISO 6346 (a container number whose check digit is wrong,
    which no schema can see)."""
    bad = copy.deepcopy(item)
    if feed == "declarations":
        way = n % 3
        if way == 0:
            bad["number"] = bad["number"][:11]
        elif way == 1:
            del bad["declarant"]
        elif bad["containers"]:
            bad["containers"][0]["number"] = _wrong_check_digit(bad["containers"][0]["number"])
        else:
            bad["flow"] = "transit"
    elif feed == "area_events":
        if n % 2 == 0:
            del bad["kind"]
        elif bad.get("container_number"):
            bad["container_number"] = _wrong_check_digit(bad["container_number"])
        else:
            bad["office"] = "Đình Vũ"
    elif feed == "manifests":
        if n % 2 == 0:
            del bad["port"]
        else:
            bad["containers"][0]["number"] = _wrong_check_digit(bad["containers"][0]["number"])
    elif feed == "gate_events":
        if n % 2 == 0:
            bad["confidence"] = 1.7
        else:
            del bad["direction"]
    else:
        if n % 2 == 0:
            bad["subject"] = "person"
        else:
            del bad["active"]
    return bad


class Gateway:
    """The server's state: the world, the token, the fault in force, the counters."""

    def __init__(self, world: World, token: str, *, page_limit: int = MAX_LIMIT,
                 fault: str | None = None) -> None:
        self.world = world
        self.token = token
        self.page_limit = max(1, min(page_limit, MAX_LIMIT))
        self.fault = fault or "none"
        self.params: dict[str, Any] = {}
        self.stats: Counter[str] = Counter()
        self._started = time.monotonic()
        self._pictures: dict[tuple[str, int], bytes] = {}

    def now(self) -> datetime:
        """The world's clock: the epoch, then as time passes."""
        return self.world.epoch + timedelta(seconds=time.monotonic() - self._started)

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._middleware()])
        r = app.router
        r.add_get("/v1/health", self.health)
        for feed, path in PATHS.items():
            r.add_get(path, partial(self.page, feed))
        r.add_get("/v1/declarations/{number}", self.declaration)
        r.add_get("/v1/gate-events/{id}/picture", self.picture)
        r.add_post("/_sim/fault", self.set_fault)
        r.add_post("/_sim/publish", self.publish)
        r.add_post("/_sim/amend", self.amend)
        r.add_post("/_sim/generate", self.generate)
        r.add_get("/_sim/anomalies", self.anomalies)
        r.add_get("/_sim/stats", self.get_stats)
        return app

    # -- faults and authentication ---------------------------------------------------
    def _middleware(self) -> Middleware:
        @web.middleware
        async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
            resource = request.match_info.route.resource
            self.stats[resource.canonical if resource is not None else request.path] += 1
            if request.path.startswith("/_sim/"):
                if request.remote not in ("127.0.0.1", "::1"):
                    return error(403, "forbidden", "control endpoints answer 127.0.0.1 only")
                return await handler(request)
            fault = self.fault
            if fault == "silent":
                await asyncio.sleep(3600)        # the client times out first
                return error(503, "unavailable", "no answer")
            if fault == "slow":
                await asyncio.sleep(float(self.params.get("delay_s", 5.0)))
            if fault == "http500":
                status = int(self.params.get("status", 500))
                return error(status, "internal" if status == 500 else "unavailable",
                             "Lỗi hệ thống phía sau cổng tích hợp")
            if fault == "unauthorized" or not self._authorized(request):
                return error(401, "unauthorized", "token missing, expired or refused")
            try:
                response = await handler(request)
            except web.HTTPNotFound:
                return error(404, "not_found", f"no {request.path}")
            except web.HTTPMethodNotAllowed:
                return error(405, "method_not_allowed", f"{request.method} {request.path}")
            if fault == "malformed" and response.status == 200:
                return web.Response(body=b'{"items": [{"number": "10855729501', status=200,
                                    content_type="application/json")
            return response
        return middleware

    def _authorized(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(),
                                                                  self.token.encode())

    # -- the contract ----------------------------------------------------------------
    async def health(self, request: web.Request) -> web.Response:
        systems = dict.fromkeys(("vcis", "v5", "emanifest", "gate"), "ok")
        return web.json_response({"status": "ok", "time": at_local(self.now()),
                                  "systems": systems}, dumps=_dumps)

    async def page(self, feed: str, request: web.Request) -> web.Response:
        try:
            since = decode_cursor(feed, request.query.get("since"))
        except ValueError as exc:
            return error(400, "bad_cursor", str(exc))
        raw = request.query.get("limit")
        limit = DEFAULT_LIMIT
        if raw is not None:
            if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
                return error(400, "bad_limit", f"limit must be 1–{MAX_LIMIT}")
            limit = int(raw)
        items, last, more = self.world.changes_since(feed, since, min(limit, self.page_limit))
        if self.fault == "bad_records":
            every = max(1, int(self.params.get("every", 3)))
            items = [break_item(feed, it, i // every) if i % every == every - 1 else it
                     for i, it in enumerate(items)]
        next_seq = last
        if self.fault == "cursor_back" and since > 0:
            next_seq = max(0, since - max(1, int(self.params.get("by", 10))))
            if self.params.get("once", True):
                self.fault, self.params = "none", {}
        return web.json_response({"items": items, "next_cursor": encode_cursor(feed, next_seq),
                                  "has_more": more}, dumps=_dumps)

    async def declaration(self, request: web.Request) -> web.Response:
        number = request.match_info["number"]
        item = self.world.declaration(number) if _NUMBER.match(number) else None
        if item is None:
            return error(404, "not_found", f"không có tờ khai {number}")
        return web.json_response(item, dumps=_dumps)

    async def picture(self, request: web.Request) -> web.Response:
        event = self.world.get("gate_events", request.match_info["id"])
        if event is None:
            return error(404, "not_found", "no such gate read")
        if self.fault == "malformed":
            return web.Response(body=b"\xff\xd8\xff not quite a picture", content_type="image/jpeg")
        key = (event["id"], event["change_seq"])
        if key not in self._pictures:
            self._pictures[key] = render_picture(event)
        return web.Response(body=self._pictures[key], content_type="image/jpeg")

    # -- control -----------------------------------------------------------------------
    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise web.HTTPBadRequest(text=f"not JSON: {exc}") from exc
        if not isinstance(body, dict):
            raise web.HTTPBadRequest(text="a JSON object, please")
        return body

    async def set_fault(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        name = str(body.pop("fault", "none"))
        if name not in FAULTS:
            return error(400, "bad_fault", f"faults: {', '.join(FAULTS)}")
        self.fault, self.params = name, body
        log.info("fault %s %s", name, body)
        return web.json_response({"fault": name, "params": body}, dumps=_dumps)

    async def publish(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        item = body.get("item")
        if not isinstance(item, dict):
            return error(400, "bad_item", "item: a JSON object")
        try:
            stored = self.world.publish(str(body.get("feed", "")), item)
        except ValueError as exc:
            return error(400, "bad_item", str(exc))
        return web.json_response(stored, dumps=_dumps)

    async def amend(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        changes = body.get("changes") or {}
        try:
            stored = self.world.amend(str(body.get("number", "")), dict(changes))
        except KeyError as exc:
            return error(404, "not_found", str(exc))
        except ValueError as exc:
            return error(400, "bad_item", str(exc))
        return web.json_response(stored, dumps=_dumps)

    async def generate(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        n = body.get("declarations", 0)
        if not isinstance(n, int) or not 0 <= n <= 1_000_000:
            return error(400, "bad_count", "declarations: 0–1000000")
        total = self.world.generate(n)
        return web.json_response({"generated": n, "declarations": total,
                                  "last_seq": self.world.last_seq("declarations")})

    async def anomalies(self, request: web.Request) -> web.Response:
        return web.json_response(self.world.anomalies, dumps=_dumps)

    async def get_stats(self, request: web.Request) -> web.Response:
        return web.json_response({"requests": dict(self.stats), "total": sum(self.stats.values()),
                                  "fault": self.fault, "feeds": {
                                      f: self.world.last_seq(f) for f in FEEDS}})


def _listen(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


async def serve(gateway: Gateway, port: int) -> None:
    """Serves on 127.0.0.1:`port` (0: any) until our standard input closes."""
    sock = _listen(port)
    runner = web.AppRunner(gateway.app(), handler_cancellation=True, shutdown_timeout=1.0,
                           access_log=None)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    loop = asyncio.get_running_loop()
    closed = asyncio.Event()

    def wait_for_eof() -> None:
        serve_until_stdin_eof(int(sock.getsockname()[1]))
        loop.call_soon_threadsafe(closed.set)

    threading.Thread(target=wait_for_eof, name="stdin", daemon=True).start()
    try:
        await closed.wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--seed", type=int, default=888)
    p.add_argument("--epoch", help="the world's now, ISO 8601 (naive: UTC); default: now")
    p.add_argument("--token", default="demo-token")
    p.add_argument("--fault", choices=FAULTS, default="none")
    p.add_argument("--page-limit", type=int, default=MAX_LIMIT,
                   help="at most this many items a page, whatever the limit asked")
    p.add_argument("--stdin-eof-quits", action="store_true",
                   help="(always so; accepted for the harness's command lines)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    world = World(args.seed, parse_epoch(args.epoch) if args.epoch else None)
    gateway = Gateway(world, args.token, page_limit=args.page_limit, fault=args.fault)
    log.info("world of seed %d at %s: %d declarations", args.seed, world.epoch,
             len(world.declarations))
    asyncio.run(serve(gateway, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
