"""What ``commandcenter demo`` runs beside the window: the demo database, the simulator thread and
the loopback stream server — all Qt-free, so the same pieces run headless (``simulate``,
``streams``) for a multi-workstation demo on PostgreSQL.

Start-up order is chosen for a fast first window: the database is prepared synchronously (it is
tiny once generated), while clip generation and the stream server start in a background thread;
wall tiles simply keep reconnecting until their stream answers.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from commandcenter import paths
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraSummary
from commandcenter.domain.kinds import CameraKind
from commandcenter.persistence.cameras.queries import camera_summaries
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.store import Store
from commandcenter.services.live_settings import LiveSettings
from commandcenter.services.workspace import Workspace

log = logging.getLogger(__name__)

WALL_TILES = 4


def prepare_demo_store(settings: Settings, url: str, *, reset: bool = False) -> Store:
    """Open the demo database, generating the seed-scale dataset when it is empty (or on reset)."""
    from commandcenter.demo.generate import load_demo_data

    store = Store.open(url)
    if reset or district_counts(store).segments == 0:
        log.info("generating demo data into %s", store.url)
        load_demo_data(store, scale=1, seed=settings.simulator.seed, streams=settings.streams)
        from commandcenter.persistence.map.permits import replace_permits
        from commandcenter.rules.demo_permits import demo_permits

        replace_permits(store, demo_permits(store))  # issue 4: the trucks' permits the map rules check
    from commandcenter.accounts.demo_accounts import assign_demo_passwords
    from commandcenter.demo.duty_rows import ensure_demo_roster

    ensure_demo_roster(store, datetime.now(UTC))  # 勤务 ▸ 值班表: a demo made before the duty tables
    from commandcenter.demo.evaluation_rows import ensure_demo_evaluation

    ensure_demo_evaluation(store, datetime.now(UTC))  # 考核 ▸ 督查, 失信名单: not empty in a leader's demo

    assign_demo_passwords(store)  # issue 7: demo users log in with demo-<username>
    return store


def prepare_demo_media(settings: Settings, store: Store) -> None:
    """Render the demo clips, each burning in the name of the first street camera that shows it, so
    the wall's first view reads the same name in the caption and in the picture."""
    from commandcenter.demo.photos import ensure_demo_photos
    from commandcenter.streaming.clips import ensure_demo_clips

    ensure_demo_clips(settings.streams.clip_count, names=demo_clip_names(store, settings.streams.clip_count))
    ensure_demo_photos()
    ensure_demo_photos("处置后")


def demo_clip_names(store: Store, clip_count: int) -> list[str]:
    chosen = {clip_index_of(camera.sub_url): camera.name for camera in showcase_cameras(store, clip_count)}
    return [chosen.get(index, f"演示摄像机 {index + 1}") for index in range(clip_count)]


def showcase_cameras(store: Store, clip_count: int) -> list[CameraSummary]:
    """One street camera per demo clip, spread across the district (not four on the first road),
    in clip order: the cameras the demo wall opens with and whose names the clips burn in."""
    by_clip: dict[int, list[CameraSummary]] = {}
    for camera in camera_summaries(store, kind=CameraKind.STREET, limit=100_000):
        clip = clip_index_of(camera.sub_url)
        if clip is not None and clip < clip_count:
            by_clip.setdefault(clip, []).append(camera)
    return [group[len(group) * (2 * clip + 1) // (2 * clip_count)] for clip, group in sorted(by_clip.items())]


def clip_index_of(url: str | None) -> int | None:
    """``http://host:port/demo/3/sub.ts`` → 3 (None for a camera that is not on a demo stream)."""
    parts = (url or "").split("/")
    if len(parts) >= 3 and parts[-3] == "demo" and parts[-2].isdigit():
        return int(parts[-2])
    return None


@dataclass
class DemoRuntime:
    """The running demo services; ``stop()`` ends them all (idempotent)."""

    settings: Settings
    store: Store
    case_rules: CaseRuleSet = field(default_factory=CaseRuleSet)
    """The simulator's intake applies these; the window's plugin host registers its rules here."""
    live_settings: LiveSettings | None = None
    """The district's settings as this process last read them: the simulator's intake and the
    window's services share them (the simulator refreshes them on its own thread too)."""
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _stream_server: object | None = None
    streams_ready: threading.Event = field(default_factory=threading.Event)
    """Set once the loopback stream server answers (clips rendered on first start)."""

    def __post_init__(self) -> None:
        if self.live_settings is None:
            self.live_settings = LiveSettings(self.store)

    @classmethod
    def start(
        cls,
        settings: Settings,
        url: str,
        *,
        reset: bool = False,
        simulator: bool = True,
        streams: bool = True,
    ) -> DemoRuntime:
        runtime = cls(settings=settings, store=prepare_demo_store(settings, url, reset=reset))
        if simulator:
            runtime._spawn("simulator", runtime._run_simulator)
        if streams:
            runtime._spawn("streams", runtime._run_streams)
        return runtime

    def _spawn(self, name: str, target: object) -> None:
        thread = threading.Thread(target=target, name=f"demo-{name}", daemon=True)  # type: ignore[arg-type]
        thread.start()
        self._threads.append(thread)

    def _run_simulator(self) -> None:
        from commandcenter.demo.photos import ensure_demo_photos
        from commandcenter.demo.simulator import Simulator

        photos = ensure_demo_photos()
        Simulator(
            self.store,
            self.settings.simulator,
            photos=photos,
            case_rules=self.case_rules,
            live_settings=self.live_settings,
        ).run(self._stop)

    def _run_streams(self) -> None:
        from commandcenter.streaming.stream_server import DemoStreamServer

        try:
            prepare_demo_media(self.settings, self.store)
            if self._stop.is_set():
                return
            server = DemoStreamServer(self.settings.streams)
            server.start()
            self._stream_server = server
            self.streams_ready.set()
        except Exception:  # the demo goes on without video; tiles show "no signal"
            log.exception("demo streams could not start")

    def wall_cameras(self, count: int = WALL_TILES) -> list[CameraSummary]:
        """The first view of the wall: different clips, so the tiles show different pictures."""
        return showcase_cameras(self.store, self.settings.streams.clip_count)[:count]

    def workspace(self) -> Workspace:
        """The demo database as the GUI opens it: the showcase cameras first on the wall, and the one
        set of case rules the simulator's intake and the workstation's plugins share."""
        return Workspace(
            self.store,
            case_rules=self.case_rules,
            first_cameras=self.wall_cameras(),
            live_settings=self.live_settings,
        )

    def stream_urls(self) -> list[str]:
        return [camera.sub_url for camera in self.wall_cameras() if camera.sub_url]

    def stop(self) -> None:
        self._stop.set()
        server = self._stream_server
        if server is not None:
            server.stop()  # type: ignore[attr-defined]
            self._stream_server = None
        for thread in self._threads:
            thread.join(timeout=5)
        self.store.close()


def serve_demo_streams_forever(settings: Settings, port: int | None = None) -> int:
    """``commandcenter streams``: generate the clips if needed and serve them until interrupted."""
    from dataclasses import replace

    from commandcenter.streaming.stream_server import DemoStreamServer

    streams = replace(settings.streams, port=port) if port else settings.streams
    store = prepare_demo_store(settings, paths.demo_database_url())
    prepare_demo_media(settings, store)
    store.close()
    server = DemoStreamServer(streams)
    server.start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    print("serving:", *server.urls(), sep="\n  ")
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
