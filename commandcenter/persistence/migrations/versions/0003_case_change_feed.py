"""case change feed: PostgreSQL NOTIFY on every case insert/update and case event

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 12:00:00

The database itself announces changes, so every writer (another workstation, the gateway, psql) is
seen by every listening workstation. The payload is small JSON on channel ``cc_changes`` and is
delivered at commit (never for a rolled-back transaction). SQLite has no NOTIFY: its clients poll
``PRAGMA data_version`` instead (``commandcenter.persistence.sqlite_change_feed``), so nothing here.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Fields of NEW are resolved when the branch runs, so one function serves both tables.
NOTIFY_FUNCTION = """
CREATE FUNCTION cc_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'cases' THEN
        PERFORM pg_notify('cc_changes', json_build_object(
            'table', TG_TABLE_NAME, 'id', NEW.id, 'case_id', NEW.id,
            'status', NEW.status, 'version', NEW.version)::text);
    ELSE
        PERFORM pg_notify('cc_changes', json_build_object(
            'table', TG_TABLE_NAME, 'id', NEW.id, 'case_id', NEW.case_id,
            'status', NEW.to_status, 'version', NULL)::text);
    END IF;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(NOTIFY_FUNCTION)
    op.execute(
        "CREATE TRIGGER cases_notify_change AFTER INSERT OR UPDATE ON cases "
        "FOR EACH ROW EXECUTE FUNCTION cc_notify_change()"
    )
    op.execute(
        "CREATE TRIGGER case_events_notify_change AFTER INSERT ON case_events "
        "FOR EACH ROW EXECUTE FUNCTION cc_notify_change()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS case_events_notify_change ON case_events")
    op.execute("DROP TRIGGER IF EXISTS cases_notify_change ON cases")
    op.execute("DROP FUNCTION IF EXISTS cc_notify_change()")
