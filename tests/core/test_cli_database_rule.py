"""Which database a command works on, and asking before replacing one — real processes on real
SQLite files, with ``COMMANDCENTER_DB_URL`` exported as the README's several-workstations block does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from commandcenter.exit_codes import EXIT_NOT_CONFIRMED, EXIT_OK
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary


def run(
    *args: str, env: dict[str, str] | None = None, stdin: int = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.main", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, **(env or {})},
        stdin=stdin,
    )


@pytest.fixture(scope="module")
def district_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed-scale district made by ``demo-data`` through the environment variable, once."""
    path = tmp_path_factory.mktemp("shared") / "shared.sqlite"
    home = tmp_path_factory.mktemp("home")
    made = run(
        "demo-data", env={"COMMANDCENTER_DB_URL": f"sqlite:///{path}", "COMMANDCENTER_HOME": str(home)}
    )
    assert made.returncode == EXIT_OK, made.stderr
    assert f"数据库 database: sqlite:///{path}" in made.stderr
    assert not (home / "data" / "demo.sqlite").exists()  # not the demo's own file
    return path


def _high_water(url: str) -> int:
    store = Store.open(url)
    try:
        return feed_summary(store).position_high_water
    finally:
        store.close()


def test_simulate_moves_units_in_the_configured_database(district_file: Path, isolated_home: Path) -> None:
    url = f"sqlite:///{district_file}"
    before = _high_water(url)
    result = run("simulate", "--seconds", "1", env={"COMMANDCENTER_DB_URL": url})
    assert result.returncode == EXIT_OK, result.stderr
    assert f"数据库 database: {url}" in result.stderr
    assert _high_water(url) > before
    assert not (isolated_home / "data" / "demo.sqlite").exists()


def test_simulate_on_an_empty_database_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    result = run("simulate", "--seconds", "1", env={"COMMANDCENTER_DB_URL": url})
    assert result.returncode != 0
    assert "has no units to move" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def filled(district_file: Path, tmp_path: Path) -> tuple[str, Path]:
    """A copy of the district plus one imported camera that a replacement would wipe."""
    copy = tmp_path / "filled.sqlite"
    copy.write_bytes(district_file.read_bytes())
    cameras = tmp_path / "mine.csv"
    cameras.write_text("code,name\nMINE-1,我的摄像机\n", encoding="utf-8")
    url = f"sqlite:///{copy}"
    assert run("import-cameras", str(cameras), "--url", url).returncode == EXIT_OK
    return url, copy


def _has_my_camera(url: str) -> bool:
    store = Store.open(url)
    try:
        return any(entry.code == "MINE-1" for entry in camera_queries.all_cameras(store))
    finally:
        store.close()


def test_replacing_data_without_a_terminal_needs_yes(filled: tuple[str, Path]) -> None:
    url, _path = filled
    refused = run("demo-data", env={"COMMANDCENTER_DB_URL": url})
    assert refused.returncode == EXIT_NOT_CONFIRMED
    assert "pass --yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _has_my_camera(url)
    done = run("demo-data", "--yes", env={"COMMANDCENTER_DB_URL": url})
    assert done.returncode == EXIT_OK, done.stderr
    assert not _has_my_camera(url)


@pytest.mark.parametrize(("answer", "code", "kept"), [("n", EXIT_NOT_CONFIRMED, True), ("y", EXIT_OK, False)])
def test_on_a_terminal_demo_data_asks_first(
    filled: tuple[str, Path], answer: str, code: int, kept: bool
) -> None:
    url, _path = filled
    terminal, child_end = os.openpty()  # a real terminal on stdin
    try:
        os.write(terminal, f"{answer}\n".encode())
        result = run("demo-data", "--url", url, stdin=child_end)
    finally:
        os.close(child_end)
        os.close(terminal)
    assert result.returncode == code, result.stderr
    assert "continue? [y/N]" in result.stderr
    assert _has_my_camera(url) is kept
