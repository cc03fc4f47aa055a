"""Stored truck permits (准运证, table ``truck_permits`` of migration 0008): replaced as a whole by an
import or the demo, read by the rule engine at start."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import delete, insert, select

from commandcenter.domain.alerts import TruckPermit
from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.map.models import TruckPermitRow
from commandcenter.persistence.store import Store


def replace_permits(store: Store, permits: Sequence[TruckPermit]) -> None:
    """Replace every stored permit (an import or the demo's few)."""
    rows = [dataclasses.asdict(permit) for permit in permits]
    with writing(store) as connection:
        connection.execute(delete(TruckPermitRow))
        if rows:
            connection.execute(insert(TruckPermitRow), rows)


def load_permits(store: Store) -> list[TruckPermit]:
    columns = [getattr(TruckPermitRow, f.name) for f in dataclasses.fields(TruckPermit)]
    rows = read_rows(store, select(*columns).order_by(TruckPermitRow.unit_id, TruckPermitRow.id))
    return [TruckPermit(*row) for row in rows]
