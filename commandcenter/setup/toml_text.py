"""Write the small TOML subset ``config.toml`` uses: top-level keys, then one level of tables, with
strings, booleans, numbers and lists of those. The standard library reads TOML but cannot write
it, and a dependency for thirty lines is not worth it; ``config.load_settings`` reads the result
back (``seat_config`` does so before replacing a file), so a mistake here cannot go unnoticed."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any


def dumps(document: Mapping[str, Any], header: str = "") -> str:
    """``document`` as TOML text; ``header`` lines become comments at the top."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    tables = {key: value for key, value in document.items() if isinstance(value, Mapping)}
    for key, value in document.items():
        if key not in tables:
            lines.append(f"{_key(key)} = {_value(value)}")
    for name, table in tables.items():
        lines.extend(["", f"[{_key(name)}]"])
        for key, value in table.items():
            if isinstance(value, Mapping):
                raise TypeError(f"nested table {name}.{key} is not supported")
            lines.append(f"{_key(key)} = {_value(value)}")
    return "\n".join(lines) + "\n"


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} cannot be written to the config file")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML basic-string escapes
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"{type(value).__name__} cannot be written to the config file")
