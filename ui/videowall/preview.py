"""The wall alone on the loopback demo streams: ``python -m ui.videowall.preview [tiles]``."""

from __future__ import annotations

from commandcenter.domain.cameras import CameraFeed
from ui.videowall.qt_wall import QtVideoWall


def main() -> int:
    """The wall alone on the demo streams (generated and served on the fly)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from commandcenter.config import StreamSettings
    from commandcenter.domain.cameras import StreamTier
    from commandcenter.streaming.clips import ensure_demo_clips
    from commandcenter.streaming.stream_server import DemoStreamServer

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    clips = ensure_demo_clips(min(count, 6))
    server = DemoStreamServer(StreamSettings(port=18_555, clip_count=len(clips)))
    server.start()
    app = QApplication(sys.argv)
    wall = QtVideoWall()
    wall.resize(1280, 760)
    mains, subs = server.urls(StreamTier.MAIN), server.urls(StreamTier.SUB)
    feeds = [
        CameraFeed(f"demo-{i}", clips[i % len(clips)].name, mains[i % len(mains)], subs[i % len(subs)])
        for i in range(count)
    ]
    wall.show_feeds(feeds)
    wall.show()
    try:
        return app.exec()
    finally:
        wall.stop_all()
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
