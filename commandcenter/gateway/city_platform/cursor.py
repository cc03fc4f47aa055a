"""The adapter's bookmark, kept in ``paths.data_dir()/city-platform-<name>.json`` (why a file: see
the package docstring). Written atomically: a crash leaves the old file or the new, never half."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from commandcenter.paths import data_dir


@dataclass(frozen=True)
class Cursor:
    cases: str = ""  # the platform's cursor for GET /cases
    positions: str = ""  # … for GET /positions
    status_event: int = 0  # settled: every step of ours up to this event id was told (or is not ours)
    # told above ``status_event``, each with when it was first seen (epoch seconds): re-read until settled
    status_told: tuple[tuple[int, float], ...] = ()


class CursorFile:
    def __init__(self, name: str, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / f"city-platform-{name}.json"

    def load(self) -> Cursor:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            return Cursor(
                str(document["cases"]),
                str(document["positions"]),
                int(document["status_event"]),
                _told(document.get("status_told", [])),
            )
        except FileNotFoundError:
            return Cursor()
        except (ValueError, KeyError, TypeError):  # damaged: start over (the links de-duplicate)
            self.path.replace(self.path.with_suffix(".damaged.json"))
            return Cursor()

    def save(self, cursor: Cursor) -> None:
        temporary = self.path.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(asdict(cursor), handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)


def _told(pairs: Any) -> tuple[tuple[int, float], ...]:
    """``[[event id, seen at], …]`` (a file written before the list existed has none)."""
    return tuple((int(event_id), float(seen)) for event_id, seen in pairs)
