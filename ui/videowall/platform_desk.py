"""The GB/T 28181 platforms on this desk (``[[platforms]]`` in the seat's config): their service as the
camera tree's catalog, streams started for cameras dropped on the main wall, the release of streams
nobody watches, PTZ on the main wall's tiles and the device alarms in the alert list.
Nothing of this exists when no platform is configured."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from commandcenter.config import PlatformSettings
from commandcenter.services.hub import Services
from commandcenter.services.platform_service import PlatformService
from ui.background import BackgroundRunner
from ui.tracks.platform_alarm_feed import PlatformAlarmFeed
from ui.tracks.qt_alert_list import QtAlertList
from ui.videowall.platform_feeds import PlatformFeeds
from ui.videowall.platform_release import PlatformRelease
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_ptz import WallPtz
from ui.videowall.wall_windows import WallWindow, WallWindows


class PlatformDesk(QObject):
    def __init__(
        self,
        service: PlatformService,
        runner: BackgroundRunner,
        wall: QtVideoWall,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._runner = runner
        self.release = PlatformRelease(service, runner, self)
        self.ptz = WallPtz(service, wall, self)
        self.feeds = PlatformFeeds(service, runner, wall)  # dragged, viewed, toured: started on demand
        self.alarms: PlatformAlarmFeed | None = None

    def follow_windows(self, windows: WallWindows) -> None:
        """Detached wall windows get PTZ and on-demand streams as the main wall has them."""
        windows.window_opened.connect(self._window_opened)
        for window in windows.windows:
            self._window_opened(window)

    def _window_opened(self, window: WallWindow) -> None:
        WallPtz(self.service, window.wall, window)
        PlatformFeeds(self.service, self._runner, window.wall).resolve()

    def show_alarms(self, alert_list: QtAlertList, show_camera: Callable[[str], None]) -> None:
        """The platforms' device alarms in ``alert_list``; ``show_camera(code)`` puts one on the wall."""
        if self.service.alarms is None:
            return
        poll_s = min(source.settings.alarm_poll_s for source in self.service.catalog.sources)
        self.alarms = PlatformAlarmFeed(self.service.alarms, self._runner, alert_list, show_camera, poll_s)
        self.alarms.start()

    def stop(self) -> None:
        """After the walls stopped their players: every stream still open is released."""
        if self.alarms is not None:
            self.alarms.stop()
        self.release.release_all()
        self.ptz.runner.shutdown()


def install_platforms(
    services: Services,
    platforms: Sequence[PlatformSettings],
    runner: BackgroundRunner,
    wall: QtVideoWall,
    parent: QObject | None = None,
) -> PlatformDesk | None:
    service = services.platform_video(platforms)
    return PlatformDesk(service, runner, wall, parent) if service is not None else None
