"""Rolling the program back without its database (issue 19): a database migrated by a newer
CommandCenter is refused with one clear line — by the command line (exit 3, no traceback) and by
``Store.open`` whether or not it would migrate — and is left exactly as it was."""

from __future__ import annotations

import subprocess
import sys

import pytest

from commandcenter.persistence.database import create_database_engine
from commandcenter.persistence.migrate import SchemaTooNew, current_revision
from commandcenter.persistence.store import Store

NEWER = "0099"


@pytest.fixture
def newer_url(db_url: str) -> str:
    store = Store.open(db_url)
    store.execute_raw(f"UPDATE alembic_version SET version_num = '{NEWER}'")
    store.close()
    return db_url


def _revision(url: str) -> str:
    engine = create_database_engine(url)
    try:
        return str(current_revision(engine))
    finally:
        engine.dispose()


@pytest.mark.parametrize("migrate", [True, False])
def test_the_store_refuses_a_newer_schema(newer_url: str, migrate: bool) -> None:
    with pytest.raises(SchemaTooNew) as refused:
        Store.open(newer_url, migrate=migrate)
    assert NEWER in str(refused.value)
    assert "newer CommandCenter" in str(refused.value)
    assert _revision(newer_url) == NEWER


@pytest.mark.parametrize("command", ["upgrade", "check"])
def test_the_command_line_answers_in_one_line(newer_url: str, command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "commandcenter", "db", command, "--url", newer_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("错误 error:")]
    assert NEWER in line
    assert "newer CommandCenter" in line
    assert _revision(newer_url) == NEWER
