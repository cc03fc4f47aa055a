"""The seat's ``config.toml`` as the wizard leaves it: language, database and base map set, every
other key and section that was already there kept (comments are not: the file is rewritten).

The database password never enters the file (``config.load_settings`` refuses one): it goes to the
OS keyring when this workstation has one, else the person is told to set
``COMMANDCENTER_DB_PASSWORD``. The new text is read back through ``config.load_settings`` before it
replaces the old file (written beside it, then renamed), so a seat never ends up with a file it
cannot start from.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from commandcenter.config import ConfigError, MapSettings, Settings, load_settings
from commandcenter.secrets import store_database_password, without_password
from commandcenter.setup.toml_text import dumps

HEADER = """CommandCenter configuration of this seat, written by the first-run wizard.
Environment variables override it: COMMANDCENTER_DB_URL, COMMANDCENTER_LANG, …
Never put a database password here: the OS keyring (service "commandcenter", the URL's user
name) or COMMANDCENTER_DB_PASSWORD supplies it."""


@dataclass(frozen=True)
class SeatChoices:
    """What the wizard decided. ``database_url`` may carry a password (it is split off here);
    None means the default embedded SQLite file."""

    language: str
    database_url: str | None
    map: MapSettings


@dataclass(frozen=True)
class WrittenConfig:
    path: Path
    settings: Settings
    password_in_keyring: bool  # False with a password: set COMMANDCENTER_DB_PASSWORD
    needs_password: bool  # the database URL has a password at all


def write_seat_config(path: Path, choices: SeatChoices) -> WrittenConfig:
    """Merge ``choices`` into the file at ``path`` (created with its folder if missing). Raises
    ``ConfigError`` (the existing file is malformed, or the result would not load) and ``OSError``."""
    raw = _existing(path)
    url, password = without_password(choices.database_url) if choices.database_url else (None, None)
    raw["language"] = choices.language
    if url is None:
        raw.pop("database_url", None)
    else:
        raw["database_url"] = url
    current_map = raw.get("map", {})
    raw["map"] = {**current_map, **_map_keys(choices.map)}
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(path.name + ".new")
    draft.write_text(dumps(_ordered(raw), HEADER), encoding="utf-8")
    try:
        load_settings(draft, environ={}, required=True)  # the file alone must load
    except ConfigError:
        draft.unlink(missing_ok=True)
        raise
    os.replace(draft, path)
    settings = load_settings(path, required=True)  # what this seat runs with: the environment applies
    stored = False
    if password is not None and url is not None:
        stored = store_database_password(urlsplit(url).username or "", password)
    return WrittenConfig(path, settings, stored, password is not None)


def _existing(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"配置文件 {path} 格式错误 (malformed config file): {error}") from error


def _map_keys(settings: MapSettings) -> dict[str, Any]:
    keys: dict[str, Any] = {"base": settings.base, "datum": settings.datum}
    keys["xyz_url"] = settings.xyz_url if settings.base == "xyz" else ""
    keys["mbtiles_path"] = settings.mbtiles_path if settings.base == "mbtiles" else ""
    return keys


def _ordered(raw: dict[str, Any]) -> dict[str, Any]:
    """Top-level keys first (TOML needs them before the first table), then the tables."""
    plain = {key: value for key, value in raw.items() if not isinstance(value, dict)}
    return {**plain, **{key: value for key, value in raw.items() if isinstance(value, dict)}}
