"""The raster base layer: tiles from an MBTiles file land right side up in the right place, loaded off
the Qt thread, with a stretched ancestor standing in while a deeper zoom loads; and the map runs
with an XYZ server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from commandcenter.config import MapSettings
from commandcenter.geo.mercator import HALF_WORLD_M
from commandcenter.mapping.mbtiles import MBTiles, write_mbtiles
from commandcenter.mapping.tile_source import TileSource, XyzTileSource
from commandcenter.mapping.tiles import TileKey
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.tile_server import TileServer
from ui.background import BackgroundRunner
from ui.map.qt_overview_map import QtOverviewMap
from ui.map.tile_layer import RETRY_AFTER_S, TileLayer

COLOURS = {(0, 0): "#ff0000", (1, 0): "#00ff00", (0, 1): "#0000ff", (1, 1): "#ffff00"}  # (x, y) at zoom 1


def png(colour: str, *, solid: bool = False) -> bytes:
    """A tile whose top half has the colour and whose bottom half is black (shows which way is up)."""
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour if solid else "#000000"))
    for row in range(0 if solid else 128):
        for column in range(256):
            image.setPixelColor(column, row, QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def world(tmp_path: Path) -> Iterator[MBTiles]:
    """Zoom 1 only: four solid tiles, red north-west, green north-east, blue south-west, yellow south-east."""
    path = tmp_path / "world.mbtiles"
    tiles = {TileKey(1, x, y): png(colour) for (x, y), colour in COLOURS.items()}
    write_mbtiles(path, tiles, {"name": "world", "format": "png", "minzoom": "1", "maxzoom": "1"})
    source = MBTiles(path)
    yield source
    source.close()


def show_layer(qtbot: QtBot, source: TileSource) -> tuple[pg.PlotWidget, TileLayer]:
    plot = pg.PlotWidget()
    plot.setAspectLocked(True)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    qtbot.addWidget(plot)
    plot.resize(600, 600)
    layer = TileLayer(source)
    plot.addItem(layer, ignoreBounds=True)
    plot.show()
    return plot, layer


def colour_at(plot: pg.PlotWidget, x: float, y: float) -> str:
    point = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(pg.Point(x, y)))
    return plot.grab().toImage().pixelColor(point).name()


def test_tiles_are_drawn_right_side_up_where_they_belong(qtbot: QtBot, world: MBTiles) -> None:
    plot, layer = show_layer(qtbot, world)
    box = plot.getPlotItem().vb
    box.setRange(xRange=(-HALF_WORLD_M, HALF_WORLD_M), yRange=(-HALF_WORLD_M, HALF_WORLD_M), padding=0)
    layer.set_view(box.viewRect(), 2 * HALF_WORLD_M / box.width())
    qtbot.waitUntil(lambda: len(layer.images) == 4 and layer.loading == 0, timeout=10_000)
    quarter = HALF_WORLD_M / 2
    upper, lower = 0.75 * HALF_WORLD_M, 0.25 * HALF_WORLD_M  # the top and bottom halves of the north row
    assert colour_at(plot, -quarter, upper) == "#ff0000"  # north-west
    assert colour_at(plot, -quarter, lower) == "#000000"  # its bottom half: the image is not upside down
    assert colour_at(plot, quarter, upper) == "#00ff00"
    assert colour_at(plot, -quarter, -lower) == "#0000ff"
    assert colour_at(plot, quarter, -lower) == "#ffff00"  # south-east
    assert colour_at(plot, quarter, -upper) == "#000000"
    layer.shutdown()


def test_a_deeper_zoom_without_tiles_shows_the_stretched_ancestor(qtbot: QtBot, world: MBTiles) -> None:
    plot, layer = show_layer(qtbot, world)
    box = plot.getPlotItem().vb
    box.setRange(xRange=(-HALF_WORLD_M, HALF_WORLD_M), yRange=(-HALF_WORLD_M, HALF_WORLD_M), padding=0)
    layer.set_view(box.viewRect(), 2 * HALF_WORLD_M / box.width())
    qtbot.waitUntil(lambda: len(layer.images) == 4, timeout=10_000)
    world.max_zoom = 3  # pretend deeper levels exist: they are missing from the file
    span = HALF_WORLD_M / 4
    box.setRange(xRange=(span, 2 * span), yRange=(-span, 0), padding=0)  # the yellow top of the SE tile
    layer.set_view(box.viewRect(), span / box.width())
    assert layer.zoom == 3
    qtbot.waitUntil(lambda: layer.loading == 0, timeout=10_000)
    assert layer.missing  # asked once, then remembered as missing
    assert colour_at(plot, 1.5 * span, -0.5 * span) == "#ffff00"
    layer.shutdown()


def test_the_map_shows_tiles_from_an_xyz_server_and_caches_them(qtbot: QtBot, district_store: Store) -> None:
    server = TileServer(body=lambda _path: png("#ff00ff", solid=True))
    runner = BackgroundRunner()
    widget = QtOverviewMap(
        services_for(district_store), runner, settings=MapSettings(base="xyz", xyz_url=server.url)
    )
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    widget.start()
    try:
        tiles = widget.tiles
        assert isinstance(tiles, TileLayer)
        assert isinstance(tiles.source, XyzTileSource)
        qtbot.waitUntil(lambda: widget.segments_shown == 291, timeout=20_000)
        qtbot.waitUntil(
            lambda: len(tiles.wanted) > 0 and all(k in tiles.images for k in tiles.wanted), timeout=20_000
        )
        assert len(server.requests) >= len(tiles.wanted)
        assert all(tiles.source.cached_path(key).is_file() for key in tiles.wanted)
        corner = widget.plot.grab().toImage().pixelColor(3, 3).name()
        assert corner == "#ff00ff"  # the base map fills the view under the vector layers
    finally:
        widget.stop()
        runner.shutdown()
        server.stop()


def test_tiles_missing_from_the_file_are_replaced_by_their_ancestors(qtbot: QtBot, world: MBTiles) -> None:
    """A file that claims more levels than it holds: the nearest level it has is fetched and stretched."""
    plot, layer = show_layer(qtbot, world)
    world.max_zoom = 3
    box = plot.getPlotItem().vb
    span = HALF_WORLD_M / 4
    box.setRange(xRange=(span, 2 * span), yRange=(-span, 0), padding=0)
    layer.set_view(box.viewRect(), span / box.width())
    qtbot.waitUntil(lambda: TileKey(1, 1, 1) in layer.images, timeout=10_000)
    assert TileKey(1, 0, 0) not in layer.images  # only what the view needs
    qtbot.waitUntil(lambda: colour_at(plot, 1.5 * span, -0.5 * span) == "#ffff00", timeout=5_000)
    layer.shutdown()


def test_tiles_that_failed_to_load_are_asked_for_again_later(qtbot: QtBot) -> None:
    server = TileServer(body=lambda _path: png("#00ffff", solid=True))
    server.overloaded = True
    plot, layer = show_layer(qtbot, XyzTileSource(server.url, max_zoom=1))
    box = plot.getPlotItem().vb
    try:
        box.setRange(xRange=(-HALF_WORLD_M, HALF_WORLD_M), yRange=(-HALF_WORLD_M, HALF_WORLD_M), padding=0)
        layer.set_view(box.viewRect(), 2 * HALF_WORLD_M / box.width())
        qtbot.waitUntil(lambda: len(layer.failed_at) == 4 and layer.loading == 0, timeout=10_000)
        assert not layer.images
        assert not layer.missing  # a 503 is not "this tile does not exist"
        asked = len(server.requests)
        layer.set_view(box.viewRect(), 2 * HALF_WORLD_M / box.width())
        assert layer.loading == 0  # within the retry pause: the server is left alone
        assert len(server.requests) == asked
        server.overloaded = False
        layer.failed_at = {key: at - RETRY_AFTER_S for key, at in layer.failed_at.items()}  # time passes
        layer.set_view(box.viewRect(), 2 * HALF_WORLD_M / box.width())
        qtbot.waitUntil(lambda: len(layer.images) == 4, timeout=10_000)
        assert colour_at(plot, HALF_WORLD_M / 2, HALF_WORLD_M / 2) == "#00ffff"
    finally:
        layer.shutdown()
        server.stop()
