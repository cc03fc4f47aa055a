"""Settings: TOML file, environment overrides, and clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from commandcenter import paths
from commandcenter.config import ConfigError, load_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "config" / "example-config.toml"


def test_defaults_without_a_file_use_local_sqlite(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "missing.toml", environ={})
    assert settings.language == "zh_CN"
    assert settings.resolved_database_url() == f"sqlite:///{paths.default_sqlite_path()}"


def test_shipped_example_config_loads() -> None:
    settings = load_settings(EXAMPLE, environ={})
    assert settings.streams.port == 18554
    assert settings.simulator.cases_per_hour == 120.0


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('language = "zh_CN"\n[streams]\nport = 1000\n', encoding="utf-8")
    environ = {
        "COMMANDCENTER_LANG": "en",
        "COMMANDCENTER_STREAM_PORT": "2000",
        "COMMANDCENTER_DB_URL": "postgresql+psycopg2://cc@db/cc",
    }
    settings = load_settings(file, environ=environ)
    assert (settings.language, settings.streams.port) == ("en", 2000)
    assert settings.resolved_database_url() == "postgresql+psycopg2://cc@db/cc"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("language = ", "malformed config file"),
        ("colour = 'red'", "unknown setting"),
        ("[streams]\nport = 'eighty'", "streams.port"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    file = tmp_path / "config.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(file, environ={})
    assert str(file) in str(caught.value) or "streams.port" in str(caught.value)
