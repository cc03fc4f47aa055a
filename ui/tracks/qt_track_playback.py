"""Track playback panel (轨迹回放): pick one unit or a group and a period, load their tracks off the Qt
thread, and play them with a time slider at ×1/×4/×16/×64; the trips-and-stops list jumps to a
moment. The panel draws nothing on a map: it emits ``track_loaded`` (each unit's ``Track``, for the
polyline) and ``frame`` (where every played unit is now), which the map — or anything — draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from commandcenter.services.track_service import TrackService
from commandcenter.tracks import SPEEDS, PlaybackClock, Segmentation, Stop, Track, segment_track
from ui.background import BackgroundRunner
from ui.district_time import district_qt_now, district_qt_zone
from ui.tracks.qt_unit_picker import QtUnitPicker
from ui.tracks.track_rows import TrackRow, clock_text, rows_for

TICK_MS = 100
SLIDER_STEPS = 1000
DEFAULT_HOURS = 2
_ROW = Qt.ItemDataRole.UserRole


class QtTrackPlayback(QWidget):
    frame = Signal(list)  # [(unit_id, lon, lat, heading_deg), ...] at the playback moment
    load_started = Signal()  # a new load replaces what was shown (the map clears its tracks)
    track_loaded = Signal(object)  # Track: one per unit of a load, before the first frame
    playback_finished = Signal()
    load_failed = Signal(str)

    def __init__(self, tracks: TrackService, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackPlayback")
        self._tracks = tracks  # the signed-in user's: an office user picks only their office's units
        self._runner = runner
        self.clock = PlaybackClock([])
        self._stops: dict[int, list[Stop]] = {}  # unit id → the stops of its loaded track
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._elapsed = QElapsedTimer()
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.units = QtUnitPicker(self)
        now = district_qt_now()
        self.start_edit = self._time_edit(now.addSecs(-DEFAULT_HOURS * 3600))
        self.end_edit = self._time_edit(now)
        self.load_button = QPushButton(self.tr("Load tracks"), self)
        self.load_button.clicked.connect(self._load_selected)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self.toggle)
        self.speed = QComboBox(self)
        for speed in SPEEDS:
            self.speed.addItem(f"×{speed}", speed)
        self.speed.currentIndexChanged.connect(lambda _index: self.set_speed(int(self.speed.currentData())))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(self._slid)
        self.time_label = QLabel("--:--:--", self)
        self.rows = QListWidget(self)
        self.rows.itemActivated.connect(self._row_chosen)
        self.rows.itemClicked.connect(self._row_chosen)

        picker = QWidget(self)
        form = QFormLayout(picker)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.units)
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.load_button)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.speed)
        controls.addWidget(self.time_label)
        player = QWidget(self)
        player_column = QVBoxLayout(player)
        player_column.setContentsMargins(0, 0, 0, 0)
        player_column.addLayout(controls)
        player_column.addWidget(self.slider)
        player_column.addWidget(self.rows, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(picker)
        split.addWidget(player)
        split.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(split, 1)

    def _time_edit(self, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setTimeZone(district_qt_zone())  # the district's clock, whatever the workstation's zone
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        edit.setDateTime(value)
        return edit

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Fill the unit picker (in the background)."""
        self._runner.submit(self._tracks.units, self.units.show_units, self._failed)

    def stop(self) -> None:
        self._timer.stop()

    # ------------------------------------------------------------------ loading
    def _load_selected(self) -> None:
        ids = self.units.selected_ids()
        start = datetime.fromtimestamp(self.start_edit.dateTime().toSecsSinceEpoch(), UTC)
        end = datetime.fromtimestamp(self.end_edit.dateTime().toSecsSinceEpoch(), UTC)
        if ids:
            self.load(ids, start, end)

    def load(self, unit_ids: Sequence[int], start: datetime, end: datetime) -> None:
        """Load and segment the tracks on a worker thread; the panel shows them when they arrive."""
        self.pause()
        self.load_button.setEnabled(False)
        self.load_started.emit()
        service, ids = self._tracks, list(unit_ids)

        def job() -> list[tuple[Track, Segmentation]]:
            tracks = service.tracks(ids, start, end)
            return [(tracks[unit], segment_track(tracks[unit])) for unit in ids]

        self._runner.submit(job, self._loaded, self._failed)

    def stops_of(self, track: Track) -> list[Stop] | None:
        """The stops the panel found for ``track`` on its worker (the map draws them without
        segmenting the track again); None for a track this panel did not load."""
        return self._stops.get(track.unit_id)

    def _loaded(self, loaded: list[tuple[Track, Segmentation]]) -> None:
        self.load_button.setEnabled(True)
        self.clock = PlaybackClock([track for track, _ in loaded])
        self.clock.speed = int(self.speed.currentData())
        self.rows.clear()
        rows: list[TrackRow] = []
        self._stops = {track.unit_id: segmentation.stops for track, segmentation in loaded}
        for track, segmentation in loaded:
            self.track_loaded.emit(track)
            rows += rows_for(
                self.units.labels.get(track.unit_id, str(track.unit_id)), track.unit_id, segmentation
            )
        for row in sorted(rows, key=lambda r: r.start):
            item = QListWidgetItem(row.text)
            item.setData(_ROW, row.start)
            self.rows.addItem(item)
        playable = bool(self.clock.tracks)
        if not playable:
            self.rows.addItem(self.tr("No positions in this period"))
        self.play_button.setEnabled(playable)
        self.slider.setEnabled(playable)
        self._show()

    def _failed(self, error: Exception) -> None:
        self.load_button.setEnabled(True)
        self.load_failed.emit(str(error))

    # ------------------------------------------------------------------ playing
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if not self.clock.tracks:
            return
        if self.clock.finished:
            self.clock.seek(self.clock.start)
        self._elapsed.start()
        self._timer.start()
        self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        self._timer.stop()
        self.play_button.setText(self.tr("Play"))

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, speed: int) -> None:
        self.clock.speed = speed
        index = self.speed.findData(speed)
        if index >= 0 and index != self.speed.currentIndex():
            self.speed.setCurrentIndex(index)

    def seek(self, epoch: float) -> None:
        self.clock.seek(epoch)
        self._show()

    def _tick(self) -> None:
        self.clock.advance(self._elapsed.restart() / 1000.0)  # real elapsed time, not the nominal tick
        self._show()
        if self.clock.finished:
            self.pause()
            self.playback_finished.emit()

    def _show(self) -> None:
        self.frame.emit([(p.unit_id, p.lon, p.lat, p.heading_deg) for p in self.clock.frame()])
        self.slider.blockSignals(True)
        self.slider.setValue(round(self.clock.fraction * SLIDER_STEPS))
        self.slider.blockSignals(False)
        self.time_label.setText(clock_text(self.clock.now) if self.clock.tracks else "--:--:--")

    def _slid(self, value: int) -> None:
        self.clock.seek_fraction(value / SLIDER_STEPS)
        self._show()

    def _row_chosen(self, item: QListWidgetItem) -> None:
        start = item.data(_ROW)
        if start is not None:
            self.seek(float(start))
