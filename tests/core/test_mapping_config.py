"""The ``[map]`` section of config.toml: defaults, a full section, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from commandcenter.config import ConfigError, MapSettings, load_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "config" / "example-config.toml"


def test_without_a_map_section_the_map_shows_vector_layers_in_wgs84(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "missing.toml", environ={}).map == MapSettings()
    assert MapSettings().base == "none"
    assert MapSettings().datum == "wgs84"
    assert load_settings(EXAMPLE, environ={}).map == MapSettings()


def test_a_map_section_is_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[map]\nbase = "xyz"\nxyz_url = "http://tiles/{z}/{x}/{y}.png"\n'
        'datum = "gcj02"\noffline_after_s = 60\n',
        encoding="utf-8",
    )
    settings = load_settings(path, environ={}).map
    assert settings == MapSettings(
        base="xyz", xyz_url="http://tiles/{z}/{x}/{y}.png", datum="gcj02", offline_after_s=60.0
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[map]\nbase = "google"\n', "map.base"),
        ('[map]\ndatum = "bd09"\n', "map.datum"),
        ("[map]\nzoom = 3\n", "map.zoom"),
    ],
)
def test_bad_map_settings_are_refused_by_name(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(path, environ={})
