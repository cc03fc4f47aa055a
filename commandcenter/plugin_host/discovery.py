"""Finding plugins: the shipped ``plugins/`` folder, the folders an operator configured, and the
installed distributions' entry points (group ``commandcenter.plugins``).

Discovery reads manifests only — it executes no plugin code, so a broken plugin is listed with its
error instead of taking the start-up down, and a folder that nobody configured is never looked at.
An entry point names the plugin's package (``hello = "cc_hello"``); its ``plugin.toml`` is found
next to the package's ``__init__.py`` without importing it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from commandcenter.plugin_host.manifest import MANIFEST_FILE, ManifestError, PluginManifest, read_manifest

ENTRY_POINT_GROUP = "commandcenter.plugins"
SHIPPED_PACKAGE = "plugins"  # found by location only: the core never imports it


@dataclass(frozen=True)
class Candidate:
    """A plugin whose manifest was read: where it is and the module name it imports under."""

    manifest: PluginManifest
    source: str  # "shipped", "folder" or "entry point"
    location: Path  # the package directory
    module_name: str


@dataclass(frozen=True)
class DiscoveryFailure:
    location: str
    source: str
    message: str


Found = Candidate | DiscoveryFailure


def shipped_folder() -> Path | None:
    """The built-in plugins' directory (the ``plugins`` package, located without importing it)."""
    spec = importlib.util.find_spec(SHIPPED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def discover(folders: Iterable[Path] = (), *, entry_points: bool = True, shipped: bool = True) -> list[Found]:
    """Every plugin in the shipped folder, then the configured folders, then entry points. Two
    plugins with the same id: the first wins, the second is reported."""
    found: list[Found] = []
    if shipped and (folder := shipped_folder()) is not None:
        found += _scan_folder(folder, "shipped", f"{SHIPPED_PACKAGE}.")
    for folder in folders:
        found += _scan_folder(Path(folder).expanduser(), "folder", "")
    if entry_points:
        found += _scan_entry_points()
    return _first_of_each_id(found)


def _scan_folder(folder: Path, source: str, module_prefix: str) -> list[Found]:
    if not folder.is_dir():
        return [DiscoveryFailure(str(folder), source, f"插件目录不存在 (plugin folder missing): {folder}")]
    found: list[Found] = []
    for package in sorted(folder.iterdir()):
        if (package / MANIFEST_FILE).is_file():
            found.append(_candidate(package, source, module_prefix + package.name))
    return found


def _scan_entry_points() -> list[Found]:
    found: list[Found] = []
    for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            spec = importlib.util.find_spec(entry.module)
        except (ImportError, ValueError) as error:
            found.append(DiscoveryFailure(entry.value, "entry point", f"找不到插件包 (not found): {error}"))
            continue
        if spec is None or not spec.submodule_search_locations:
            found.append(
                DiscoveryFailure(entry.value, "entry point", "入口须指向插件包 (must name a package)")
            )
            continue
        found.append(
            _candidate(Path(next(iter(spec.submodule_search_locations))), "entry point", entry.module)
        )
    return found


def _candidate(package: Path, source: str, module_name: str) -> Found:
    try:
        manifest = read_manifest(package / MANIFEST_FILE)
    except ManifestError as error:
        return DiscoveryFailure(str(package), source, str(error))
    return Candidate(manifest, source, package, module_name)


def _first_of_each_id(found: list[Found]) -> list[Found]:
    seen: dict[str, Candidate] = {}
    result: list[Found] = []
    for item in found:
        if isinstance(item, Candidate):
            first = seen.setdefault(item.manifest.id, item)
            if first is not item:
                message = f"插件 id {item.manifest.id} 重复, 已加载 {first.location} (duplicate id)"
                item = DiscoveryFailure(str(item.location), item.source, message)
        result.append(item)
    return result
