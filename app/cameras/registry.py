"""The camera registry (DESIGN.md §6, issue 3 item 1): cameras with main and sub
RTSP URLs, an optional relay URL template, ONVIF endpoint, site, area type,
zone, managing unit, map position and kind. Imported from CSV or JSON (all or
nothing, errors with file and line), edited by an admin (optimistic locking).

Credentials are kept in the shared database encrypted at rest with the *site
key* (Fernet, from the `cryptography` package). The key is, in this order:

1. the environment variable ``CUSTOMS_SITE_KEY`` (a Fernet key: 32 url-safe
   base64-encoded bytes, as ``Fernet.generate_key()`` prints it);
2. the file ``site.key`` in the workstation's data folder, created (mode 0600)
   with a fresh key on first use.

Every workstation of a site must use the same key (deploy it through the
environment or copy ``site.key``, readable by its owner only: on POSIX a key file
other users can read is refused with a message saying how to fix it), otherwise it
cannot read the credentials; the database alone never reveals them. Stream URLs
with credentials inserted exist only in memory (`CameraRegistry.stream_url`) and
are never logged.
"""

from __future__ import annotations

import json
import json.scanner
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.limits import too_long
from app.db.models import Camera, OrgUnit
from app.errors import QT_TRANSLATE_NOOP, ImportFileError, NotFound, ValidationError, conflict
from app.parsing import load_json, read_csv, to_bool, to_float

log = logs.get("cameras")

ENV_SITE_KEY = "CUSTOMS_SITE_KEY"
KEY_FILE = "site.key"
AREA_TYPES = ("road_border_gate", "seaport", "airport")
KINDS = ("fixed", "ptz", "recognition", "mobile")
STREAMS = ("main", "sub")
TOPIC = Topic.CAMERA

# The columns of a CSV file and the fields of a JSON object.
FIELDS = ("code", "name", "site", "area_type", "zone", "unit", "kind", "main_url", "sub_url",
          "relay_url", "onvif_url", "lat", "lon", "plan_x", "plan_y", "heading", "active",
          "username", "password")
REQUIRED = ("code", "name", "site", "area_type", "unit", "kind", "main_url")
_FLOATS = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "plan_x": (None, None),
           "plan_y": (None, None), "heading": (0.0, 360.0)}
# Fields kept as text in their own column (sized: app.db.limits).
_TEXTS = ("code", "name", "site", "zone", "main_url", "sub_url", "relay_url", "onvif_url")
# Fields an admin may edit through update_camera (credentials apart).
EDITABLE = ("name", "site", "area_type", "zone", "unit_id", "kind", "main_url", "sub_url",
            "relay_url", "onvif_url", "lat", "lon", "plan_x", "plan_y", "heading", "active")


# -- the site key ---------------------------------------------------------------------
class SiteKey:
    """Encrypts and decrypts camera credentials with the site's Fernet key."""

    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def __repr__(self) -> str:  # never show the key
        return "SiteKey(…)"

    @classmethod
    def load(cls, data_dir: Path) -> SiteKey:
        """The key from CUSTOMS_SITE_KEY, else data_dir/site.key (created on first use)."""
        env = os.environ.get(ENV_SITE_KEY, "").strip()
        if env:
            try:
                return cls(env.encode("ascii"))
            except (ValueError, UnicodeEncodeError) as exc:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The site key in {name} is not a valid key."), name=ENV_SITE_KEY) \
                    from exc
        path = Path(data_dir) / KEY_FILE
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            key = Fernet.generate_key()
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass  # another process created it first: use theirs
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(key + b"\n")
                log.info("created a new site key file %s", path)
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            # Refused, not quietly tightened: whoever could read it may have copied
            # it, which only the site can judge (and replace the key); using it
            # would keep the door open without anyone knowing.
            log.error("the site key file %s can be read by other users: not used", path)
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The site key file {name} can be read by other users of this "
                          "computer, so it was not used. Make it private (chmod 600 {name}); "
                          "it may have been copied: consider a new site key."),
                name=str(path))
        try:
            return cls(path.read_bytes().strip())
        except ValueError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The site key in {name} is not a valid key."), name=str(path)) from exc

    def encrypt(self, username: str, password: str) -> str:
        payload = json.dumps({"u": username, "p": password}, ensure_ascii=False)
        return self._fernet.encrypt(payload.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> tuple[str, str]:
        try:
            data = json.loads(self._fernet.decrypt(token.encode("ascii")))
        except (InvalidToken, ValueError) as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The camera credentials cannot be read with this workstation's "
                          "site key.")) from exc
        return str(data["u"]), str(data["p"])


# -- parsing ----------------------------------------------------------------------------
@dataclass
class CameraData:
    """Parsed camera records of one file; each item keeps its `__line__`."""

    filename: str
    items: list[dict[str, Any]]


def _read(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError([(Path(path).name, 0, str(exc))]) from exc


def parse_csv(path: Path) -> CameraData:
    """cameras.csv with the columns of FIELDS (a header row; unknown columns refused)."""
    name = Path(path).name
    table = read_csv(_read(path), name)
    columns = [c.strip() for c in table.fieldnames]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError([(name, 1, QT_TRANSLATE_NOOP(
            "errors", "missing column(s): {columns}"), {"columns": ", ".join(missing)})])
    unknown = [c for c in columns if c and c not in FIELDS]
    if unknown:
        raise ImportFileError([(name, 1, QT_TRANSLATE_NOOP(
            "errors", "unknown column(s): {columns}"), {"columns": ", ".join(unknown)})])
    items = []
    for line, row in table.rows:
        item: dict[str, Any] = {k.strip(): v.strip() for k, v in row.items()
                                if k and isinstance(v, str) and v.strip() != ""}
        if None in row:  # more cells than columns
            item["__extra__"] = True
        item["__line__"] = line
        items.append(item)
    return CameraData(name, items)


def parse_json(path: Path) -> CameraData:
    """A JSON list of camera objects, or an object with a "cameras" list."""
    name = Path(path).name
    try:
        raw = load_json(_read(path))
    except json.JSONDecodeError as exc:
        raise ImportFileError([(name, exc.lineno, exc.msg)]) from exc
    if isinstance(raw, dict) and "cameras" in raw:
        raw = raw["cameras"]
    if not isinstance(raw, list):
        raise ImportFileError([(name, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold a list of cameras"))])
    items = [item if isinstance(item, dict) else {"__line__": 0, "__bad__": True} for item in raw]
    return CameraData(name, items)


def parse_file(path: Path) -> CameraData:
    return parse_json(path) if Path(path).suffix.lower() == ".json" else parse_csv(path)


# -- validation -------------------------------------------------------------------------
def _url_problem(value: Any, schemes: tuple[str, ...]) -> str | None:
    """None if `value` is a URL of one of `schemes` with a host and no credentials,
    else the problem's template (values: code, field)."""
    malformed = QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is not a valid URL")
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value):
        return malformed
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises on a bad port
    except ValueError:
        return malformed
    if parts.scheme.lower() not in schemes or not parts.hostname:
        return malformed
    if parts.username is not None or parts.password is not None:
        return QT_TRANSLATE_NOOP("errors", "camera {code}: {field} must not contain credentials "
                                           "(give them as username and password)")
    return None


def _relay_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is not a valid URL")
    try:
        sample = value.format(code="CAM-1", stream="sub")
    except (KeyError, IndexError, ValueError):
        return QT_TRANSLATE_NOOP("errors", "camera {code}: the relay URL may only use the "
                                           "placeholders {{code}} and {{stream}}")
    return _url_problem(sample, ("rtsp", "rtsps"))


def check_fields(item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Problems with one camera's values (templates and their values); normalises
    numbers and booleans in place. Units are checked by the caller."""
    problems: list[tuple[str, dict[str, Any]]] = []
    code = str(item.get("code") or "")

    def bad(template: str, **values: Any) -> None:
        problems.append((template, {"code": code, **values}))

    for key in ("name", "site"):
        if key in item and not str(item.get(key) or "").strip():
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is required"), field=key)
    for key, limit in too_long(Camera, item, only=[k for k in item if k in _TEXTS]):
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is longer than {limit} "
                                        "characters"), field=key, limit=limit)
    if "area_type" in item and item["area_type"] not in AREA_TYPES:
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: area type must be one of {values}"),
            values=", ".join(AREA_TYPES))
    if "kind" in item and item["kind"] not in KINDS:
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: kind must be one of {values}"),
            values=", ".join(KINDS))
    for key, schemes in (("main_url", ("rtsp", "rtsps")), ("sub_url", ("rtsp", "rtsps")),
                         ("onvif_url", ("http", "https"))):
        if item.get(key) is not None and (why := _url_problem(item[key], schemes)):
            bad(why, field=key)
    if "main_url" in item and item["main_url"] is None:
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is required"), field="main_url")
    if item.get("relay_url") is not None and (why := _relay_problem(item["relay_url"])):
        bad(why, field="relay_url")
    for key, (low, high) in _FLOATS.items():
        if item.get(key) is None:
            continue
        f = to_float(item[key])
        if f is None or (low is not None and not low <= f <= high):  # type: ignore[operator]
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} must be a number{range}"),
                field=key, range=f" ({low} … {high})" if low is not None else "")
        else:
            item[key] = f
    if item.get("active") is not None:
        b = to_bool(item["active"])
        if b is None:
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: active must be true or false"))
        else:
            item["active"] = b
    return problems


def validate(data: CameraData, known_units: set[str]) -> None:
    """Raise ImportFileError listing every problem (file and line)."""
    problems: list[tuple] = []
    seen: set[str] = set()
    for item in data.items:
        line = int(item.get("__line__", 0))

        def bad(template: str, values: dict[str, Any] | None = None, _line: int = line) -> None:
            problems.append((data.filename, _line, template, values or {}))

        if item.get("__bad__"):
            bad(QT_TRANSLATE_NOOP("errors", "a camera must be an object"))
            continue
        if item.get("__extra__"):
            bad(QT_TRANSLATE_NOOP("errors", "more cells than columns"))
        unknown = [k for k in item if not k.startswith("__") and k not in FIELDS]
        if unknown:
            bad(QT_TRANSLATE_NOOP("errors", "unknown field(s): {columns}"),
                {"columns": ", ".join(sorted(unknown))})
        for key in FIELDS:  # JSON numbers and booleans where text is expected
            if key in item and key not in _FLOATS and key != "active" and item[key] is not None:
                item[key] = str(item[key]).strip()
        code = item.get("code") or ""
        if not code:
            bad(QT_TRANSLATE_NOOP("errors", "camera without code"))
        elif code in seen:
            bad(QT_TRANSLATE_NOOP("errors", "duplicate camera code {code}"), {"code": code})
        seen.add(code)
        missing = [k for k in REQUIRED if k != "code" and not item.get(k)]
        for key in missing:
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} is required"),
                {"code": code, "field": key})
        for key in ("name", "site", "main_url"):  # reported above when missing
            if key in missing:
                item.pop(key, None)
        for template, values in check_fields(item):
            bad(template, values)
        if item.get("unit") and item["unit"] not in known_units:
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: unknown unit {unit}"),
                {"code": code, "unit": item["unit"]})
        if item.get("password") and not item.get("username"):
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: a password needs a username"),
                {"code": code})
    if problems:
        raise ImportFileError(problems)


# -- the registry -----------------------------------------------------------------------
class CameraRegistry:
    """Reads, imports and edits cameras; builds stream URLs with credentials."""

    def __init__(self, db: Database, clock: Clock, data_dir: Path) -> None:
        self.db = db
        self.clock = clock
        self.data_dir = Path(data_dir)
        self._key: SiteKey | None = None

    @property
    def site_key(self) -> SiteKey:
        if self._key is None:
            self._key = SiteKey.load(self.data_dir)
        return self._key

    # reading
    def cameras(self, active_only: bool = False) -> list[Camera]:
        with self.db.read() as s:
            q = select(Camera).order_by(Camera.site, Camera.zone, Camera.code)
            if active_only:
                q = q.where(Camera.active.is_(True))
            return list(s.scalars(q))

    def camera(self, code: str) -> Camera:
        with self.db.read() as s:
            cam = s.scalar(select(Camera).where(Camera.code == code))
        if cam is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."), code=code)
        return cam

    def sites(self) -> dict[str, list[Camera]]:
        """Cameras grouped by site (the camera tree's first level)."""
        out: dict[str, list[Camera]] = {}
        for cam in self.cameras():
            out.setdefault(cam.site, []).append(cam)
        return out

    def stream_url(self, camera: Camera, stream: str = "sub") -> str:
        """The URL a decoder opens: the relay's when the camera has a relay
        template, else the camera's own with its credentials inserted. Keep it
        in memory only: it may hold a password."""
        if stream not in STREAMS:
            raise ValueError(f"stream must be one of {STREAMS}")
        if camera.relay_url:
            return camera.relay_url.format(code=quote(camera.code, safe=""), stream=stream)
        url = camera.sub_url if stream == "sub" and camera.sub_url else camera.main_url
        if not camera.credentials:
            return url
        username, password = self.site_key.decrypt(camera.credentials)
        parts = urlsplit(url)
        userinfo = quote(username, safe="") + (":" + quote(password, safe="") if password else "")
        return parts._replace(netloc=f"{userinfo}@{parts.netloc}").geturl()

    def credentials(self, actor: CurrentUser, camera: Camera) -> tuple[str, str] | None:
        """The decrypted user name and password, for the admin editor."""
        require(actor, Permission.CAMERA_ADMIN)
        return self.site_key.decrypt(camera.credentials) if camera.credentials else None

    # writing
    def import_file(self, actor: CurrentUser | None, path: Path) -> dict[str, int]:
        return self.import_cameras(actor, parse_file(path))

    def import_cameras(self, actor: CurrentUser | None, data: CameraData) -> dict[str, int]:
        """Validate every record, then upsert by code in one transaction. Nothing is
        written when a record is wrong. Credentials not given are kept."""
        if actor is not None:
            require(actor, Permission.CAMERA_ADMIN)
        counts = {"created": 0, "updated": 0}
        with self.db.write() as s:
            units = {u.code: u.id for u in s.scalars(select(OrgUnit))}
            validate(data, set(units))
            existing = {c.code: c for c in s.scalars(select(Camera))}
            for item in data.items:
                cam = existing.get(item["code"])
                counts["updated" if cam else "created"] += 1
                if cam is None:
                    cam = Camera(code=item["code"])
                    s.add(cam)
                    existing[cam.code] = cam
                cam.name, cam.site = item["name"], item["site"]
                cam.area_type, cam.kind = item["area_type"], item["kind"]
                cam.zone = item.get("zone")
                cam.unit_id = units[item["unit"]]
                cam.main_url, cam.sub_url = item["main_url"], item.get("sub_url")
                cam.relay_url, cam.onvif_url = item.get("relay_url"), item.get("onvif_url")
                for key in _FLOATS:
                    setattr(cam, key, item.get(key))
                cam.active = item.get("active") is not False
                if item.get("username"):
                    cam.credentials = self.site_key.encrypt(item["username"],
                                                            item.get("password") or "")
            s.flush()
            record_change(s, self.clock, None, TOPIC)
        log.info("imported cameras from %s: %s", data.filename, counts)
        return counts

    def update_camera(self, actor: CurrentUser, camera_id: int, version: int,
                      **changes: Any) -> Camera:
        """Edit a camera as the admin read it (`version`: optimistic locking).
        `username`/`password` replace the credentials; `username=""` clears them."""
        require(actor, Permission.CAMERA_ADMIN)
        unknown = set(changes) - set(EDITABLE) - {"username", "password"}
        if unknown:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "unknown field(s): {columns}"),
                                  columns=", ".join(sorted(unknown)))
        with self.db.write() as s:
            cam = s.get(Camera, camera_id)
            if cam is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The camera no longer exists."))
            if cam.version != version:
                raise conflict(cam.name)
            values = {k: v for k, v in changes.items() if k in EDITABLE}
            values["code"] = cam.code
            problems = check_fields(values)
            if "unit_id" in values and s.get(OrgUnit, values["unit_id"]) is None:
                problems.append((QT_TRANSLATE_NOOP("errors", "camera {code}: unknown unit {unit}"),
                                 {"code": cam.code, "unit": values["unit_id"]}))
            if problems:
                template, vals = problems[0]
                raise ValidationError(template, **vals)
            for key, value in values.items():
                if key != "code":
                    setattr(cam, key, value)
            if "username" in changes:
                cam.credentials = (self.site_key.encrypt(changes["username"],
                                                         changes.get("password") or "")
                                   if changes["username"] else None)
            s.flush()
            record_change(s, self.clock, None, TOPIC, cam.id)
        log.info("camera %s edited by %s (%s)", cam.code, actor.username,
                 ", ".join(sorted(k for k in changes if k != "password")))
        return cam


# -- the demo site ------------------------------------------------------------------------
# (code, name, zone, kind, lat, lon, heading)
# Zones are named as in the area checklists (resources/site/checklists.yaml, Đ14.4).
_DV = ("Cảng Đình Vũ", "seaport", "KV3-DV", [
    ("DV-CAM-01", "Cổng A - làn vào", "Cổng cảng", "recognition", 20.8432, 106.7671, 90),
    ("DV-CAM-02", "Cổng A - làn ra", "Cổng cảng", "recognition", 20.8433, 106.7674, 270),
    ("DV-CAM-03", "Bãi container số 1", "Khu vực bến tập kết hàng hóa", "ptz",
     20.8401, 106.7702, 135),
    ("DV-CAM-04", "Bãi container số 2", "Khu vực bến tập kết hàng hóa", "fixed",
     20.8395, 106.7725, 180),
    ("DV-CAM-05", "Cầu tàu số 1", "Khu vực cầu tàu, xếp dỡ hàng hóa", "ptz",
     20.8368, 106.7748, 200),
    ("DV-CAM-06", "Khu vực soi chiếu container", "Khu vực kiểm tra thực tế hàng hóa", "fixed",
     20.8412, 106.7689, 45),
    ("DV-CAM-07", "Cổng B", "Cổng cảng", "recognition", 20.8440, 106.7760, 0),
    ("DV-CAM-08", "Kho CFS", "Kho hàng", "fixed", 20.8420, 106.7735, 315),
    ("DV-CAM-09", "Xe chỉ huy lưu động", "Lưu động", "mobile", 20.8425, 106.7700, 0),
])
_HN = ("Cửa khẩu quốc tế Hữu Nghị", "road_border_gate", "KV7-HN", [
    ("HN-CAM-01", "Làn xuất cảnh hành khách", "Khu vực làm thủ tục hải quan", "fixed",
     21.9688, 106.6996, 10),
    ("HN-CAM-02", "Làn nhập cảnh hành khách", "Khu vực chờ xuất cảnh, nhập cảnh", "fixed",
     21.9687, 106.6999, 190),
    ("HN-CAM-03", "Barie làn xe xuất khẩu", "Luồng xuất cảnh, nhập cảnh", "recognition",
     21.9671, 106.7012, 350),
    ("HN-CAM-04", "Barie làn xe nhập khẩu", "Luồng xuất cảnh, nhập cảnh", "recognition",
     21.9673, 106.7015, 170),
    ("HN-CAM-05", "Bãi kiểm hóa tập trung", "Địa điểm kiểm tra hàng hóa tập trung", "ptz",
     21.9650, 106.7040, 60),
    ("HN-CAM-06", "Bãi xe chờ xuất khẩu", "Khu vực tập kết phương tiện vận tải", "ptz",
     21.9632, 106.7061, 30),
    ("HN-CAM-07", "Trạm cân xe tải", "Khu vực tập kết hàng hóa", "fixed",
     21.9660, 106.7027, 300),
    ("HN-CAM-08", "Máy soi hành lý", "Khu vực làm thủ tục hành lý", "fixed",
     21.9690, 106.6993, 90),
    ("HN-CAM-09", "Mốc biên giới - đường chuyên dụng", "Đường chuyên dụng", "ptz",
     21.9712, 106.7008, 20),
])


DEMO_ONVIF_LOGIN = ("admin", "demo123")


def demo_cameras(port: int = 8554, host: str = "127.0.0.1", *, ptz_port: int | None = None,
                 onvif_port: int | None = None) -> list[dict[str, Any]]:
    """The demo site's cameras (import records) served by the RTSP simulator on
    `host:port` as rtsp://host:port/{code}/main and /sub; the PTZ cameras' pictures by
    the PTZ scene server on `ptz_port` (if given) and their ONVIF service on
    `onvif_port` (default port + 1000)."""
    out: list[dict[str, Any]] = []
    onvif_port = onvif_port or port + 1000
    for site, area_type, unit, cams in (_DV, _HN):
        for code, name, zone, kind, lat, lon, heading in cams:
            served_by = ptz_port if kind == "ptz" and ptz_port else port
            base = f"rtsp://{host}:{served_by}/{code}"
            item: dict[str, Any] = {
                "code": code, "name": name, "site": site, "area_type": area_type, "zone": zone,
                "unit": unit, "kind": kind, "main_url": f"{base}/main", "sub_url": f"{base}/sub",
                "lat": lat, "lon": lon, "heading": float(heading), "active": True}
            if kind == "ptz":
                item["onvif_url"] = f"http://{host}:{onvif_port}/{code}/onvif/device_service"
                # the simulated ONVIF service asks for them (video/sim/demo_site.py)
                item["username"], item["password"] = DEMO_ONVIF_LOGIN
            out.append(item)
    return out


def seed_demo_cameras(ctx: Any, port: int = 8554, *, ptz_port: int | None = None,
                      onvif_port: int | None = None) -> dict[str, int]:
    """Import (upsert) the demo cameras into `ctx.cameras`' database (`ptz_port`,
    `onvif_port` as for demo_cameras)."""
    items = demo_cameras(port, ptz_port=ptz_port, onvif_port=onvif_port)
    for line, item in enumerate(items, start=1):
        item["__line__"] = line
    return ctx.cameras.import_cameras(None, CameraData("demo_cameras", items))
