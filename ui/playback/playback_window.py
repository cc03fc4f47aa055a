"""回放: recorded video of one or more cameras of a GB/T 28181 platform, played in step.

The period's recordings are asked for every camera, then a playback stream is started for each; the
tiles play them. One ``PlaybackClock`` keeps the recorded moment on screen; a click on the timeline
seeks every stream to the moment clicked, pause, resume and the speed (×1–×16) go to every stream at
once, so the cameras stay in step. The platform's calls block: they run on the ``BackgroundRunner``;
after a seek, a speed change or a resume the tiles reconnect (the media server's stream continues
there; a live HTTP stream cannot be rewound in the player).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from commandcenter.catalog.clip_export import record_clip
from commandcenter.catalog.playback_clock import PlaybackClock
from commandcenter.catalog.wvp_playback import (
    SPEEDS,
    PlaybackCamera,
    PlaybackStream,
    RecordRange,
    WvpPlayback,
)
from commandcenter.domain.video_evidence import VideoEvidence
from commandcenter.services.case_video_evidence import CaseVideoEvidence
from commandcenter.video.vlc_backend import LibVlcPlayer
from ui.background import BackgroundRunner
from ui.playback.record_timeline import RecordTimeline
from ui.video.qt_video_tile import QtVideoTile

TICK_MS = 200
CLIP_S = 10.0  # seconds of each camera saved to a case
FRAME_S = 0.04  # one picture at 25 fps, the usual GB/T 28181 camera rate


class PlaybackWindow(QWidget):
    def __init__(
        self,
        playback: WvpPlayback,
        cameras: list[PlaybackCamera],
        start: datetime,
        end: datetime,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        evidence: tuple[CaseVideoEvidence, int] | None = None,
    ) -> None:
        """``evidence``: the case service and the case whose clips this window may save (opened from
        a case), else None (no save button)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("playbackWindow")
        self.setWindowTitle(self.tr("Recorded video"))
        self._playback, self._cameras, self._runner = playback, cameras, runner
        self.streams: list[PlaybackStream] = []
        self.last_saved: list[VideoEvidence] = []
        self.clock = PlaybackClock(start)
        self.tiles = [QtVideoTile(self) for _ in cameras]
        self.timeline = RecordTimeline(start, end, self)
        self.timeline.seek_requested.connect(self.seek)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setObjectName("playbackPause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button = QPushButton(self.tr("Next frame"), self)
        self.step_button.setObjectName("playbackStep")
        self.step_button.setEnabled(False)  # a frame step holds still pictures: only while paused
        self.step_button.clicked.connect(self.step)
        self.speed_box = QComboBox(self)
        self.speed_box.setObjectName("playbackSpeed")
        for speed in SPEEDS:
            self.speed_box.addItem(f"×{speed}", speed)
        self.speed_box.currentIndexChanged.connect(
            lambda _i: self.set_speed(float(self.speed_box.currentData()))
        )
        self._evidence = evidence
        self.save_button = QPushButton(self.tr("Save clip to case"), self)
        self.save_button.setObjectName("playbackSaveClip")
        self.save_button.setVisible(evidence is not None)
        self.save_button.clicked.connect(self.save_clip)
        self.time_label = QLabel(self)
        self.time_label.setObjectName("playbackTime")
        self.status = QLabel(self.tr("Looking for recordings…"), self)
        self.status.setObjectName("playbackStatus")

        grid = QGridLayout()
        columns = 1 if len(cameras) == 1 else 2 if len(cameras) <= 4 else 3
        for index, tile in enumerate(self.tiles):
            grid.addWidget(tile, index // columns, index % columns)
        controls = QHBoxLayout()
        for widget in (
            self.pause_button,
            self.step_button,
            QLabel(self.tr("Speed"), self),
            self.speed_box,
            self.time_label,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.status)
        controls.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addLayout(grid, 1)
        column.addWidget(self.timeline)
        column.addLayout(controls)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._tick()
        runner.submit(self._open, self._opened, self._failed)

    # ------------------------------------------------------------------ worker side (blocking)
    def _open(self) -> tuple[list[list[RecordRange]], list[PlaybackStream]]:
        start, end = self.timeline.start, self.timeline.end
        records = [self._playback.records(c.device_id, c.channel_id, start, end) for c in self._cameras]
        streams = [self._playback.start(c.device_id, c.channel_id, start, end) for c in self._cameras]
        return records, streams

    # ------------------------------------------------------------------ Qt side
    def _opened(self, result: tuple[list[list[RecordRange]], list[PlaybackStream]]) -> None:
        records, self.streams = result
        self.timeline.set_rows([(c.name, r) for c, r in zip(self._cameras, records, strict=True)])
        self.status.setText("")
        self.clock.seek(self.timeline.start)
        self._replay()

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The platform did not answer: %1").replace("%1", str(error)))

    def _replay(self) -> None:
        for tile, camera, stream in zip(self.tiles, self._cameras, self.streams, strict=True):
            tile.play(camera.name, stream.url)

    def seek(self, moment: datetime) -> None:
        """Every camera continues from ``moment``."""
        if not self.streams:
            return
        streams = list(self.streams)
        self.clock.seek(moment)
        self.clock.paused = False
        self.pause_button.setText(self.tr("Pause"))
        self.step_button.setEnabled(False)
        self._runner.submit(lambda: _each(streams, self._playback.seek, moment), self._steered, self._failed)

    def set_speed(self, speed: float) -> None:
        if not self.streams or speed == self.clock.speed:
            return
        streams = list(self.streams)
        self.clock.set_speed(speed)
        self._runner.submit(lambda: _each(streams, self._playback.speed, speed), self._steered, self._failed)

    def toggle_pause(self) -> None:
        if not self.streams:
            return
        streams = list(self.streams)
        if self.clock.paused:
            self.clock.resume()
            self.pause_button.setText(self.tr("Pause"))
            self.step_button.setEnabled(False)
            self._runner.submit(lambda: _each(streams, self._playback.resume), self._steered, self._failed)
        else:
            self.clock.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.step_button.setEnabled(True)
            for tile in self.tiles:
                tile.set_decode_mode("still")
            self._runner.submit(lambda: _each(streams, self._playback.pause), lambda _r: None, self._failed)

    def step(self) -> None:
        """Every paused camera one picture further (the platform is not asked: the pictures are
        already in the players' buffers)."""
        if not self.clock.paused:
            return
        for tile in self.tiles:
            if isinstance(tile.player, LibVlcPlayer):
                tile.player.step()
        self.clock.seek(self.clock.position() + timedelta(seconds=FRAME_S))

    def save_clip(self, seconds: float = CLIP_S) -> None:
        """``seconds`` of every camera from now on, copied from the platform's streams and attached
        to the case with camera, recorded period and SHA-256 (audited by the service)."""
        if self._evidence is None or not self.streams:
            return
        service, case_id = self._evidence
        moment = self.clock.position().replace(microsecond=0)
        period = (moment, moment + timedelta(seconds=seconds * self.clock.speed))
        pairs = list(zip(self._cameras, self.streams, strict=True))

        def save() -> list[VideoEvidence]:
            return [
                service.attach_clip(
                    case_id, camera.channel_id, camera.name, period, record_clip(stream.url, seconds)
                )
                for camera, stream in pairs
            ]

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving clips…"))
        self._runner.submit(save, self._saved, self._save_failed)

    def _saved(self, kept: list[VideoEvidence]) -> None:
        self.save_button.setEnabled(True)
        self.last_saved = kept
        text = self.tr("Clips saved to the case: %1 (SHA-256 %2…)")
        self.status.setText(
            text.replace("%1", str(len(kept))).replace("%2", kept[0].sha256[:12] if kept else "")
        )

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("The clip could not be saved: %1").replace("%1", str(error)))

    def _steered(self, _result: object) -> None:
        if not self.clock.paused:
            self._replay()

    def _tick(self) -> None:
        moment = self.clock.position()
        self.timeline.set_position(moment)
        self.time_label.setText(moment.strftime("%Y-%m-%d %H:%M:%S"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        for tile in self.tiles:
            tile.stop()
        for tile in self.tiles[:1]:  # one backend for all: players must not outlive their windows
            tile.session.backend.settle()
        streams, self.streams = self.streams, []
        self._runner.submit(lambda: _each(streams, self._playback.stop), lambda _r: None)
        super().closeEvent(event)


def _each(streams: list[PlaybackStream], action: Callable[..., None], *args: Any) -> None:
    """One platform call per stream (worker side)."""
    for stream in streams:
        action(stream, *args)
