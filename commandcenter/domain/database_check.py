"""What a database check found, as keys: the setup wizard words them (``ui/setup/setup_words.py``).

A person setting up a seat needs to know *which* thing to fix — the server's address, the password,
the database's name, a grant, the program's version — not a driver's traceback. The check classifies
the failure into one ``DatabaseProblem`` and keeps the driver's own first line as ``detail`` for the
cases the classification does not cover (a server answering in another language, say).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DatabaseProblem(StrEnum):
    BAD_URL = "bad_url"  # not a URL this program can use, or its driver is not installed
    REFUSED = "refused"  # nothing listens at host:port (server down, wrong port, firewall reject)
    UNKNOWN_HOST = "unknown_host"  # the host name does not resolve
    TIMEOUT = "timeout"  # no answer within the connect timeout (firewall drop, wrong network)
    NO_PASSWORD = "no_password"  # the server wants a password and none was given
    WRONG_PASSWORD = "wrong_password"  # password authentication failed (or no such user)
    UNKNOWN_USER = "unknown_user"  # the server knows no role of that name
    NOT_ALLOWED = "not_allowed"  # pg_hba.conf has no entry for this host/user/database
    NO_DATABASE = "no_database"  # the server is there, the named database is not
    NO_PERMISSION = "no_permission"  # connected, but may not create our tables (or not connect)
    SCHEMA_TOO_NEW = "schema_too_new"  # written by a newer CommandCenter: upgrade this program
    FOREIGN_TABLES = "foreign_tables"  # tables of something else, without our schema version
    FOLDER_MISSING = "folder_missing"  # embedded: the folder of the file does not exist
    NOT_WRITABLE = "not_writable"  # embedded: the file or its folder is read-only
    NOT_A_DATABASE = "not_a_database"  # embedded: the file is not a SQLite database
    OTHER = "other"  # anything else: ``detail`` is the driver's line


@dataclass(frozen=True)
class DatabaseCheck:
    """The outcome of connecting to and migrating one database.

    ``shown_url`` has its password hidden; ``schema_before`` is the revision found (None: an empty
    database), ``schema_after`` the one left (the newest when ``ok``)."""

    shown_url: str
    problem: DatabaseProblem | None = None
    detail: str = ""
    schema_before: str | None = None
    schema_after: str | None = None
    server: str = ""  # e.g. "PostgreSQL 16.4" or "SQLite 3.45.1"

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def migrated(self) -> bool:
        return self.ok and self.schema_before != self.schema_after
