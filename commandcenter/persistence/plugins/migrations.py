"""Running a plugin's own Alembic migrations, each plugin with its own version table.

A plugin's scripts live in its ``migrations/`` folder (``versions/`` inside, no ``env.py`` needed:
the host plays the environment here). Its revisions are stamped in ``alembic_version_plg_<id>``, so
plugin histories never tangle with the core's chain or with each other, and removing a plugin
leaves the core schema untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import exc

from commandcenter.persistence.access import unavailable
from commandcenter.persistence.store import Store


def upgrade_plugin(store: Store, migrations_dir: Path, version_table: str) -> None:
    """Bring the plugin's tables to its head revision; a no-op when already there."""
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    script = ScriptDirectory.from_config(config)

    def steps(revision: Any, _context: Any) -> Any:
        return script._upgrade_revs("head", revision)

    try:
        with (
            EnvironmentContext(config, script, fn=steps, destination_rev="head") as environment,
            store.engine.begin() as connection,
        ):
            environment.configure(
                connection=connection,
                version_table=version_table,
                render_as_batch=connection.dialect.name == "sqlite",
            )
            with environment.begin_transaction():
                environment.run_migrations()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
