"""Alembic environment: runs migrations on the engine handed over in ``config.attributes``.

SQLite cannot ALTER most things, so a migration there rebuilds a table (batch mode: copy, drop,
rename). With foreign keys enforced — every connection of ours turns them on — dropping a table
that other rows reference fails, so a populated database of an early release could not be upgraded
(``tests/core/test_migrations_from_first.py``). The SQLite recipe: foreign keys off for the
migration (the pragma only counts outside a transaction), ``PRAGMA foreign_key_check`` before the
commit, on again afterwards. And the whole upgrade is ONE SQLite transaction, DDL included: Python's
sqlite3 opens transactions only before INSERT/UPDATE/DELETE, so a CREATE TABLE ran in autocommit
and a failed upgrade left new tables behind under the old revision; here the driver's implicit
transactions are off and the upgrade starts with its own BEGIN (PostgreSQL's DDL is transactional
already).
"""

from __future__ import annotations

from alembic import context

from commandcenter.persistence.database import DatabaseUnavailable, redact
from commandcenter.persistence.schema import is_modelled, metadata

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    driver = connection.connection.driver_connection
    implicit = getattr(driver, "isolation_level", None)
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        driver.isolation_level = None  # no implicit BEGIN; ours below
    try:
        with connection.begin():
            if sqlite:
                connection.exec_driver_sql("BEGIN")  # committed or rolled back by the driver
            context.configure(
                connection=connection,
                target_metadata=metadata,
                include_name=is_modelled,
                render_as_batch=sqlite,
            )
            with context.begin_transaction():
                context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:  # rolled back; one line for whoever ran the upgrade, not a traceback
                    raise DatabaseUnavailable(
                        redact(str(engine.url)),
                        f"迁移后存在无效引用 rows with broken references after the migration: {broken[:5]}",
                    )
    finally:
        if sqlite:
            driver.isolation_level = implicit
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
