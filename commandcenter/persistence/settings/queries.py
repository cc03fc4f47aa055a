"""Reading and saving the district's settings row, and the one-integer question every workstation
asks every few seconds ("has the revision moved?").

The save is versioned like a case transition (``persistence/cases/transitions.py``): ``UPDATE …
WHERE id = 1 AND revision = :expected`` as the transaction's first statement, so of two
administrators saving the same revision exactly one wins and the other gets ``SettingsConflict`` —
never a silently lost edit. The first save inserts the row; a racing first save fails on the
primary key and is the same conflict.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import Connection, exc, insert, select, update

from commandcenter.domain.settings import DEFAULT_SETTINGS, DistrictSettings, SettingsConflict, StoredSettings
from commandcenter.domain.settings_document import parse_json, to_json
from commandcenter.persistence.access import read_one, unavailable
from commandcenter.persistence.settings.models import DistrictSettingsRow
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)
_row = DistrictSettingsRow
ROW_ID = 1


def settings_revision(store: Store) -> int:
    """The stored revision; 0 when nobody has saved settings yet (the defaults apply)."""
    row = read_one(store, select(_row.revision).where(_row.id == ROW_ID))
    return 0 if row is None else int(row[0])


def read_settings(store: Store) -> StoredSettings:
    """The stored document and its revision, or the defaults at revision 0. A stored value of the
    wrong kind takes its default (logged): a workstation must start even then."""
    statement = select(_row.revision, _row.document, _row.updated_by).where(_row.id == ROW_ID)
    row = read_one(store, statement)
    if row is None:
        return StoredSettings(DEFAULT_SETTINGS, 0)
    revision, document, updated_by = row
    settings, problems = parse_json(document)
    if problems:
        log.warning("settings revision %s: defaults replace %s", revision, [p.key for p in problems])
    return StoredSettings(settings, int(revision), updated_by)


def save_settings(
    store: Store, settings: DistrictSettings, expected_revision: int, actor: str, now: datetime
) -> StoredSettings:
    """Write ``settings`` if the stored revision is still ``expected_revision``; returns the new
    revision. Raises ``SettingsConflict`` (nothing written) or ``DatabaseUnavailable``."""
    document = to_json(settings)
    values = {"document": document, "updated_at": now, "updated_by": actor[:40]}
    try:
        with store.engine.begin() as connection:
            changed = connection.execute(
                update(_row)
                .where(_row.id == ROW_ID, _row.revision == expected_revision)
                .values(revision=expected_revision + 1, **values)
            ).rowcount
            if changed != 1:
                if expected_revision != 0:
                    raise SettingsConflict(expected_revision, _current(connection))
                connection.execute(insert(_row).values(id=ROW_ID, revision=1, **values))
    except exc.IntegrityError as error:  # a racing first save inserted the row first
        raise SettingsConflict(expected_revision, settings_revision(store)) from error
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    return StoredSettings(settings, expected_revision + 1, actor[:40])


def _current(connection: Connection) -> int:
    row = connection.execute(select(_row.revision).where(_row.id == ROW_ID)).first()
    return 0 if row is None else int(row[0])
