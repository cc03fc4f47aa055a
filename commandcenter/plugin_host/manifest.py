"""The static description of a plugin, read from its ``plugin.toml`` WITHOUT importing its code.

Reading the manifest first (as napari's npe2 does) means discovery, the plugin manager and the
per-office enablement all work on plugins that would fail to import; only plugins that are enabled
for this workstation and compatible with this API are ever executed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commandcenter.plugins_api.version import VersionError, parse_version

MANIFEST_FILE = "plugin.toml"
_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_ENTRY = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")


class ManifestError(ValueError):
    """A ``plugin.toml`` that is missing, malformed or incomplete; the message names the file."""


@dataclass(frozen=True)
class PluginManifest:
    """What a plugin declares about itself.

    ``offices`` are office names (``五里堡街道``); empty means the plugin is for every office.
    ``entry`` is ``module:function`` inside the plugin package; the function takes a
    ``PluginContext`` and registers the plugin's contributions. ``migrations`` is a folder inside
    the package holding the plugin's own Alembic scripts (None: the plugin has no tables).
    """

    id: str
    name: str
    version: str
    api_version: str
    entry: str
    offices: tuple[str, ...] = ()
    description: str = ""
    migrations: str | None = None

    @property
    def table_prefix(self) -> str:
        return table_prefix(self.id)

    @property
    def version_table(self) -> str:
        return f"alembic_version_plg_{self.id}"


def table_prefix(plugin_id: str) -> str:
    """Every table of a plugin starts with this, so plugins cannot collide with the core."""
    return f"plg_{plugin_id}_"


def read_manifest(path: Path) -> PluginManifest:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ManifestError(f"插件清单 {path} 无法读取 (unreadable manifest): {error}") from error
    return parse_manifest(raw, str(path))


def parse_manifest(raw: dict[str, Any], where: str) -> PluginManifest:
    missing = [key for key in ("id", "name", "version", "api_version", "entry") if not raw.get(key)]
    if missing:
        raise ManifestError(f"插件清单 {where} 缺少 {', '.join(missing)} (missing keys)")
    unknown = set(raw) - {*PluginManifest.__dataclass_fields__}
    if unknown:
        raise ManifestError(f"插件清单 {where} 有未知键 {', '.join(sorted(unknown))} (unknown keys)")
    if not _ID.match(str(raw["id"])):
        raise ManifestError(f"插件清单 {where}: id {raw['id']!r} 须为小写字母、数字、下划线 (invalid id)")
    if not _ENTRY.match(str(raw["entry"])):
        raise ManifestError(f"插件清单 {where}: entry {raw['entry']!r} 须为 module:function")
    try:
        parse_version(str(raw["api_version"]))
    except VersionError as error:
        raise ManifestError(f"插件清单 {where}: {error}") from error
    offices = raw.get("offices", [])
    if not isinstance(offices, list) or not all(isinstance(name, str) for name in offices):
        raise ManifestError(f"插件清单 {where}: offices 须为办事处名称列表 (list of office names)")
    return PluginManifest(
        id=str(raw["id"]),
        name=str(raw["name"]),
        version=str(raw["version"]),
        api_version=str(raw["api_version"]),
        entry=str(raw["entry"]),
        offices=tuple(offices),
        description=str(raw.get("description", "")),
        migrations=str(raw["migrations"]) if raw.get("migrations") else None,
    )
