"""The status bar: three coloured lights (数据库 / 数据源 / 视频流) with the details in tooltips.

An operator must see at once when the database, the position feeds or the streams fail, and why,
without the window freezing: the checks run in the background every ``status_poll_s`` seconds, and
a check that itself fails turns the database light red instead of raising into the event loop.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from commandcenter.health import HealthMonitor, HealthSnapshot, Level
from ui.background import BackgroundPoll, BackgroundRunner
from ui.district_time import clock_text
from ui.theme import LEVEL_COLORS


class QtIndicator(QLabel):
    """A coloured dot and a name; the level is also a property so tests and QSS can read it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusIndicator")
        self.name = name
        self.level = Level.UNKNOWN
        self.set_level(Level.UNKNOWN, "")

    def set_level(self, level: Level, tooltip: str) -> None:
        self.level = level
        color = LEVEL_COLORS[level]
        self.setText(f'<span style="color:{color}; font-size:16px;">●</span>&nbsp;{self.name}')
        self.setToolTip(tooltip)
        self.setProperty("level", level.value)


class QtStatusBar(QStatusBar):
    def __init__(
        self,
        monitor: HealthMonitor,
        runner: BackgroundRunner,
        interval_s: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.database = QtIndicator(self.tr("Database"), self)
        self.feeds = QtIndicator(self.tr("Data feeds"), self)
        self.streams = QtIndicator(self.tr("Video streams"), self)
        for indicator in (self.database, self.feeds, self.streams):
            self.addWidget(indicator)
        self.detail = QLabel(self)
        self.detail.setObjectName("statusDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addWidget(self.detail, 1)
        self.checked = QLabel(self)
        self.checked.setObjectName("statusDetail")
        self.addPermanentWidget(self.checked)
        self.last_snapshot: HealthSnapshot | None = None
        self._poll = BackgroundPoll(
            runner, interval_s, monitor.check, self.show_snapshot, self.show_failure, self
        )

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def show_snapshot(self, snapshot: HealthSnapshot) -> None:
        self.last_snapshot = snapshot
        db = snapshot.database
        if db.error is None:
            self.database.set_level(db.level, self.tr("Database %1 is answering.").replace("%1", db.url))
            self.detail.setText(db.url)
        else:
            self.database.set_level(db.level, db.error)
            self.detail.setText(db.error)
        self.feeds.set_level(snapshot.feeds.level, self._feeds_text(snapshot))
        self.streams.set_level(snapshot.streams.level, self._streams_text(snapshot))
        self.checked.setText(self.tr("Checked at %1").replace("%1", format_time(snapshot.checked_at)))

    def show_failure(self, error: Exception) -> None:
        """The check itself failed (a bug, not a database outage): say so in red, keep running."""
        text = self.tr("Health check failed: %1").replace("%1", str(error))
        self.database.set_level(Level.FAILED, text)
        self.detail.setText(text)

    def _feeds_text(self, snapshot: HealthSnapshot) -> str:
        feeds = snapshot.feeds
        if feeds.newest_fix_age_s is None:
            return self.tr("No position fixes yet.")
        return (
            self.tr("Newest fix %1 s ago; %2 units reporting; %3 fixes received since start.")
            .replace("%1", f"{feeds.newest_fix_age_s:.0f}")
            .replace("%2", f"{feeds.reporting_units:,}")
            .replace("%3", f"{feeds.fixes_seen:,}")
        )

    def _streams_text(self, snapshot: HealthSnapshot) -> str:
        streams = snapshot.streams
        if not streams.checking:
            return self.tr("Streams are not being checked.")
        if streams.total == 0:
            return self.tr("No streams configured.")
        return (
            self.tr("%1 of %2 checked streams up (%3 streams in all).")
            .replace("%1", str(streams.up))
            .replace("%2", str(streams.probed))
            .replace("%3", str(streams.total))
        )


def format_time(moment: datetime) -> str:
    """The district's wall-clock time of a UTC moment, as the status bar shows it."""
    return clock_text(moment)
