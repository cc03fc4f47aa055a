"""Which database a command works on — one rule for every command — and the line that says so.

Every command works on the *configured* database: ``--url``, else ``COMMANDCENTER_DB_URL``, else
``database_url`` in the config file, else the local SQLite file in the user data dir. So a
workstation that exports ``COMMANDCENTER_DB_URL`` (a shared PostgreSQL) points ``gui``, ``db``,
``import-*``, ``simulate`` and ``demo-data`` at the same place. Only ``demo`` and ``prepare-demo``
own a database of their own — the demo SQLite file, unless ``--url`` names another — because the
demo must never move units in, or regenerate, the configured production database.

Each command prints the database it opened as one stderr line (password hidden), so a run against
the wrong database is visible at once instead of silently "working".
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO, TypeVar

from commandcenter import paths
from commandcenter.config import Settings
from commandcenter.persistence.database import check_supported_url
from commandcenter.secrets import with_database_password

if TYPE_CHECKING:
    from commandcenter.accounts.principal import Principal
    from commandcenter.persistence.store import Store

T = TypeVar("T")

DEMO_COMMANDS = frozenset({"demo", "prepare-demo"})


def command_database_url(command: str, url_option: str | None, settings: Settings) -> str:
    """The URL ``command`` opens by the rule above; an unusable URL is refused here, in words
    (``UnsupportedDatabaseURL``), before any file is read or any connection attempted."""
    if url_option:
        url = with_database_password(url_option)
    elif command in DEMO_COMMANDS:
        url = paths.demo_database_url()
    else:
        url = settings.resolved_database_url()
    check_supported_url(url)
    return url


def announce(shown_url: str, stream: TextIO | None = None) -> None:
    """The one line naming the database a command works on (``Store.url`` is already redacted)."""
    print(f"数据库 database: {shown_url}", file=stream or sys.stderr)


def open_store(url: str, *, pre_ping: bool = True) -> Store:
    """Open (and migrate) the command's database, then say which one it is."""
    from commandcenter.persistence.store import Store

    store = Store.open(url, pre_ping=pre_ping)
    announce(store.url)
    return store


def read_as_command_line(
    command: str, url_option: str | None, settings: Settings, read: Callable[[Store, Principal], T]
) -> T:
    """``read`` on the command's database as the command line's principal (audited as ``cli:<user>``),
    the database closed after it. ``AccessError`` (a refusal) goes to the caller's one error line."""
    from commandcenter.accounts.principal import command_line_principal

    store = open_store(command_database_url(command, url_option, settings))
    try:
        return read(store, command_line_principal())
    finally:
        store.close()


def holds_data(url: str) -> bool:
    """Whether replacing the database at ``url`` would destroy something: False for a SQLite file
    that does not exist yet or a database without our schema or rows. Opening it never creates or
    migrates anything (``create=False``, no upgrade), so a refused command leaves it as it was."""
    from commandcenter.persistence.bulk_load import holds_replaceable_rows
    from commandcenter.persistence.database import (
        DatabaseUnavailable,
        check_connection,
        create_database_engine,
    )
    from commandcenter.persistence.migrate import current_revision
    from commandcenter.persistence.store import Store

    try:
        engine = create_database_engine(url, create=False)
    except DatabaseUnavailable:
        return False  # no file yet; a missing folder is reported when the command opens it
    store = Store(engine)
    try:
        check_connection(engine)  # unreachable: the command stops here, with the reason
        if current_revision(engine) is None:
            return False
        try:
            return holds_replaceable_rows(store)
        except DatabaseUnavailable:
            return True  # an older schema we cannot count in: assume there is data, and ask
    finally:
        store.close()


def may_replace(url: str, assume_yes: bool) -> bool:
    """Ask before replacing a database that holds data; an empty or new one needs no answer."""
    from commandcenter.commands.confirmation import confirm_replace
    from commandcenter.persistence.database import redact

    return not holds_data(url) or confirm_replace(redact(url), assume_yes=assume_yes)
