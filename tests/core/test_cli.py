"""The command line as a user runs it: real processes, real files, readable errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from commandcenter import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commandcenter", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"commandcenter {__version__}"


def test_db_upgrade_then_check(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    upgraded = run("db", "upgrade", "--url", url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "up to date" in upgraded.stdout
    assert "up to date" in run("db", "check", "--url", url).stdout


def test_corrupt_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(b"\x00garbage" * 512)
    result = run("db", "upgrade", "--url", f"sqlite:///{path}")
    assert result.returncode == 3
    assert str(path) in result.stderr
    assert "not a database" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_postgres_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("db", "check", "--url", f"postgresql+psycopg2://cc:pw@/cc?host={tmp_path}&port=5999")
    assert result.returncode == 3
    assert "postgresql+psycopg2://cc:***@" in result.stderr
    assert "pw@" not in result.stderr
    assert "Traceback" not in result.stderr


def test_headless_entry_point_explains_that_the_gui_needs_qt() -> None:
    result = run("demo")
    assert result.returncode == 2
    assert "PySide6" in result.stderr
