"""The GB/T 28181 platforms on this desk (``[[platforms]]`` in the seat's config): their service as the
camera tree's catalog, the release of streams nobody watches, and PTZ on the main wall's tiles.
Nothing of this exists when no platform is configured."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from commandcenter.config import PlatformSettings
from commandcenter.services.hub import Services
from commandcenter.services.platform_service import PlatformService
from ui.background import BackgroundRunner
from ui.videowall.platform_release import PlatformRelease
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_ptz import WallPtz


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
        self.release = PlatformRelease(service, runner, self)
        self.ptz = WallPtz(service, wall, self)

    def stop(self) -> None:
        """After the walls stopped their players: every stream still open is released."""
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
