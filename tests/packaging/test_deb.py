"""The Linux package (issue 19), built, installed on this machine and run from where it installed.

Once per session ``packaging/deb/build`` makes the .deb and ``packaging/deb/reversion`` repacks it
as an older version. The tests install them with apt/dpkg (root, as in CI), run
``/usr/bin/commandcenter`` — the package's link into /opt/commandcenter/venv, never the developer
venv — and purge the package at the end. The upgrade test makes data with the older package,
installs the newer one over it and finds it all; the downgrade back is refused.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter import __version__

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
INSTALLED = Path("/usr/bin/commandcenter")
PREFIX = Path("/opt/commandcenter/venv")
OLDER = f"{__version__}~older1"


def run(*command: str | Path, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    """Run from / so nothing is imported from this checkout by accident."""
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
        cwd="/",
    )
    assert done.returncode == 0, (
        f"{command} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def install(deb: Path) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "--allow-downgrades", deb, env=env)


def installed_version() -> str:
    return run("dpkg-query", "-W", "-f", "${Version}", "commandcenter").strip()


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    assert os.geteuid() == 0, "the package tests install a .deb: run them as root (CI does)"
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "PYTHON": sys.executable}
    newer = Path(run(REPO / "packaging/deb/build", "--out", out, env=env).strip().splitlines()[-1])
    older = out / f"commandcenter_{OLDER}.deb"
    run(REPO / "packaging/deb/reversion", newer, OLDER, older)
    yield {"newer": newer, "older": older}
    subprocess.run(["dpkg", "--purge", "commandcenter"], capture_output=True, check=False)


def app_env(home: Path) -> dict[str, str]:
    return {**os.environ, "COMMANDCENTER_HOME": str(home), "QT_QPA_PLATFORM": "xcb"}


def smoke(home: Path) -> str:
    """The installed app under the test's Xvfb: demo data made, window usable, one tile plays."""
    out = run(INSTALLED, "demo", "--quit-after-playing", "--no-simulator", env=app_env(home), timeout=300)
    assert any(line.startswith("READY ") for line in out.splitlines()), out
    assert any(line.startswith("PLAYING ") for line in out.splitlines()), out
    return out


# Leaves the database one migration behind, as a version without the newest migration would have: the
# newer package must then migrate it when it first opens it (both builds here carry the same code).
ONE_MIGRATION_BACK = """
import sys
from alembic import command
from sqlalchemy import create_engine
from commandcenter.persistence.migrate import _alembic_config
command.downgrade(_alembic_config(create_engine(sys.argv[1])), "-1")
"""


def revision(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def test_an_upgrade_keeps_the_data(debs: dict[str, Path], tmp_path: Path) -> None:
    subprocess.run(["dpkg", "--purge", "commandcenter"], capture_output=True, check=False)
    install(debs["older"])
    assert installed_version() == OLDER
    smoke(tmp_path)  # the older package makes the demo database, clips and seat state
    database = tmp_path / "data" / "demo.sqlite"
    url = f"sqlite:///{database}"
    run(INSTALLED, "settings", "set", "ack_timeout_minutes", "45", "--url", url, env=app_env(tmp_path))
    with sqlite3.connect(database) as connection:  # a saved wall view and a plugin's seat state
        connection.execute(
            "INSERT INTO saved_views (owner, name, layout, cells, shared, updated_at)"
            " VALUES ('operator1', '早高峰', '2x2', '[null, null, null, null]', 0, '2026-12-01 08:00:00')"
        )
        connection.execute(
            "INSERT INTO plugin_enablement (plugin_id, scope, target, enabled, updated_at, updated_by)"
            " VALUES ('sample', 'workstation', 'bench', 0, '2026-12-01 08:00:00', 'admin')"
        )
    head = revision(database)
    run(PREFIX / "bin" / "python", "-c", ONE_MIGRATION_BACK, url, env=app_env(tmp_path))
    assert revision(database) != head
    before = table_counts(database)

    install(debs["newer"])
    assert installed_version() == __version__
    assert table_counts(database) == before  # nothing opened it yet: the package touched no data
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT layout FROM saved_views WHERE name = '早高峰'").fetchone() == (
            "2x2",
        )
    shown = run(INSTALLED, "settings", "show", "--url", url, env=app_env(tmp_path))  # opening migrates
    assert '"ack_timeout_minutes": 45' in shown
    assert revision(database) == head
    after = table_counts(database)
    assert {name: after[name] for name in before if name != "alembic_version"} == {
        name: count for name, count in before.items() if name != "alembic_version"
    }


def test_a_downgrade_is_refused_with_one_clear_line(debs: dict[str, Path]) -> None:
    install(debs["newer"])
    refused = subprocess.run(["dpkg", "-i", str(debs["older"])], capture_output=True, text=True, check=False)
    assert refused.returncode != 0
    assert f"refusing to downgrade from {__version__} to {OLDER}" in refused.stderr
    assert installed_version() == __version__


def test_the_installed_command_runs_from_the_package(debs: dict[str, Path]) -> None:
    install(debs["newer"])
    assert run(INSTALLED, "--version").strip() == f"commandcenter {__version__}"
    assert INSTALLED.resolve() == (PREFIX / "bin" / "commandcenter").resolve()
    assert "commandcenter:" in run("dpkg", "-S", str(INSTALLED))
    where = run(PREFIX / "bin" / "python", "-c", "import commandcenter, ui; print(commandcenter.__file__)")
    assert where.startswith(str(PREFIX)), where
    files = run("dpkg", "-L", "commandcenter").splitlines()
    for path in (
        "/usr/share/applications/commandcenter.desktop",
        "/usr/share/icons/hicolor/scalable/apps/commandcenter.svg",
        "/lib/systemd/system/commandcenter-gateway.service",
    ):
        assert path in files
    unit = Path("/lib/systemd/system/commandcenter-gateway.service").read_text(encoding="utf-8")
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert Path(exec_start.split("=", 1)[1].split()[0]).is_file()
    entry = Path("/usr/share/applications/commandcenter.desktop").read_text(encoding="utf-8")
    assert f"Exec={INSTALLED} gui\n" in entry
    assert run("getent", "passwd", "commandcenter")  # the gateway's system user


def test_the_installed_app_opens_and_plays_under_xvfb(debs: dict[str, Path], tmp_path: Path) -> None:
    install(debs["newer"])
    out = smoke(tmp_path)
    assert (tmp_path / "data" / "demo.sqlite").exists(), out


def test_the_gateway_starts_from_the_installed_package(debs: dict[str, Path], tmp_path: Path) -> None:
    """The gateway (the systemd unit's ExecStart) answers --help from the package's path."""
    install(debs["newer"])
    assert "gateway" in run(PREFIX / "bin" / "commandcenter", "gateway", "--help", env=app_env(tmp_path))
