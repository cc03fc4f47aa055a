"""The wizard's config writer round-trips through ``config.load_settings``: its keys set, every
other key kept, never a password in the file, and a malformed file left as it was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from commandcenter.config import ConfigError, MapSettings, load_settings
from commandcenter.setup.seat_config import SeatChoices, write_seat_config
from commandcenter.setup.toml_text import dumps

EXISTING = """# hand-written
theme = "light"
database_url = "sqlite:////srv/old.sqlite"

[simulator]
seed = 7

[plugins]
folders = ["/opt/cc/plugins", "D:\\\\插件"]
office = "五里堡街道"

[map]
offline_after_s = 120.0
"""


def test_the_choices_are_written_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(EXISTING, encoding="utf-8")
    xyz = MapSettings(base="xyz", xyz_url='https://tiles.example/{z}/{x}/{-y}.png?k="a"', datum="gcj02")
    url = "postgresql+psycopg2://cc:S3cret%40x@db.example:5433/commandcenter"
    written = write_seat_config(path, SeatChoices("en", url, xyz))
    loaded = load_settings(path, environ={}, required=True)
    assert loaded.database_url == "postgresql+psycopg2://cc@db.example:5433/commandcenter"
    assert "S3cret" not in path.read_text(encoding="utf-8")
    assert (loaded.language, loaded.theme, loaded.simulator.seed) == ("en", "light", 7)
    assert loaded.plugins.folders == ("/opt/cc/plugins", "D:\\插件")
    assert loaded.plugins.office == "五里堡街道"
    assert (loaded.map.base, loaded.map.xyz_url, loaded.map.datum) == ("xyz", xyz.xyz_url, "gcj02")
    assert loaded.map.offline_after_s == 120.0
    assert (written.needs_password, written.password_in_keyring) == (True, False)  # no keyring here
    assert written.settings == replace(loaded, source=path)


def test_the_password_goes_to_the_keyring_unquoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "commandcenter.setup.seat_config.store_database_password",
        lambda user, password: kept.append((user, password)) or True,
    )
    url = "postgresql+psycopg2://cc:S3cret%40x@db.example/commandcenter"
    written = write_seat_config(tmp_path / "config.toml", SeatChoices("zh_CN", url, MapSettings()))
    assert (kept, written.password_in_keyring) == ([("cc", "S3cret@x")], True)


def test_the_default_embedded_database_leaves_no_database_url(tmp_path: Path) -> None:
    path = tmp_path / "seat" / "config.toml"  # the folder is made too
    mbtiles = MapSettings(base="mbtiles", mbtiles_path="/srv/maps/erqi.mbtiles")
    written = write_seat_config(path, SeatChoices("zh_CN", None, mbtiles))
    loaded = load_settings(path, environ={}, required=True)
    assert (loaded.database_url, loaded.map.base, loaded.map.mbtiles_path) == (
        None,
        "mbtiles",
        mbtiles.mbtiles_path,
    )
    assert (written.needs_password, written.settings.source) == (False, path)
    assert not (tmp_path / "seat" / "config.toml.new").exists()


def test_a_malformed_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("language = \n", encoding="utf-8")
    with pytest.raises(ConfigError):
        write_seat_config(path, SeatChoices("en", None, MapSettings()))
    assert path.read_text(encoding="utf-8") == "language = \n"


def test_what_toml_text_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError):
        dumps({"map": {"inner": {"deeper": 1}}})
    with pytest.raises(ValueError, match="inf"):
        dumps({"status_poll_s": float("inf")})
