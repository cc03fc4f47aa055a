"""Schema migrations driven from code (``commandcenter db upgrade``), no alembic.ini needed.

The migration scripts live in ``commandcenter/persistence/migrations`` and run unchanged on SQLite
and PostgreSQL. Plugins will add their own version locations here (issue 6).
"""

from __future__ import annotations

import functools
from pathlib import Path

from sqlalchemy import Engine, exc, inspect, text

from commandcenter.persistence.database import DatabaseUnavailable, describe_error, redact

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]  # alembic is untyped
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


@functools.cache
def _known_revisions() -> tuple[str, ...]:
    """Every revision this program ships, newest first (reading the scripts costs ~50 ms: once)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    revisions = tuple(script.revision for script in scripts.walk_revisions())
    assert revisions, "no migration scripts found"
    return revisions


def head_revision() -> str:
    return _known_revisions()[0]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty database."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except exc.DBAPIError as error:
        raise DatabaseUnavailable(redact(str(engine.url)), describe_error(error)) from error


class SchemaTooNew(DatabaseUnavailable):
    """The database was migrated by a newer CommandCenter than this one (a workstation left behind,
    or the program rolled back without restoring the database): refused, never touched — this
    program's code does not know that schema and its migrations cannot go back from it."""

    def __init__(self, url: str, revision: str) -> None:
        super().__init__(
            url,
            f"数据库结构版本 {revision} 比本程序新（本程序最高 {head_revision()}），请安装新版 CommandCenter "
            f"/ schema {revision} was written by a newer CommandCenter (this one knows up to "
            f"{head_revision()}): install that version, or restore the backup taken before the upgrade",
        )
        self.revision = revision


def refuse_newer_schema(engine: Engine) -> None:
    """Raise ``SchemaTooNew`` when the database's revision is unknown to this program."""
    revision = current_revision(engine)
    if not is_known_revision(revision):
        raise SchemaTooNew(redact(str(engine.url)), str(revision))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a no-op when already there. Refuses a newer schema."""
    from alembic import command

    refuse_newer_schema(engine)
    try:
        command.upgrade(_alembic_config(engine), revision)
    except exc.DBAPIError as error:
        raise DatabaseUnavailable(redact(str(engine.url)), describe_error(error)) from error


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def is_known_revision(revision: str | None) -> bool:
    """Whether this program's migrations know ``revision`` (None, an empty database, is known): an
    unknown one was written by a newer CommandCenter, which this one must not touch."""
    return revision is None or revision in _known_revisions()
