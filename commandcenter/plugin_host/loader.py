"""Importing a discovered plugin's entry function — the first moment any of its code runs.

Shipped and entry-point plugins import under their package name. A plugin from a configured
folder is imported from exactly that directory (the folder is NOT put on ``sys.path``, so nothing
else in it becomes importable) and is refused if its name would shadow an installed module.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from typing import Any

from commandcenter.plugin_host.discovery import Candidate


class PluginImportError(ImportError):
    pass


def load_entry(candidate: Candidate) -> Callable[[Any], object]:
    """The manifest's ``module:function``, imported (any exception propagates to the host's guard)."""
    if candidate.source == "folder":
        _import_folder_package(candidate)
    module_part, function_name = candidate.manifest.entry.split(":")
    module = importlib.import_module(f"{candidate.module_name}.{module_part}")
    function = getattr(module, function_name, None)
    if not callable(function):
        raise PluginImportError(f"{candidate.manifest.entry} 不是函数 (entry is not callable)")
    return function


def _import_folder_package(candidate: Candidate) -> None:
    name = candidate.module_name
    init = candidate.location / "__init__.py"
    loaded = sys.modules.get(name)
    if loaded is not None:
        if getattr(loaded, "__file__", None) == str(init):
            return
        raise PluginImportError(f"插件包名 {name} 与已加载模块冲突 (name clash with {loaded!r})")
    if importlib.util.find_spec(name) is not None:
        raise PluginImportError(f"插件包名 {name} 与已安装模块冲突 (would shadow an installed module)")
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[str(candidate.location)]
    )
    if spec is None or spec.loader is None:
        raise PluginImportError(f"插件包 {candidate.location} 缺少 __init__.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
