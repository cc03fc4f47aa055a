"""The dispatch outbox's journal: the queued requests on disk, one JSON object a line.

The journal is what a restart replays, so a damaged one must never cost the good requests nor
vanish quietly. One request a line means a truncated write, a line of garbage or an entry of the
wrong shape spoils only itself: ``load_journal`` keeps every good line, moves the damaged file
aside (``outbox.json.damaged-20260512T020000Z`` beside it, for whoever wants to look) and reports
it as a ``JournalDamage`` — the outbox emits that, the desk tells the operator. The good requests
are written back at once, so the journal is whole again. A journal from before (one JSON array)
is read as well.

Writes go to a temporary file that then replaces the journal, so a crash mid-write leaves the old
journal, never half a new one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from commandcenter.cases.dispatch import DispatchRequest

log = logging.getLogger(__name__)

# A line's fields and their types; the request id is required: a new one would undo idempotency.
_TYPES: dict[str, tuple[type, ...]] = {
    "case_id": (int,),
    "staff_id": (int,),
    "staff_name": (str,),
    "actor": (str,),
    "request_id": (str,),
    "note": (str,),
    "reassign": (bool,),
    "from_staff_id": (int, type(None)),
}
_REQUIRED = {"case_id", "staff_id", "staff_name", "actor", "request_id"}


@dataclass(frozen=True)
class JournalDamage:
    """A journal that had unreadable lines: where it was set aside, and how much was saved."""

    set_aside: Path
    bad_lines: int
    kept: int


@dataclass(frozen=True)
class JournalContents:
    requests: list[DispatchRequest]
    damage: JournalDamage | None = None


def load_journal(journal: Path, now: datetime | None = None) -> JournalContents:
    """The requests in ``journal`` (none if it does not exist); a damaged journal is set aside."""
    try:
        text = journal.read_text("utf-8", errors="replace")
    except FileNotFoundError:
        return JournalContents([])
    requests: list[DispatchRequest] = []
    bad = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries = _entries(json.loads(line))
            requests += [_request(entry) for entry in entries]
        except (ValueError, TypeError) as error:
            bad += 1
            log.error("dispatch journal %s line %d unreadable: %s", journal, number, error)
    if not bad:
        return JournalContents(requests)
    aside = _set_aside(journal, now or datetime.now(UTC))
    save_journal(journal, requests)
    log.error("dispatch journal %s damaged: set aside as %s, %d requests kept", journal, aside, len(requests))
    return JournalContents(requests, JournalDamage(aside, bad, len(requests)))


def save_journal(journal: Path, requests: list[DispatchRequest]) -> None:
    temporary = journal.with_name(journal.name + ".tmp")
    temporary.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(asdict(request), ensure_ascii=False) + "\n" for request in requests]
    temporary.write_text("".join(lines), "utf-8")
    temporary.replace(journal)


def _entries(parsed: Any) -> list[Any]:
    """One request a line; a whole JSON array is the journal format of earlier versions."""
    return parsed if isinstance(parsed, list) else [parsed]


def _request(entry: Any) -> DispatchRequest:
    if not isinstance(entry, dict) or not _REQUIRED <= entry.keys() <= _TYPES.keys():
        raise ValueError(f"not a dispatch request: {entry!r:.200}")
    for key, value in entry.items():
        types = _TYPES[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise TypeError(f"{key} should be {types[0].__name__}: {value!r:.80}")
    if not entry["request_id"]:
        raise ValueError("empty request id")
    return DispatchRequest(**entry)


def _set_aside(journal: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = journal.with_name(f"{journal.name}.damaged-{stamp}")
    serial = 1
    while aside.exists():  # two damaged journals within a second: keep both
        serial += 1
        aside = journal.with_name(f"{journal.name}.damaged-{stamp}-{serial}")
    journal.replace(aside)
    return aside
