"""A record's history: who changed it, when (local time), how (edited, split, merged, moved with its
segment …) and what — each changed field as ``before → after`` — newest first, as
``DistrictEditService.history`` returns the audit entries naming the record."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableWidget

from commandcenter.domain.accounts import AuditRecord
from commandcenter.domain.district_edits import EditKind
from commandcenter.domain.edit_fields import FIELDS
from ui.district.edit_words import FIELDS as FIELD_WORDS, OPERATIONS, word
from ui.district.record_model import cell_text
from ui.district.result_table import fill_table
from ui.district_time import stamp_text


def _value(kind: EditKind, name: str, value: Any) -> str:
    known = {spec.name for spec in FIELDS[kind]}
    if name in known:
        return cell_text(kind, name, value) or "—"
    return "—" if value is None else str(value)


def change_text(kind: EditKind, entry: AuditRecord) -> str:
    """``Name: 旧 → 新; Segment: EQ-0001 → EQ-0003`` (a geometry is only said to have changed)."""
    before: dict[str, Any] = entry.details.get("before") or {}
    after: dict[str, Any] = entry.details.get("after") or {}
    parts = []
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if isinstance(old, list) or isinstance(new, list):
            parts.append(word(FIELD_WORDS, name))
            continue
        parts.append(f"{word(FIELD_WORDS, name)}: {_value(kind, name, old)} → {_value(kind, name, new)}")
    return "; ".join(parts)


def fill_history(table: QTableWidget, kind: EditKind, entries: list[AuditRecord]) -> None:
    rows = [
        [
            stamp_text(entry.ts),
            entry.actor,
            word(OPERATIONS, entry.details.get("operation", entry.action)),
            change_text(kind, entry),
        ]
        for entry in entries
    ]
    fill_table(table, rows)
