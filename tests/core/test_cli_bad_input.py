"""Bad input at the command line, as a user meets it: the real ``commandcenter`` entry point in a
subprocess, asserting on the exit code and the words. Every case is one ``错误 error:`` line, an
exit code from ``commandcenter.exit_codes`` and no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from commandcenter.exit_codes import EXIT_CONFIG, EXIT_UNAVAILABLE, EXIT_USAGE

UNSUPPORTED = {
    "nonsense://x": "unsupported database 'nonsense'",
    "mysql://cc@localhost/cc": "unsupported database 'mysql'",
    "postgresql+asyncpg://cc@localhost/cc": "unsupported driver 'asyncpg'",
    "postgresql://cc@localhost/cc": "unsupported driver 'psycopg'",  # SQLAlchemy 2.1's default: psycopg 3
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``commandcenter ARGS`` without a display: a GUI command cannot open a dialog, so the stderr
    line is all there is (the dialog itself is tested in tests/ui/test_fatal_dialog.py)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ui.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
        stdin=subprocess.DEVNULL,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == code, output
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误 error:")]
    assert len(errors) == 1, result.stderr
    assert words in errors[0]


@pytest.mark.parametrize(
    ("url", "given"), list(zip(UNSUPPORTED, ["--url", "COMMANDCENTER_DB_URL"] * 2, strict=True))
)
def test_db_check_refuses_an_unsupported_url_and_says_what_is_supported(given: str, url: str) -> None:
    result = run("db", "check", "--url", url) if given == "--url" else run("db", "check", env={given: url})
    assert_one_clear_line(result, EXIT_USAGE, UNSUPPORTED[url])
    assert "sqlite:///PATH, postgresql+psycopg2://user@host/db" in result.stderr


def _files(tmp_path: Path) -> dict[str, Path]:
    cameras = tmp_path / "cameras.csv"
    cameras.write_text("code,name\nC1,大学路口\n", encoding="utf-8")
    roads = tmp_path / "roads.geojson"
    roads.write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8")
    return {"cameras": cameras, "roads": roads}


COMMANDS = {
    "db check": ["db", "check"],
    "db upgrade": ["db", "upgrade"],
    "import-cameras": ["import-cameras", "{cameras}"],
    "import-geojson": ["import-geojson", "{roads}", "--datum", "wgs84", "--layer", "roads"],
    "demo-data": ["demo-data", "--yes"],
    "simulate": ["simulate", "--seconds", "1"],
    "prepare-demo": ["prepare-demo"],
    "gui": ["gui"],
    "demo": ["demo", "--no-streams", "--no-simulator"],
}
DEMO_OWN_FILE = {"prepare-demo", "demo"}  # they ignore COMMANDCENTER_DB_URL by the documented rule


@pytest.mark.parametrize(
    ("command", "given", "url"),
    [(command, "--url", "mysql://cc:secret@localhost/cc") for command in COMMANDS]
    + [
        (command, "COMMANDCENTER_DB_URL", "postgresql://cc@localhost/cc")
        for command in COMMANDS
        if command not in DEMO_OWN_FILE
    ],
)
def test_every_command_answers_a_bad_url_with_one_line(
    command: str, given: str, url: str, tmp_path: Path
) -> None:
    files = _files(tmp_path)
    args = [part.format(**files) for part in COMMANDS[command]]
    if given == "--url":
        result = run(*args, "--url", url)
    else:
        result = run(*args, env={given: url})
    assert_one_clear_line(result, EXIT_USAGE, "supported")
    assert "secret" not in result.stderr  # the password never reaches the screen


def test_a_missing_config_file_is_an_error_not_silent_defaults(tmp_path: Path) -> None:
    missing = tmp_path / "typo.toml"
    assert_one_clear_line(run("--config", str(missing), "db", "check"), EXIT_CONFIG, str(missing))
    assert_one_clear_line(run("db", "check", env={"COMMANDCENTER_CONFIG": str(missing)}), EXIT_CONFIG, "typo")
    broken = tmp_path / "broken.toml"
    broken.write_text("[map\n", encoding="utf-8")
    assert_one_clear_line(run("--config", str(broken), "gui"), EXIT_CONFIG, "malformed config file")


def test_a_time_zone_that_does_not_exist_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('time_zone = "Asia/Beijing"\n', encoding="utf-8")  # China's zone is Asia/Shanghai
    assert_one_clear_line(run("--config", str(config), "db", "check"), EXIT_CONFIG, "Asia/Beijing")


def test_db_check_never_creates_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "not-yet.sqlite"
    result = run("db", "check", "--url", f"sqlite:///{path}")
    assert_one_clear_line(result, EXIT_UNAVAILABLE, "no database file")
    assert list(tmp_path.iterdir()) == []
    created = run("db", "upgrade", "--url", f"sqlite:///{path}")  # upgrade is the command that creates
    assert created.returncode == 0, created.stderr
    assert path.exists()


@pytest.mark.postgres
def test_every_command_names_its_database_with_the_password_hidden(pg_url: str) -> None:
    with_password = pg_url.replace("postgres@", "postgres:Geheim-42@")  # trust auth ignores it
    result = run("db", "upgrade", env={"COMMANDCENTER_DB_URL": with_password})
    assert result.returncode == 0, result.stderr
    assert "数据库 database: postgresql+psycopg2://postgres:***@" in result.stderr
    assert "Geheim-42" not in result.stdout + result.stderr


def test_camera_import_reports_encoding_bad_lines_and_what_was_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    path = tmp_path / "cameras.csv"
    path.write_bytes('code,name\nC1,"建设路口\nC2,大学路口\nC3,中原路,口\n'.encode("gbk"))
    result = run("import-cameras", str(path), "--url", url)
    assert result.returncode == 1, result.stderr
    assert "line 2: unclosed quote" in result.stderr
    assert "line 4: 3 columns, the header has 2" in result.stderr
    assert "新增 inserted 1" in result.stdout
    assert "encoding GBK" in result.stdout
    assert "every good row was stored, the 2 listed on stderr were not" in result.stdout


def test_geojson_that_is_not_utf8_is_one_line_and_nothing_stored(tmp_path: Path) -> None:
    path = tmp_path / "roads.geojson"
    line = {"type": "LineString", "coordinates": [[113.6, 34.7], [113.61, 34.72]]}
    feature = {"type": "Feature", "properties": {"name": "大学路"}, "geometry": line}
    document = {"type": "FeatureCollection", "features": [feature]}
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode("gbk"))
    database = tmp_path / "cc.sqlite"
    result = run(
        "import-geojson", str(path), "--datum", "wgs84", "--layer", "roads", "--url", f"sqlite:///{database}"
    )
    assert_one_clear_line(result, EXIT_USAGE, "is not UTF-8 (it looks like GBK)")
    assert "nothing imported" in result.stderr
    assert not database.exists()
