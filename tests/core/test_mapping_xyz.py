"""The XYZ tile source against a real HTTP server on loopback: fetch, cache on disk, survive a dead
server, and choose the base map from the settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.config import MapSettings
from commandcenter.mapping.base_map import open_tile_source
from commandcenter.mapping.mbtiles import MBTiles, write_mbtiles
from commandcenter.mapping.tile_source import TileUnavailable, XyzTileSource, format_tile_url, tile_cache_dir
from commandcenter.mapping.tiles import TileKey
from commandcenter.testing.tile_server import TileServer


@pytest.fixture
def tile_server() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.stop()


def test_fetched_tiles_are_cached_and_served_from_disk_when_the_server_is_gone(
    tile_server: TileServer,
) -> None:
    source = XyzTileSource(tile_server.url)
    key = TileKey(15, 26_734, 13_000)
    assert source.tile(key) == b"PNG /15/26734/13000.png"
    assert source.cached_path(key).is_file()
    assert source.cached_path(key).is_relative_to(tile_cache_dir())
    tile_server.stop()
    assert source.tile(key) == b"PNG /15/26734/13000.png"
    assert tile_server.requests == ["/15/26734/13000.png"]
    assert source.fetched == 1


def test_a_missing_tile_is_none_and_a_dead_server_is_worth_a_retry(tile_server: TileServer) -> None:
    source = XyzTileSource(tile_server.url, timeout_s=2)
    assert source.tile(TileKey(9, 1, 1)) is None  # the server says 404: it has none, do not ask again
    assert not source.cached_path(TileKey(9, 1, 1)).exists()
    tile_server.stop()
    with pytest.raises(TileUnavailable, match=r"127\.0\.0\.1"):
        source.tile(TileKey(10, 1, 1))


def test_each_url_template_has_its_own_cache(tile_server: TileServer, tmp_path: Path) -> None:
    first = XyzTileSource(tile_server.url, cache_dir=tmp_path)
    second = XyzTileSource(tile_server.url + "?style=dark", cache_dir=tmp_path)
    key = TileKey(3, 1, 2)
    assert first.tile(key) is not None
    assert not second.cached_path(key).exists()


def test_url_templates_understand_tms_rows_and_subdomains() -> None:
    key = TileKey(4, 3, 2)
    assert format_tile_url("https://t{s}.example/{z}/{x}/{-y}.png", key) == "https://t2.example/4/3/13.png"
    assert format_tile_url("https://x/{z}/{x}/{y}", key) == "https://x/4/3/2"


def test_base_map_follows_the_settings(tmp_path: Path, tile_server: TileServer) -> None:
    path = tmp_path / "base.mbtiles"
    write_mbtiles(path, {TileKey(1, 0, 0): b"x"}, {"name": "t", "format": "png"})
    opened = open_tile_source(MapSettings(base="mbtiles", mbtiles_path=str(path)))
    assert isinstance(opened, MBTiles)
    assert opened.tile(TileKey(1, 0, 0)) == b"x"
    opened.close()
    xyz = open_tile_source(MapSettings(base="xyz", xyz_url=tile_server.url))
    assert isinstance(xyz, XyzTileSource)
    assert xyz.template == tile_server.url
    assert open_tile_source(MapSettings()) is None
    assert open_tile_source(MapSettings(base="mbtiles", mbtiles_path=str(tmp_path / "gone.mbtiles"))) is None
    assert open_tile_source(MapSettings(base="xyz")) is None
