"""The offices an assessment ranks, with how many segments each one has (the normalisation's S)."""

from __future__ import annotations

from sqlalchemy import func, select

from commandcenter.persistence.access import read_rows
from commandcenter.persistence.district.models import Office, Segment
from commandcenter.persistence.store import Store


def office_sizes(store: Store) -> list[tuple[int, str, int]]:
    """(office id, name, segments) of every office, by id."""
    counted = (
        select(Office.id, Office.name, func.count(Segment.id))
        .join(Segment, Segment.office_id == Office.id, isouter=True)
        .group_by(Office.id, Office.name)
        .order_by(Office.id)
    )
    return [(row[0], row[1], int(row[2])) for row in read_rows(store, counted)]
