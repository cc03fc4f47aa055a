"""The GB/T 28181 platforms as the signed-in principal uses them: their channels in the camera tree
beside the database's cameras, streams opened on demand and released when no tile plays them, and
the dome cameras steered (云台).

Reading the catalog needs what reading the database's cameras needs; steering needs
``Permission.PTZ_CONTROL`` (operators and supervisors, not leaders) and every movement, preset and
cruise is audited under the principal (``AuditAction.PTZ_COMMAND``, target ``camera:<code>``) — a
stop is not: it ends the movement its start recorded. Every call may block (HTTP, database): call it
off the Qt thread. Platform failures arrive as ``CatalogError`` (``services.errors.PlatformError``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.catalog import wvp_ptz
from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp_ptz import LensMove, Preset, PtzMove
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded
from commandcenter.services.platform_alarm_service import PlatformAlarmService


class PlatformService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        catalog: PlatformCatalog,
        alarms: PlatformAlarmService | None = None,
        *,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, principal, audit=audit, clock=clock)
        self.catalog = catalog
        self.alarms = alarms  # the same platforms' device alarms

    # ------------------------------------------------------------------ the catalog (CameraCatalog)
    def list_cameras(self) -> list[CameraEntry]:
        self._any_reader("cameras")
        return self.catalog.list_cameras()

    def stream_urls(self, code: str) -> StreamUrls:
        self._any_reader(f"camera:{code}")
        return self.catalog.stream_urls(code)

    def release_unwatched(self, watched: Iterable[str]) -> list[str]:
        """Stop the platform streams no tile of this desk plays any more; the codes stopped."""
        return self.catalog.release_unwatched(watched)

    def release_all(self) -> list[str]:
        return self.catalog.release_all()

    # ------------------------------------------------------------------ 云台
    def may_steer(self, code: str) -> bool:
        """Whether a tile showing ``code`` offers the PTZ pad: a platform channel and the permission."""
        return self.principal.can(Permission.PTZ_CONTROL) and self.catalog.is_platform(code)

    def move(self, code: str, command: PtzMove, speed: float = 0.5) -> None:
        source = self._steered(code)
        wvp_ptz.move(source, code, command, speed)
        if command is not PtzMove.STOP:
            self._record(
                AuditAction.PTZ_COMMAND, f"camera:{code}", {"command": command.value, "speed": speed}
            )

    def lens(self, code: str, command: LensMove, speed: float = 0.5) -> None:
        source = self._steered(code)
        wvp_ptz.lens(source, code, command, speed)
        if not command.value.endswith(":stop"):
            self._record(AuditAction.PTZ_COMMAND, f"camera:{code}", {"command": command.value})

    def presets(self, code: str) -> list[Preset]:
        self._any_reader(f"camera:{code}")
        return wvp_ptz.presets(self._source(code), code)

    def go_to_preset(self, code: str, number: int) -> None:
        wvp_ptz.go_to_preset(self._steered(code), code, number)
        self._record(AuditAction.PTZ_COMMAND, f"camera:{code}", {"command": "preset", "preset": number})

    def set_preset(self, code: str, number: int, name: str) -> None:
        wvp_ptz.set_preset(self._steered(code), code, number, name)
        details = {"command": "set_preset", "preset": number, "name": name}
        self._record(AuditAction.PTZ_COMMAND, f"camera:{code}", details)

    def start_cruise(self, code: str, cruise: int = 1) -> None:
        wvp_ptz.start_cruise(self._steered(code), code, cruise)
        self._record(AuditAction.PTZ_COMMAND, f"camera:{code}", {"command": "cruise", "cruise": cruise})

    def _steered(self, code: str) -> PlatformSource:
        self._require(Permission.PTZ_CONTROL, f"camera:{code}")
        return self._source(code)

    def _source(self, code: str) -> PlatformSource:
        source = self.catalog.source_of(code)
        if source is None:
            raise CatalogError(f"camera {code!r} is not on a GB/T 28181 platform: it cannot be steered")
        return source
