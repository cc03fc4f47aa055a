"""The video wall area of the main window (a first grid; issue 3 grows it into the full wall).

Interface used by the main window: ``QtVideoWall(parent)``, ``show_feeds(feeds)``, ``stop_all()``.
Run ``python -m ui.videowall.qt_wall`` to see it alone with the loopback demo streams.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QWidget

from ui.theme import WINDOW
from ui.video.qt_video_tile import QtVideoTile

MAX_TILES = 9  # 3×3; bigger layouts arrive with the full wall
GAP_PX = 2


@dataclass(frozen=True)
class CameraFeed:
    """What a tile needs to show one camera."""

    code: str
    name: str
    url: str


def grid_shape(count: int) -> tuple[int, int]:
    """(rows, columns) of the smallest near-square grid: 4 → 2×2, 5 → 2×3, 9 → 3×3."""
    if count <= 0:
        return 0, 0
    columns = math.ceil(math.sqrt(count))
    return math.ceil(count / columns), columns


class QtVideoWall(QWidget):
    """A grid of libVLC tiles on a dark background, one per feed, thin gaps between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoWall")
        self.setStyleSheet(f"#videoWall {{ background: {WINDOW}; }}")
        self.setAutoFillBackground(True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(GAP_PX, GAP_PX, GAP_PX, GAP_PX)
        self._grid.setSpacing(GAP_PX)
        self._tiles: list[QtVideoTile] = []

    @property
    def tiles(self) -> list[QtVideoTile]:
        return list(self._tiles)

    def show_feeds(self, feeds: list[CameraFeed]) -> None:
        """Replace the wall's contents with these feeds (the first ``MAX_TILES``)."""
        self.stop_all()
        for tile in self._tiles:
            self._grid.removeWidget(tile)
            tile.deleteLater()
        feeds = feeds[:MAX_TILES]
        rows, columns = grid_shape(len(feeds))
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        self._tiles = []
        for index, feed in enumerate(feeds):
            tile = QtVideoTile(self)
            tile.setToolTip(feed.code)
            self._grid.addWidget(tile, index // columns, index % columns)
            self._tiles.append(tile)
            tile.play(feed.name, feed.url)
        for row in range(rows):
            self._grid.setRowStretch(row, 1)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)

    def stop_all(self) -> None:
        """Stop every player; called before the window closes."""
        for tile in self._tiles:
            tile.stop()


def _preview() -> int:
    """The wall alone on the demo streams (generated and served on the fly)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from commandcenter.config import StreamSettings
    from commandcenter.media.clips import ensure_demo_clips
    from commandcenter.media.demo_streams import StreamTier
    from commandcenter.media.stream_server import DemoStreamServer

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    clips = ensure_demo_clips(min(count, 6))
    server = DemoStreamServer(StreamSettings(port=18_555, clip_count=len(clips)))
    server.start()
    app = QApplication(sys.argv)
    wall = QtVideoWall()
    wall.resize(1280, 760)
    urls = server.urls(StreamTier.SUB)
    feeds = [CameraFeed(f"demo-{i}", clips[i % len(clips)].name, urls[i % len(urls)]) for i in range(count)]
    wall.show_feeds(feeds)
    wall.show()
    try:
        return app.exec()
    finally:
        wall.stop_all()
        server.stop()


if __name__ == "__main__":
    raise SystemExit(_preview())
