"""Typed, versioned settings of one workstation: a JSON file in the user's config
folder, with environment overrides for the database URL and the data folder."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from app.errors import QT_TRANSLATE_NOOP, SettingsError

APP_NAME = "customs-dutyroom"
SCHEMA_VERSION = 2
ENV_DB_URL = "CUSTOMS_DB_URL"
ENV_DATA_DIR = "CUSTOMS_DATA_DIR"
ENV_CONFIG_DIR = "CUSTOMS_CONFIG_DIR"
ENV_DB_PERSONAL = "CUSTOMS_DB_PERSONAL_LOGIN"     # "1": one database login per person
ENV_DB_ROLE_PREFIX = "CUSTOMS_DB_ROLE_PREFIX"

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass
class Settings:
    """What a workstation keeps. Times are local ("HH:MM", Asia/Ho_Chi_Minh)."""

    schema_version: int = SCHEMA_VERSION
    database_url: str | None = None          # None: SQLite file in the data folder
    # PostgreSQL with one login role per person (docs/security.md): the URL names no
    # user; each officer logs in as <prefix>u_<user name> with his own password.
    database_personal_login: bool = False
    database_role_prefix: str = "dr_"
    data_dir: str | None = None              # None: the platform's user data folder
    desk_code: str = "HQ"                    # the desk this console works for
    language: str = "vi"                     # "vi" or "en"
    timezone: str = "Asia/Ho_Chi_Minh"
    shift_start: str = "08:00"               # Đ5.4: 08:00 to 08:00 next day
    office_start: str = "07:30"
    office_end: str = "16:30"
    office_days: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])  # Mon..Fri
    lock_after_minutes: int = 15             # screen lock after inactivity, 0 = never
    poll_interval_ms: int = 200              # SQLite change polling
    reconnect_max_s: float = 30.0
    camera_outage_after_s: float = 60.0      # down longer: logged and notified (Đ14.1.1d)
    evidence_dir: str | None = None          # screenshots; None: data folder/evidence
    # The image check's thresholds (video/drift.py DriftThresholds names:
    # max_shift_pct, max_rotation_deg, …); what is not given keeps its default.
    drift_thresholds: dict[str, float] = field(default_factory=dict)
    # Sending issued documents by e-mail (app/mail.py); no host: e-mail is off.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_sender: str | None = None
    # The duty log's anchor (app/anchor): a signed checkpoint every so many entries
    # while a shift leader's key is unlocked on this console.
    checkpoint_every: int = 50
    # The customs integration gateway (datasources/customs_gateway/, the contract in
    # datasources/contracts/customs-gateway.yaml); no URL: its feeds are off. The token
    # is the duty room's; the unit is the one that manages the gateway (fault notices).
    customs_gateway_url: str | None = None
    customs_gateway_token: str = ""
    customs_gateway_unit: str | None = None
    customs_poll_s: float = 10.0
    # the gate-recognition feed is read more often: its reads raise the critical alerts
    # (Đ14.1.3), on screen within a second of the gateway publishing them
    customs_gate_poll_s: float = 0.5

    # -- derived -------------------------------------------------------------
    def shift_start_time(self) -> time:
        return _parse_time(self.shift_start, "shift_start")

    def office_hours(self) -> tuple[time, time]:
        return (_parse_time(self.office_start, "office_start"),
                _parse_time(self.office_end, "office_end"))

    def resolved_data_dir(self) -> Path:
        return Path(self.data_dir) if self.data_dir else Path(platformdirs.user_data_dir(APP_NAME))

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_data_dir() / 'dutyroom.sqlite'}"

    def validate(self) -> None:
        self.shift_start_time()
        start, end = self.office_hours()
        if end <= start:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Office hours end ({end}) must be after they start ({start})."),
                start=self.office_start, end=self.office_end)
        if not re.match(r"^[a-z][a-z0-9_]{0,15}$", self.database_role_prefix):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "database_role_prefix '{value}' must be lower-case letters, digits "
                          "or '_' (up to 16), starting with a letter."),
                value=self.database_role_prefix)
        if self.language not in ("vi", "en"):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Unknown language '{value}' (expected vi or en)."), value=self.language)
        if not all(isinstance(d, int) and 0 <= d <= 6 for d in self.office_days):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "office_days must list weekdays 0 (Monday) to 6 (Sunday)."))
        if self.database_url is not None and not re.match(r"^[a-z0-9+]+://", self.database_url):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "The database URL '{value}' is not a valid URL "
                          "(e.g. postgresql+psycopg://host/db or sqlite:///file)."),
                value=self.database_url)
        if self.camera_outage_after_s < 0:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "camera_outage_after_s cannot be negative."))
        if not 0 < self.smtp_port < 65536:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "smtp_port must be a TCP port (1–65535), not {value}."),
                value=self.smtp_port)
        if self.customs_gateway_url is not None and not str(
                self.customs_gateway_url).startswith(("http://", "https://")):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "customs_gateway_url must be an http:// or https:// address, not "
                          "{value}."), value=str(self.customs_gateway_url)[:80])
        for name in ("customs_poll_s", "customs_gate_poll_s"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0.1 <= value <= 3600:
                raise SettingsError(QT_TRANSLATE_NOOP(
                    "errors", "{name} must be between 0.1 and 3600 seconds."), name=name)
        if not isinstance(self.checkpoint_every, int) or isinstance(
                self.checkpoint_every, bool) or self.checkpoint_every < 1:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "checkpoint_every must be a whole number of entries (1 or more), "
                          "not {value}."), value=self.checkpoint_every)
        if self.lock_after_minutes < 0:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "lock_after_minutes cannot be negative."))
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Setting timezone: unknown time zone '{value}' "
                          "(e.g. Asia/Ho_Chi_Minh)."), value=self.timezone) from exc
        # The names and ranges are the image check's (video/drift.py, which the core
        # cannot import): here, that it is a mapping of names to numbers at all.
        thresholds = self.drift_thresholds
        if not isinstance(thresholds, dict) or not all(
                isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
                and math.isfinite(v) for k, v in thresholds.items()):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Setting drift_thresholds must map threshold names to numbers, "
                          "not {value}."),
                value=json.dumps(thresholds, ensure_ascii=False, default=str))


def _parse_time(value: str, name: str) -> time:
    m = _TIME_RE.match(value or "")
    if not m:
        raise SettingsError(QT_TRANSLATE_NOOP(
            "errors", "Setting {name} must be a time HH:MM, not '{value}'."),
            name=name, value=value)
    return time(int(m.group(1)), int(m.group(2)))


def config_dir() -> Path:
    env = os.environ.get(ENV_CONFIG_DIR)
    return Path(env) if env else Path(platformdirs.user_config_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _migrate(raw: dict) -> dict:
    """Bring an older settings file to SCHEMA_VERSION."""
    version = raw.get("schema_version", 1)
    if version == 1:
        # v1 called the database URL "db_url" and had no desk.
        if "db_url" in raw:
            raw["database_url"] = raw.pop("db_url")
        raw.setdefault("desk_code", "HQ")
        version = 2
    raw["schema_version"] = version
    return raw


def load(path: Path | None = None, apply_env: bool = True) -> Settings:
    """Read the settings file (defaults when absent), migrate, apply the
    environment overrides and validate. Raises SettingsError with a clear message."""
    path = path or settings_path()
    raw: dict = {}
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Cannot read the settings file {path}: {reason}"),
                path=str(path), reason=str(exc)) from exc
        if not isinstance(raw, dict):
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "The settings file {path} must hold a JSON object."), path=str(path))
        version = raw.get("schema_version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Setting {name} has the wrong type ({value!r})."),
                name="schema_version", value=version)
        if version > SCHEMA_VERSION:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "The settings file {path} is from a newer version of the client."),
                path=str(path))
        raw = _migrate(raw)
    known = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise SettingsError(QT_TRANSLATE_NOOP(
            "errors", "Unknown setting(s) in {path}: {names}"),
            path=str(path), names=", ".join(unknown))
    try:
        settings = Settings(**raw)
    except TypeError as exc:
        raise SettingsError(QT_TRANSLATE_NOOP(
            "errors", "Invalid settings file {path}: {reason}"),
            path=str(path), reason=str(exc)) from exc
    for name, f in known.items():
        value = getattr(settings, name)
        expected = f.type if isinstance(f.type, str) else ""
        if value is None:
            ok = "None" in expected      # null only where the setting is optional
        elif expected.startswith(("int", "str", "float")):
            kinds: dict[str, type | tuple[type, ...]] = {"int": int, "str": str,
                                                        "float": (int, float)}
            py = kinds[expected.split(" ")[0]]
            ok = isinstance(value, py) and not isinstance(value, bool)
        elif expected.startswith("list[int]"):
            ok = isinstance(value, list) and all(
                isinstance(v, int) and not isinstance(v, bool) for v in value)
        else:
            ok = True
        if not ok:
            raise SettingsError(QT_TRANSLATE_NOOP(
                "errors", "Setting {name} has the wrong type ({value!r})."), name=name, value=value)
    if apply_env:
        if os.environ.get(ENV_DB_URL):
            settings.database_url = os.environ[ENV_DB_URL]
        if os.environ.get(ENV_DATA_DIR):
            settings.data_dir = os.environ[ENV_DATA_DIR]
        if os.environ.get(ENV_DB_PERSONAL):
            settings.database_personal_login = os.environ[ENV_DB_PERSONAL] == "1"
        if os.environ.get(ENV_DB_ROLE_PREFIX):
            settings.database_role_prefix = os.environ[ENV_DB_ROLE_PREFIX]
    settings.validate()
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(settings), indent=2, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, path)
