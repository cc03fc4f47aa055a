"""Saved named wall views in the database, so every workstation sees the same ones.

A view belongs to its owner; ``shared`` ones are listed for everybody (read-only to the others:
only the owner's save replaces it and only the owner deletes it). Saving under an existing name
replaces that view — operators re-save "早高峰" every morning, they do not want 早高峰 (2).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, or_, select, update

from commandcenter.domain.cameras import SavedView
from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.cameras.models import SavedViewRow
from commandcenter.persistence.store import Store


def save_view(store: Store, view: SavedView) -> SavedView:
    """Insert or replace ``view`` (matched by owner and name); returns it with id and timestamp."""
    if not view.name.strip():
        raise ValueError("a saved view needs a name")
    row = SavedViewRow
    now = datetime.now(UTC)
    values = {"layout": view.layout, "cells": list(view.cells), "shared": view.shared, "updated_at": now}
    with writing(store) as connection:
        found = connection.scalar(select(row.id).where(row.owner == view.owner, row.name == view.name))
        if found is None:
            result = connection.execute(insert(row).values(owner=view.owner, name=view.name, **values))
            found = result.inserted_primary_key[0] if result.inserted_primary_key else None
        else:
            connection.execute(update(row).where(row.id == found).values(**values))
    return SavedView(view.name, view.layout, tuple(view.cells), view.owner, view.shared, found, now)


def list_views(store: Store, user: str) -> list[SavedView]:
    """``user``'s own views and everybody's shared ones, own first, then by name."""
    table = SavedViewRow.__table__
    statement = select(table).where(or_(table.c.owner == user, table.c.shared.is_(True)))
    rows = read_rows(store, statement)
    views = [
        SavedView(
            name=found.name,
            layout=found.layout,
            cells=tuple(found.cells),
            owner=found.owner,
            shared=bool(found.shared),
            id=found.id,
            updated_at=_aware(found.updated_at),
        )
        for found in rows
    ]
    return sorted(views, key=lambda view: (view.owner != user, view.name, view.owner))


def delete_view(store: Store, owner: str, name: str) -> bool:
    """Delete ``owner``'s view ``name``; False when there was none (nobody deletes another's view)."""
    row = SavedViewRow
    with writing(store) as connection:
        result = connection.execute(delete(row).where(row.owner == owner, row.name == name))
    return bool(result.rowcount)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
