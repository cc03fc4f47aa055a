"""Alembic environment: runs migrations on the engine handed over in ``config.attributes``.

SQLite cannot ALTER most things, so a migration there rebuilds a table (batch mode: copy, drop,
rename). With foreign keys enforced — every connection of ours turns them on — dropping a table
that other rows reference fails, so a populated database of an early release could not be upgraded
(``tests/core/test_migrations_from_first.py``). The SQLite recipe: foreign keys off for the
migration (the pragma only counts outside a transaction), ``PRAGMA foreign_key_check`` before the
commit, on again afterwards.
"""

from __future__ import annotations

from alembic import context

from commandcenter.persistence.schema import is_modelled, metadata

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        with connection.begin():
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
                if broken:
                    raise RuntimeError(f"migration left rows with broken references: {broken[:5]}")
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
