"""Whether a database holds rows that ``Store.replace_all`` would wipe.

Asked before ``demo-data`` replaces the configured database: the district's rows, imported cameras of
any kind, cases and their history all count (the seed counts alone would miss, say, a production
database holding only imported cameras). One cheap ``EXISTS`` per table.
"""

from __future__ import annotations

from sqlalchemy import exc, exists, select

from commandcenter.persistence.database import DatabaseUnavailable, describe_error
from commandcenter.persistence.store import LOAD_ORDER, Store


def holds_replaceable_rows(store: Store) -> bool:
    """True when any table ``replace_all`` empties has a row; ``DatabaseUnavailable`` if unreadable
    (for instance an older schema without one of the tables)."""
    try:
        with store.engine.connect() as connection:
            return any(
                connection.execute(select(exists().select_from(model.__table__))).scalar()
                for model in LOAD_ORDER
            )
    except exc.DBAPIError as error:
        raise DatabaseUnavailable(store.url, describe_error(error)) from error
