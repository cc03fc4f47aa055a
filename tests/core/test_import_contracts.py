"""The plugin contract in ``pyproject.toml`` forbids by listing (import-linter cannot say "everything
but"): this keeps the list whole, so a package added to the core or the UI is closed to plugins the
day it appears, and the two API packages stay the only doors."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PYPROJECT = ROOT / "pyproject.toml"
API_PACKAGES = {"commandcenter.plugins_api", "ui.plugins"}


def _plugin_contract() -> dict[str, object]:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    return next(contract for contract in contracts if contract.get("source_modules") == ["plugins"])


def _children(package: str) -> set[str]:
    """The package's modules and subpackages, found on disk (a core test imports no Qt)."""
    folder = ROOT.joinpath(*package.split("."))
    return {f"{package}.{module.name}" for module in pkgutil.iter_modules([str(folder)])}


def test_every_module_but_the_plugin_api_is_forbidden_to_plugins() -> None:
    forbidden = set(_plugin_contract()["forbidden_modules"])  # type: ignore[arg-type]
    behind_the_api = _children("commandcenter.plugins_api") | _children("ui.plugins")
    everything_else = (_children("commandcenter") | _children("ui")) - API_PACKAGES
    missing = (everything_else | behind_the_api) - forbidden
    assert not missing, f"add to the plugin contract in pyproject.toml: {sorted(missing)}"
    assert not forbidden & API_PACKAGES
    assert {"PySide6", "sqlalchemy"} <= forbidden
