"""Settings: defaults, the JSON file round trip, environment overrides, the v1
migration, and every broken file reported as a SettingsError that names the
problem (never a raw traceback), down to main.py's exit code."""

from __future__ import annotations

import json
import re
from datetime import time
from pathlib import Path

import pytest

from app import settings as settings_mod
from app.errors import SettingsError
from app.settings import SCHEMA_VERSION, Settings, load, save
from main import main


@pytest.fixture
def no_env(monkeypatch):
    """The test session sets CUSTOMS_DATA_DIR; these tests decide the environment."""
    monkeypatch.delenv(settings_mod.ENV_DB_URL, raising=False)
    monkeypatch.delenv(settings_mod.ENV_DATA_DIR, raising=False)


def _write(path: Path, content: object) -> Path:
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_defaults_are_valid():
    s = Settings()
    s.validate()
    assert s.schema_version == SCHEMA_VERSION
    assert s.shift_start_time() == time(8, 0)
    assert s.office_hours() == (time(7, 30), time(16, 30))
    assert s.office_days == [0, 1, 2, 3, 4]
    assert s.timezone == "Asia/Ho_Chi_Minh" and s.language == "vi" and s.desk_code == "HQ"


def test_missing_file_gives_the_defaults(tmp_path, no_env):
    assert load(tmp_path / "absent.json") == Settings()


def test_default_database_is_sqlite_in_the_data_folder(tmp_path):
    s = Settings(data_dir=str(tmp_path / "data"))
    assert s.resolved_data_dir() == tmp_path / "data"
    assert s.resolved_database_url() == f"sqlite:///{tmp_path / 'data' / 'dutyroom.sqlite'}"
    s.database_url = "postgresql+psycopg://db.local/customs"
    assert s.resolved_database_url() == "postgresql+psycopg://db.local/customs"


def test_round_trip(tmp_path, no_env):
    path = tmp_path / "cfg" / "settings.json"
    original = Settings(database_url="postgresql+psycopg://db.local/customs",
                        data_dir=str(tmp_path / "data"), desk_code="KV3", language="en",
                        shift_start="07:30", office_start="07:00", office_end="17:00",
                        office_days=[0, 1, 2, 3, 4, 5], lock_after_minutes=0,
                        poll_interval_ms=500, reconnect_max_s=12.5,
                        drift_thresholds={"max_shift_pct": 5.0})
    save(original, path)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert on_disk["desk_code"] == "KV3"
    assert not path.with_suffix(".tmp").exists()
    loaded = load(path)
    assert loaded == original
    assert loaded.shift_start_time() == time(7, 30)


def test_environment_overrides_the_file(tmp_path, monkeypatch, no_env):
    path = tmp_path / "settings.json"
    save(Settings(database_url="sqlite:////srv/file.sqlite", data_dir="/srv/data"), path)
    monkeypatch.setenv("CUSTOMS_DB_URL", "postgresql+psycopg://pg.example/duty")
    monkeypatch.setenv("CUSTOMS_DATA_DIR", str(tmp_path / "elsewhere"))
    s = load(path)
    assert s.database_url == "postgresql+psycopg://pg.example/duty"
    assert s.data_dir == str(tmp_path / "elsewhere")
    assert s.resolved_data_dir() == tmp_path / "elsewhere"
    # Without the environment the file's own values stand, and the file is unchanged.
    plain = load(path, apply_env=False)
    assert plain.database_url == "sqlite:////srv/file.sqlite" and plain.data_dir == "/srv/data"
    assert json.loads(path.read_text(encoding="utf-8"))["data_dir"] == "/srv/data"


def test_environment_url_is_validated_too(tmp_path, monkeypatch, no_env):
    monkeypatch.setenv("CUSTOMS_DB_URL", "just-a-name")
    with pytest.raises(SettingsError) as err:
        load(tmp_path / "absent.json")
    assert "just-a-name" in err.value.message()


def test_v1_file_is_migrated(tmp_path, no_env):
    path = _write(tmp_path / "settings.json",
                  {"db_url": "postgresql+psycopg://old-host/duty", "language": "en"})
    s = load(path)
    assert s.schema_version == SCHEMA_VERSION
    assert s.database_url == "postgresql+psycopg://old-host/duty"
    assert s.desk_code == "HQ"
    assert s.language == "en"
    # Saving writes the new layout: the old key is gone.
    save(s, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "db_url" not in raw and raw["database_url"] == "postgresql+psycopg://old-host/duty"
    assert load(path) == s


@pytest.mark.parametrize("content,expected", [
    ('{"language": "vi",', ["Cannot read the settings file", "settings.json"]),
    ("[1, 2]", ["must hold a JSON object"]),
    ({"bogus_key": 1, "desk_code": "HQ"}, ["Unknown setting", "bogus_key"]),
    ({"lock_after_minutes": "15"}, ["lock_after_minutes", "wrong type", "'15'"]),
    ({"reconnect_max_s": "fast"}, ["reconnect_max_s", "wrong type"]),
    ({"poll_interval_ms": True}, ["poll_interval_ms", "wrong type"]),
    ({"desk_code": 7}, ["desk_code", "wrong type"]),
    # These three escaped as a raw TypeError before the fix in settings.load.
    ({"office_days": 5}, ["office_days", "wrong type"]),
    ({"lock_after_minutes": None}, ["lock_after_minutes", "wrong type"]),
    ({"schema_version": "2"}, ["schema_version", "wrong type"]),
    ({"office_days": [0, 1, 9]}, ["office_days", "0 (Monday) to 6 (Sunday)"]),
    ({"shift_start": "25:00"}, ["shift_start", "25:00", "HH:MM"]),
    ({"office_start": "7h30"}, ["office_start", "7h30"]),
    ({"office_start": "17:00", "office_end": "08:00"}, ["Office hours end (08:00)", "(17:00)"]),
    ({"office_start": "08:00", "office_end": "08:00"}, ["Office hours end"]),
    ({"schema_version": SCHEMA_VERSION + 1}, ["newer version"]),
    ({"database_url": "not a url"}, ["not a valid URL", "not a url"]),
    ({"database_url": "C:\\duty\\room.sqlite"}, ["not a valid URL"]),
    ({"language": "fr"}, ["Unknown language", "fr"]),
    ({"lock_after_minutes": -1}, ["lock_after_minutes cannot be negative"]),
])
def test_broken_file_names_the_problem(tmp_path, no_env, content, expected):
    path = _write(tmp_path / "settings.json", content)
    with pytest.raises(SettingsError) as err:
        load(path)
    message = err.value.message()
    for part in expected:
        assert part in message, (part, message)
    assert "Traceback" not in message
    assert not re.search(r"\{[a-z_]+(![rs])?\}", message)  # every placeholder filled


def test_cli_exits_2_with_a_clear_message_on_a_broken_settings_file(tmp_path, monkeypatch,
                                                                     capsys, no_env):
    config = tmp_path / "config"
    config.mkdir()
    _write(config / "settings.json", {"shift_start": "25:00"})
    monkeypatch.setenv("CUSTOMS_CONFIG_DIR", str(config))
    assert main(["--verify-log"]) == 2
    err = capsys.readouterr().err
    assert "invalid settings" in err
    assert "shift_start" in err and "25:00" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content,names", [
    ('{"desk_code": ', "settings.json"),
    ({"office_days": 5}, "office_days"),           # a raw TypeError before the fix
    ({"schema_version": None}, "schema_version"),  # likewise
])
def test_cli_never_shows_a_traceback(tmp_path, monkeypatch, capsys, no_env, content, names):
    config = tmp_path / "config"
    config.mkdir()
    _write(config / "settings.json", content)
    monkeypatch.setenv("CUSTOMS_CONFIG_DIR", str(config))
    assert main(["--verify-log"]) == 2
    err = capsys.readouterr().err
    assert "invalid settings" in err and names in err
    assert "Traceback" not in err


def test_cli_rejects_a_bad_database_url_argument(tmp_path, monkeypatch, capsys, no_env):
    monkeypatch.setenv("CUSTOMS_CONFIG_DIR", str(tmp_path / "config"))  # no file: defaults
    assert main(["--db", "nonsense", "--verify-log"]) == 2
    assert "nonsense" in capsys.readouterr().err


def test_site_image_check_thresholds_reach_the_comparison(tmp_path, no_env):
    from video.drift import DriftThresholds  # noqa: PLC0415

    path = tmp_path / "settings.json"
    save(Settings(drift_thresholds={"max_shift_pct": 6.5}), path)
    thresholds = DriftThresholds.from_mapping(dict(load(path).drift_thresholds))
    assert thresholds.max_shift_pct == 6.5
    assert thresholds.max_rotation_deg == DriftThresholds().max_rotation_deg
