"""Reads of what intake stored beside a case: its reporters (the first report and every merged
duplicate, with the citizen's feedback) and its photos by stage — what the case detail shows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from commandcenter.domain.cases import PhotoRecord, ReporterRecord
from commandcenter.persistence.access import read_rows
from commandcenter.persistence.cases.models import CasePhoto, CaseReporter
from commandcenter.persistence.store import Store


def reporters_of(store: Store, case_id: int) -> list[ReporterRecord]:
    table = CaseReporter.__table__
    rows = _read(store, select(table).where(table.c.case_id == case_id).order_by(table.c.id))
    return [ReporterRecord(**row) for row in rows]


def photos_of(store: Store, case_id: int) -> list[PhotoRecord]:
    table = CasePhoto.__table__
    rows = _read(store, select(table).where(table.c.case_id == case_id).order_by(table.c.id))
    return [PhotoRecord(**row) for row in rows]


def _read(store: Store, statement: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in read_rows(store, statement)]
