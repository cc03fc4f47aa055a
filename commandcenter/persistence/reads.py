"""The one way a persistence module reads rows and reports a database that cannot answer.

Every query module used to repeat the same five lines (connect, execute, fetch, catch ``DBAPIError``,
raise ``DatabaseUnavailable`` naming the store); the UI relies on that one exception type to show
"database unavailable" instead of a traceback, so it lives here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVarTuple, overload

from sqlalchemy import Row, exc
from sqlalchemy.sql import Executable
from sqlalchemy.sql.selectable import TypedReturnsRows

from commandcenter.persistence.database import DatabaseUnavailable, describe_error

if TYPE_CHECKING:
    from commandcenter.persistence.store import Store


def unavailable(store: Store, error: exc.DBAPIError) -> DatabaseUnavailable:
    """The error to raise (``from error``) when ``store``'s database failed a statement."""
    return DatabaseUnavailable(store.url, describe_error(error))


_Columns = TypeVarTuple("_Columns")


@overload
def read_rows(store: Store, statement: TypedReturnsRows[*_Columns]) -> Sequence[Row[*_Columns]]: ...
@overload
def read_rows(store: Store, statement: Executable) -> Sequence[Row[*tuple[Any, ...]]]: ...
def read_rows(store: Store, statement: Executable) -> Sequence[Row[*tuple[Any, ...]]]:
    """All rows of one read statement, on a pooled connection."""
    try:
        with store.engine.connect() as connection:
            return connection.execute(statement).all()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
