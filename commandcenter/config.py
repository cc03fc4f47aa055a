"""Settings: a TOML file plus environment overrides, validated into one frozen object.

Precedence (last wins): built-in defaults → ``config.toml`` in the user config dir (or the file
named by ``COMMANDCENTER_CONFIG``) → environment variables. A database password never belongs in
the file: put the URL in ``COMMANDCENTER_DB_URL`` (issue 7 adds the OS keyring). The first-run
wizard writes the file (``commandcenter.setup.seat_config``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from commandcenter import paths
from commandcenter.district_time import DEFAULT_TIME_ZONE, UnknownTimeZone, zone_named


class ConfigError(ValueError):
    """The configuration file or an override is malformed; the message names the file and key."""


@dataclass(frozen=True)
class SimulatorSettings:
    position_interval_s: float = 2.0  # every unit reports once per interval
    cases_per_hour: float = 120.0  # citizen/inspector reports arriving in the demo
    seed: int = 20171017  # the date of the leaders' visit in the seed article


@dataclass(frozen=True)
class StreamSettings:
    host: str = "127.0.0.1"
    port: int = 18_554
    clip_count: int = 6  # distinct demo clips; cameras share them round-robin
    # HTTP-FLV (a platform's ``.live.flv``) is played through the built-in FLV→TS remux
    # (``video/remux/flv_to_ts``): first picture at the first keyframe instead of after libavformat's
    # 1.4–5.7 s analysis, and H.265 in FLV playable; false hands ``.flv`` URLs to libVLC as they are.
    remux_flv: bool = True


@dataclass(frozen=True)
class MapSettings:
    """The live map's base layer (issue 4): ``base`` is "none" (vector layers only), "mbtiles" or "xyz"."""

    base: str = "none"
    mbtiles_path: str = ""  # an offline MBTiles file (e.g. made with GDAL)
    xyz_url: str = ""  # e.g. "https://tiles.example/{z}/{x}/{y}.png"; {s} and {-y} are understood
    datum: str = "wgs84"  # the base map's datum: "gcj02" for AMap/Tencent tiles, overlays are shifted
    offline_after_s: float = 300.0  # a unit with no fix for this long is drawn as offline

    def __post_init__(self) -> None:
        if self.base not in ("none", "mbtiles", "xyz"):
            raise ConfigError(f"配置项 map.base 的值 {self.base!r} 无效 (expected none, mbtiles or xyz)")
        if self.datum not in ("wgs84", "gcj02"):
            raise ConfigError(f"配置项 map.datum 的值 {self.datum!r} 无效 (expected wgs84 or gcj02)")


@dataclass(frozen=True)
class PluginSettings:
    """Plugins (issue 6): extra folders to load from (the shipped ``plugins/`` is always searched and
    nothing else is), and the seat: ``office`` is an office name ("" = district centre),
    ``workstation`` this machine's name in the enablement table ("" = the host name)."""

    folders: tuple[str, ...] = ()
    office: str = ""
    workstation: str = ""


@dataclass(frozen=True)
class SessionSettings:
    lock_after_min: float = 15.0  # lock the screen after this many idle minutes; 0 = never
    reauth_window_min: float = 5.0  # sensitive actions ask for the password again after this


CHECKSUM_POLICIES = ("drop", "accept")


MAX_WORKERS = 32


@dataclass(frozen=True)
class GatewaySettings:
    """The headless gateway (issue 14, ``[gateway]``): its name (which terminals' sessions it holds is
    recorded under it), the JT/T 808 TCP listener, the HTTP listener (Open311 intake, ``/health``), and
    the policy for a JT/T 808 frame whose XOR checksum is wrong: ``drop`` (default: a bit flipped on a
    mobile link must not move a truck on the map; the frame is counted per terminal and not answered,
    so the terminal sends it again) or ``accept`` (a vendor known to compute it wrongly)."""

    name: str = ""  # "" = the host name and process id
    jt808_host: str = "0.0.0.0"
    jt808_port: int = 7_808
    http_host: str = "0.0.0.0"
    http_port: int = 8_311
    checksum_policy: str = "drop"
    position_batch_ms: int = 200  # positions are written in one transaction per batch
    command_poll_s: float = 1.0  # pending desk commands for the terminals this gateway holds
    city_platform_url: str = (
        ""  # a city platform's JSON/HTTP feed (cases in, status back, positions); "" none
    )
    city_platform_name: str = "city"  # its name: the cursor file and the links to its cases
    # where clients reach the HTTP listener (a proxy's address, e.g. https://gw.example.cn/open311):
    # photo URLs in answers and webhooks are built on it; "" = the address a request came to
    public_url: str = ""
    # processes on this host sharing the listeners (``gateway.workers``): one is held to a core by
    # Python's GIL; 2 on a 2-core machine, about one per core beside PostgreSQL elsewhere
    workers: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.workers <= MAX_WORKERS:
            raise ConfigError(
                f"配置项 gateway.workers 的值 {self.workers!r} 无效 (expected 1–{MAX_WORKERS} processes)"
            )
        if self.checksum_policy not in CHECKSUM_POLICIES:
            raise ConfigError(
                f"配置项 gateway.checksum_policy 的值 {self.checksum_policy!r} 无效 (expected drop or accept)"
            )
        if self.public_url and not self.public_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"配置项 gateway.public_url 的值 {self.public_url!r} 无效 (expected an http(s):// URL)"
            )


@dataclass(frozen=True)
class PositionSettings:
    """The position time series (``[positions]``): how many days of raw fixes are kept before a day is
    thinned into ``position_rollups`` and dropped (0 = keep every fix forever), and how many days ahead
    the PostgreSQL day partitions are made (``commandcenter positions maintain``, the gateway hourly)."""

    retention_days: int = 90
    days_ahead: int = 3

    def __post_init__(self) -> None:
        if self.retention_days < 0 or self.days_ahead < 1:
            raise ConfigError(
                f"配置项 positions 的值无效：retention_days ≥ 0, days_ahead ≥ 1 (invalid value): "
                f"retention_days={self.retention_days}, days_ahead={self.days_ahead}"
            )


PLAY_SCHEMES = ("flv", "ts", "hls", "fmp4", "rtmp", "rtsp", "rtc")


@dataclass(frozen=True)
class PlatformSettings:
    """A GB/T 28181 platform (WVP-GB28181-pro + ZLMediaKit) as a camera source (``[[platforms]]``).

    No secret here: the access token or the password of ``username`` comes from the OS keyring
    (``secrets.platform_secret``). ``prefer``: which of the play reply's URLs to play, first playable
    one wins (flv ts hls fmp4 rtmp rtsp rtc); ``play_template``: a media server URL to play instead,
    e.g. ZLMediaKit ``http://zlm/rtp/{device}_{channel}.live.flv`` or MediaMTX
    ``rtsp://mtx:8554/{device}_{channel}``; ``alarm_cases``: alarm kind → case category code."""

    name: str
    url: str
    username: str = ""
    datum: str = "wgs84"
    prefer: tuple[str, ...] = PLAY_SCHEMES
    play_template: str = ""
    alarm_poll_s: float = 10.0
    alarm_cases: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.name or not self.url.startswith(("http://", "https://")):
            raise ConfigError(
                f"配置项 platforms 无效：需要 name 和 http(s):// url (invalid platform): {self.name!r}"
            )
        unknown = [scheme for scheme in self.prefer if scheme not in PLAY_SCHEMES]
        if unknown:
            raise ConfigError(
                f"配置项 platforms.prefer 的值 {unknown} 无效 (expected some of {PLAY_SCHEMES})"
            )


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None  # None: the SQLite file in the user data dir
    language: str = "zh_CN"  # "zh_CN" or "en"
    theme: str = "dark"
    time_zone: str = DEFAULT_TIME_ZONE  # the district's clock (IANA name), whatever the machine's zone
    status_poll_s: float = 2.0
    simulator: SimulatorSettings = field(default_factory=SimulatorSettings)
    streams: StreamSettings = field(default_factory=StreamSettings)
    map: MapSettings = field(default_factory=MapSettings)
    plugins: PluginSettings = field(default_factory=PluginSettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    gateway: GatewaySettings = field(default_factory=GatewaySettings)
    positions: PositionSettings = field(default_factory=PositionSettings)
    platforms: tuple[PlatformSettings, ...] = ()  # GB/T 28181 platforms feeding the camera tree
    source: Path | None = None  # the file these settings came from, for messages

    def __post_init__(self) -> None:
        try:
            zone_named(self.time_zone)
        except UnknownTimeZone as error:
            raise ConfigError(f"配置项 time_zone 的值无效 (invalid value): {error}") from None

    def resolved_database_url(self) -> str:
        """The URL to open; a server URL without a password gets it from the keyring or
        ``COMMANDCENTER_DB_PASSWORD`` (``commandcenter.secrets``)."""
        if not self.database_url:
            return f"sqlite:///{paths.default_sqlite_path()}"
        from commandcenter.secrets import with_database_password

        return with_database_password(self.database_url)


_ENV_OVERRIDES: dict[str, tuple[str, ...]] = {
    "COMMANDCENTER_DB_URL": ("database_url",),
    "COMMANDCENTER_LANG": ("language",),
    "COMMANDCENTER_STREAM_PORT": ("streams", "port"),
    "COMMANDCENTER_CASES_PER_HOUR": ("simulator", "cases_per_hour"),
}


def load_settings(
    path: Path | None = None, environ: dict[str, str] | None = None, *, required: bool = False
) -> Settings:
    """Read the TOML file and apply environment overrides. The default file may be missing (the
    defaults apply); a file someone named (``required``: ``--config``, or ``COMMANDCENTER_CONFIG``)
    must exist — a typo in its name must not start the program on silent defaults."""
    environ = dict(os.environ) if environ is None else environ
    if path is None:
        path = config_path(environ)
        required = required or bool(environ.get("COMMANDCENTER_CONFIG"))
    if required and not path.is_file():
        raise ConfigError(f"配置文件不存在 config file not found: {path}")
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            raise ConfigError(f"配置文件 {path} 格式错误 (malformed config file): {error}") from error
        _refuse_password_in_file(raw, path)
    for variable, key_path in _ENV_OVERRIDES.items():
        if variable in environ:
            _set_nested(raw, key_path, environ[variable])
    return _build(raw, path if path.exists() else None)


def config_path(environ: dict[str, str] | None = None) -> Path:
    """The seat's config file when ``--config`` names none: ``COMMANDCENTER_CONFIG``, else
    ``config.toml`` in the user config dir (what ``load_settings`` reads, and the wizard writes)."""
    environ = dict(os.environ) if environ is None else environ
    named = environ.get("COMMANDCENTER_CONFIG")
    return Path(named) if named else paths.config_dir() / "config.toml"


def _set_nested(raw: dict[str, Any], key_path: tuple[str, ...], value: str) -> None:
    target = raw
    for key in key_path[:-1]:
        target = target.setdefault(key, {})
    target[key_path[-1]] = value


def _build(raw: dict[str, Any], source: Path | None) -> Settings:
    settings = Settings(source=source)
    simulator = _section(SimulatorSettings(), raw.pop("simulator", {}), "simulator", source)
    streams = _section(StreamSettings(), raw.pop("streams", {}), "streams", source)
    map_settings = _section(MapSettings(), raw.pop("map", {}), "map", source)
    plugin_settings = _section(PluginSettings(), raw.pop("plugins", {}), "plugins", source)
    session = _section(SessionSettings(), raw.pop("session", {}), "session", source)
    gateway = _section(GatewaySettings(), raw.pop("gateway", {}), "gateway", source)
    positions = _section(PositionSettings(), raw.pop("positions", {}), "positions", source)
    platforms = _platforms(raw.pop("platforms", []), source)
    settings = _section(settings, raw, "", source)
    return replace(
        settings,
        simulator=simulator,
        streams=streams,
        map=map_settings,
        plugins=plugin_settings,
        session=session,
        gateway=gateway,
        positions=positions,
        platforms=platforms,
    )


def _platforms(values: object, source: Path | None) -> tuple[PlatformSettings, ...]:
    """``[[platforms]]`` tables; a secret written into one is refused like a database password."""
    if not isinstance(values, list):
        raise ConfigError(
            f"配置项 platforms 应为 [[platforms]] 表数组 (expected an array of tables) in {source}"
        )
    found = []
    for table in values:
        if not isinstance(table, dict):
            raise ConfigError(f"配置项 platforms 应为表 (expected a table) in {source}")
        table = dict(table)
        for secret in ("token", "password"):
            if secret in table:
                raise ConfigError(
                    f"配置项 platforms.{secret} 不能写在配置文件中：请存入系统密钥环 "
                    f"(a platform secret in the config file is refused; use the keyring) in {source}"
                )
        try:
            cases = table.pop("alarm_cases", {})
            prefer = table.pop("prefer", PLAY_SCHEMES)
            found.append(
                PlatformSettings(
                    **table,
                    prefer=tuple(str(scheme) for scheme in prefer),
                    alarm_cases=tuple((str(k), str(v)) for k, v in dict(cases).items()),
                )
            )
        except TypeError as error:
            raise ConfigError(f"配置项 platforms 无效 (invalid platform) in {source}: {error}") from error
    return tuple(found)


def _refuse_password_in_file(raw: dict[str, Any], path: Path) -> None:
    """A password in a config file ends up in backups and screenshots: refuse it (issue 7)."""
    from commandcenter.secrets import url_has_password

    url = raw.get("database_url")
    if isinstance(url, str) and url_has_password(url):
        raise ConfigError(
            f"配置文件 {path} 的 database_url 含有密码：请改用系统密钥环或环境变量 COMMANDCENTER_DB_PASSWORD "
            "(a password in the config file is refused; use the OS keyring or COMMANDCENTER_DB_PASSWORD)"
        )


def _coerced(current: Any, value: Any) -> Any:
    """``value`` as the type of ``current``; a bool only from a TOML bool or true/false (``bool("no")``
    is True)."""
    if isinstance(current, bool):
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("true", "false"):
            return str(value).strip().lower() == "true"
        raise ValueError("expected true or false")
    return type(current)(value)


def _section(default: Any, values: dict[str, Any], prefix: str, source: Path | None) -> Any:
    """Coerce each known key to the default's type; unknown keys are an error, not silently ignored."""
    changes: dict[str, Any] = {}
    known = {name for name in default.__dataclass_fields__ if name != "source"}
    for key, value in values.items():
        where = f"{prefix}.{key}" if prefix else key
        if key not in known:
            raise ConfigError(f"未知配置项 {where} (unknown setting) in {source or 'environment'}")
        current = getattr(default, key)
        try:
            changes[key] = value if current is None else _coerced(current, value)
        except (TypeError, ValueError) as error:
            raise ConfigError(f"配置项 {where} 的值 {value!r} 无效 (invalid value): {error}") from error
    return replace(default, **changes)
