"""Live-map benchmark (issue 4): unit updates at seed and city scale against a plain ScatterPlotItem,
pan/zoom over MBTiles tiles, and one truck-day track (8,640 fixes) loaded and drawn.

Runs the real ``QtOverviewMap`` in a 1600×900 window (starts its own Xvfb when DISPLAY is unset). Each
"update" is what the map does once a second: hand it a new frame where every unit has moved, then
``processEvents()``, which paints the viewport (an explicit ``repaint()`` only if it did not: exactly one
paint per update); the figure is the Qt-thread time. Last line: one JSON
object with seed_update_ms, city_update_ms, speedup_vs_scatter, pan_frame_ms, track_day_ms.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QEvent, QIODevice, QObject
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from startup import _ensure_display  # bench/ is on sys.path when this runs as a script

from commandcenter.demo.generate import load_demo_data
from commandcenter.mapping.mbtiles import MBTiles, write_mbtiles
from commandcenter.mapping.polylines import joined_polylines
from commandcenter.mapping.tiles import TileKey, tiles_in_rect
from commandcenter.mapping.unit_frame import STYLE_COUNT, MotionState, UnitFrame, unit_frame
from commandcenter.mapping.vector_data import load_vector_data
from commandcenter.persistence.district.queries import segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.persistence.units.tracks import load_track
from commandcenter.testing.accounts import services_for
from commandcenter.testing.synthetic_tracks import truck_day
from commandcenter.tracks import PlaybackClock, segment_track
from ui.background import BackgroundRunner
from ui.map.lines_layer import LinesLayer
from ui.map.qt_overview_map import QtOverviewMap
from ui.map.unit_layer import UnitLayer

SIZE = (1600, 900)


def synthetic_tile(key: TileKey) -> bytes:
    """A 256-px PNG with a checker shade and a grid, about what a street tile costs to decode."""
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(24 + (key.x + key.y) % 2 * 10, 36, 58))
    painter = QPainter(image)
    painter.setPen(QColor(60, 90, 130))
    for offset in range(0, 256, 32):
        painter.drawLine(offset, 0, offset, 255)
        painter.drawLine(0, offset, 255, offset)
    painter.drawText(8, 20, f"{key.z}/{key.x}/{key.y}")
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def district_mbtiles(path: Path, x: np.ndarray, y: np.ndarray, zooms: range) -> Path:
    bounds = (float(np.nanmin(x)), float(np.nanmin(y)), float(np.nanmax(x)), float(np.nanmax(y)))
    tiles = {key: synthetic_tile(key) for z in zooms for key in tiles_in_rect(z, *bounds)}
    write_mbtiles(
        path, tiles, {"name": "bench", "format": "png", "minzoom": str(zooms[0]), "maxzoom": str(zooms[-1])}
    )
    print(f"MBTiles: {len(tiles)} synthetic tiles, zoom {zooms[0]}–{zooms[-1]}")
    return path


def all_moving(frame: UnitFrame) -> UnitFrame:
    return dataclasses.replace(frame, state=np.full(len(frame), MotionState.MOVING, dtype=np.int64))


def step(frame: UnitFrame, rng: np.random.Generator) -> UnitFrame:
    """One second later: every unit moved 1–12 m along a slowly turning heading."""
    heading = (frame.heading + rng.normal(0, 8, len(frame))) % 360
    distance = rng.uniform(1, 12, len(frame))
    radians = np.radians(heading)
    return dataclasses.replace(
        frame, x=frame.x + distance * np.sin(radians), y=frame.y + distance * np.cos(radians), heading=heading
    )


class _PaintCounter(QObject):
    """Counts the paint events a viewport receives (to time exactly one repaint per update)."""

    def __init__(self, viewport: QObject) -> None:
        super().__init__(viewport)  # a child of the viewport: found again with findChild, gone with it
        self.paints = 0
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def timed_ms(app: QApplication, view: pg.PlotWidget, work: Callable[[], None]) -> float:
    """``work()``, then the repaint it causes, as the app would do it: the event loop's own update
    when it paints, an explicit repaint only when it did not (two paints would time one too many)."""
    viewport = view.viewport()
    counter = viewport.findChild(_PaintCounter) or _PaintCounter(viewport)
    started = time.perf_counter()
    painted = counter.paints
    work()
    app.processEvents()
    if counter.paints == painted:
        viewport.repaint()
    return (time.perf_counter() - started) * 1000


def open_map(
    app: QApplication, store: Store, runner: BackgroundRunner, source: MBTiles | None
) -> QtOverviewMap:
    widget = QtOverviewMap(services_for(store), runner, overlay_refresh_s=3600, tile_source=source)
    widget.resize(*SIZE)
    widget.show()
    widget.show_vectors(load_vector_data(store))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        widget.vectors.live is None or (widget.tiles is not None and widget.tiles.loading)
    ):
        app.processEvents()
    return widget


def unit_updates(
    app: QApplication,
    view: pg.PlotWidget,
    layer: UnitLayer,
    show: Callable[[UnitFrame], None],
    frame: UnitFrame,
    updates: int,
    *,
    blocks: int = 6,
) -> tuple[float, float]:
    """Median update+repaint of the unit layer and of a plain ScatterPlotItem doing the same work in
    the same view (a brush per state, a symbol per kind, every point replaced), in alternating blocks
    so both see the same load on a shared machine."""
    scatter = pg.ScatterPlotItem(size=11, pen=None)
    scatter.setVisible(False)
    view.addItem(scatter, ignoreBounds=True)
    lut = pg.colormap.get("viridis").getLookupTable(nPts=STYLE_COUNT, mode="qcolor")
    brushes = [pg.mkBrush(colour) for colour in lut]
    symbols = ["o", "s", "d"]

    def scatter_update(f: UnitFrame) -> None:
        styles = f.styles()
        scatter.setData(x=f.x, y=f.y, brush=[brushes[s] for s in styles], symbol=[symbols[k] for k in f.kind])

    rng = np.random.default_rng(7)
    ours: list[float] = []
    theirs: list[float] = []
    per_block = max(1, updates // blocks)
    for _ in range(blocks):
        for layer_visible, update, times in ((True, show, ours), (False, scatter_update, theirs)):
            layer.setVisible(layer_visible)
            scatter.setVisible(not layer_visible)
            frames = [frame := step(frame, rng) for _ in range(per_block + 2)]
            block = [timed_ms(app, view, lambda f=f, u=update: u(f)) for f in frames]
            times.extend(block[2:])  # the first frames after a switch rebuild caches
    view.removeItem(scatter)
    layer.setVisible(True)
    return statistics.median(ours), statistics.median(theirs)


def segments_only(store: Store, frame: UnitFrame) -> tuple[pg.PlotWidget, UnitLayer]:
    """Exactly the work the issue names — 291 segments and the units — with nothing else drawn."""
    view = pg.PlotWidget(background="#0f1a2e")
    view.setAspectLocked(True)
    view.hideAxis("left")  # as on the map
    view.hideAxis("bottom")
    view.resize(*SIZE)
    lines = LinesLayer()  # the map's own segment item, the same under both unit renderers
    lines.set_line(
        "segments",
        *joined_polylines(s.geometry for s in segment_shapes(store)),
        pg.mkPen("#3b6aa8", width=2),
    )
    view.addItem(lines)
    layer = UnitLayer()
    view.addItem(layer)
    layer.set_frame(frame)
    view.show()
    view.getPlotItem().vb.autoRange(padding=0.04)
    return view, layer


def pan_frames(app: QApplication, widget: QtOverviewMap, steps: int) -> float:
    """Pan 40 px per frame across the district at street zoom, then zoom out and in again."""
    box = widget.view_box
    (x_min, _x_max), (y_min, y_max) = box.viewRange()
    centre_y = (y_min + y_max) / 2
    width = 4.8 * SIZE[0]  # about zoom 15
    box.setRange(
        xRange=(x_min, x_min + width), yRange=(centre_y - width / 3, centre_y + width / 3), padding=0
    )
    app.processEvents()
    times = []
    for index in range(steps):
        dx = 40 * widget.metres_per_px()
        times.append(timed_ms(app, widget.plot, lambda dx=dx: box.translateBy(x=dx)))
        if index % 10 == 9:
            factor = 1.25 if (index // 10) % 2 else 0.8
            times.append(timed_ms(app, widget.plot, lambda f=factor: box.scaleBy((f, f))))
    return statistics.median(times[5:])


def track_day(app: QApplication, widget: QtOverviewMap, store: Store) -> float:
    """What playback does for one truck-day, through the map's own track layer: read it from the
    positions table and find its stops (the panel's worker job), then ``show_track`` (project, one
    path, fit the view), the first playback frame, and the repaint. The live units stay drawn."""
    truck = next(p for p in latest_positions(store) if p.kind == "muck_truck")
    start = datetime(2026, 11, 20, tzinfo=UTC)
    record_positions(store, truck_day(truck.unit_id, start))
    loads: list[float] = []

    def load_and_draw() -> None:
        widget.clear_tracks()  # every run is a fresh load, as when the operator loads again
        started = time.perf_counter()
        track = load_track(store, truck.unit_id, start, start + timedelta(days=1))
        assert len(track) == 8640, len(track)
        stops = segment_track(track).stops
        loads.append((time.perf_counter() - started) * 1000)
        widget.show_track(track, stops)
        clock = PlaybackClock([track])
        clock.seek_fraction(0.5)
        widget.move_playhead([(p.unit_id, p.lon, p.lat, p.heading_deg) for p in clock.frame()], clock.now)

    total = statistics.median(timed_ms(app, widget.plot, load_and_draw) for _ in range(5))
    print(f"  of which read + stops {statistics.median(loads):.1f} ms (worker in the app), the rest draws")
    clock = PlaybackClock([widget.track_layer.tracks[truck.unit_id].track])
    clock.speed = 64

    def frame() -> None:
        clock.advance(0.1)  # one 100 ms tick of the panel at ×64
        widget.move_playhead([(p.unit_id, p.lon, p.lat, p.heading_deg) for p in clock.frame()], clock.now)

    frames = statistics.median(timed_ms(app, widget.plot, frame) for _ in range(30))
    print(f"  a playback frame (playhead + travelled part moved, repaint): median {frames:.1f} ms")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=60, help="unit updates per measurement")
    parser.add_argument("--pan-steps", type=int, default=60)
    parser.add_argument("--track-only", action="store_true", help="only the truck-day track (short run)")
    args = parser.parse_args()
    xvfb = _ensure_display()
    app = QApplication.instance() or QApplication(sys.argv)
    runner = BackgroundRunner()
    folder = Path(tempfile.mkdtemp(prefix="cc-bench-map-"))
    try:
        seed = Store.open(f"sqlite:///{folder / 'seed.sqlite'}")
        load_demo_data(seed, scale=1)
        seed_frame = all_moving(unit_frame(latest_positions(seed)))
        data = load_vector_data(seed)
        tiles = MBTiles(district_mbtiles(folder / "district.mbtiles", *data.roads, range(11, 17)))
        widget = open_map(app, seed, runner, tiles)
        if args.track_only:
            track_ms = track_day(app, widget, seed)
            print(f"one truck-day track, 8,640 fixes: load+draw median {track_ms:.1f} ms (≤ 200)")
            print(json.dumps({"track_day_ms": round(track_ms, 2)}))
            return
        seed_ms, map_scatter_ms = unit_updates(
            app, widget.plot, widget.units, widget.show_units, seed_frame, args.updates
        )
        print(
            f"seed scale, {len(seed_frame):,} units moving, full map (tiles, boundaries, roads, 291 "
            f"segments, case pins): update+repaint median {seed_ms:.1f} ms (≤ 16)"
        )
        ratio = map_scatter_ms / seed_ms
        print(f"  ScatterPlotItem in the same full map: {map_scatter_ms:.1f} ms (×{ratio:.1f})")
        view, layer = segments_only(seed, seed_frame)
        bare_ms, scatter_ms = unit_updates(app, view, layer, layer.set_frame, seed_frame, args.updates)
        view.close()
        speedup = scatter_ms / bare_ms
        print(
            f"units + 291 segments alone: unit layer {bare_ms:.1f} ms, plain ScatterPlotItem "
            f"{scatter_ms:.1f} ms → speedup ×{speedup:.1f} (≥ 3)"
        )
        pan_ms = pan_frames(app, widget, args.pan_steps)
        print(f"pan/zoom with tiles at seed scale: frame median {pan_ms:.1f} ms (≤ 16)")
        track_ms = track_day(app, widget, seed)
        print(f"one truck-day track, 8,640 fixes: load+draw median {track_ms:.1f} ms (≤ 200)")
        widget.stop()
        widget.close()
        city = Store.open(f"sqlite:///{folder / 'city.sqlite'}")
        load_demo_data(city, scale=10)
        city_frame = all_moving(unit_frame(latest_positions(city)))
        city_widget = open_map(app, city, runner, None)
        city_ms, city_scatter_ms = unit_updates(
            app, city_widget.plot, city_widget.units, city_widget.show_units, city_frame, args.updates
        )
        print(f"city scale, {len(city_frame):,} units moving: update+repaint median {city_ms:.1f} ms (≤ 50)")
        print(f"  ScatterPlotItem at city scale: {city_scatter_ms:.1f} ms (×{city_scatter_ms / city_ms:.1f})")
        city_widget.stop()
        city_widget.close()
        result = {
            "seed_update_ms": round(seed_ms, 2),
            "city_update_ms": round(city_ms, 2),
            "speedup_vs_scatter": round(speedup, 2),
            "pan_frame_ms": round(pan_ms, 2),
            "track_day_ms": round(track_ms, 2),
        }
        print(json.dumps(result))
    finally:
        runner.shutdown()
        if xvfb is not None:
            xvfb.terminate()


if __name__ == "__main__":
    main()
