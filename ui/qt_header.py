"""The title band across the top: emblem, the center's name, its four functions, and a live clock.

A command center always shows the time: operators read case ages against it and leaders see at a
glance that the screen is live. The band also hosts the menu bar so it takes no row of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenuBar, QVBoxLayout, QWidget

from ui.district_time import clock_text, district_date, district_now


class QtHeader(QWidget):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        emblem = QLabel(self.tr("City"), self)
        emblem.setObjectName("headerEmblem")
        emblem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        emblem.setFixedSize(44, 44)
        self.title = QLabel(self.tr("Erqi Smart City Management Command Center"), self)
        self.title.setObjectName("headerTitle")
        subtitle = QLabel(
            self.tr("Online intake · Online case handling · Online duty · Online coordination"), self
        )
        subtitle.setObjectName("headerSubtitle")
        self.clock = QLabel(self)
        self.clock.setObjectName("headerClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date = QLabel(self)
        self.date.setObjectName("headerDate")
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.badge = QLabel(self)
        self.badge.setObjectName("headerBadge")
        self.badge.hide()
        self.user = QLabel(self)
        self.user.setObjectName("headerUser")
        self.user.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(self.title)
        title_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addLayout(title_row)
        titles.addWidget(subtitle)
        times = QVBoxLayout()
        times.setSpacing(0)
        times.addWidget(self.clock)
        times.addWidget(self.date)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(14)
        row.addWidget(emblem)
        row.addLayout(titles)
        row.addStretch(1)
        session = QVBoxLayout()
        session.setSpacing(0)
        session.addWidget(menu_bar, 0, Qt.AlignmentFlag.AlignRight)
        session.addWidget(self.user)
        row.addLayout(session)
        row.addSpacing(18)
        row.addLayout(times)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._tick()

    def _tick(self) -> None:
        self.clock.setText(clock_text(district_now()))  # the district's clock, not the workstation's
        # QLocale() is the default locale that create_application sets from the language setting.
        self.date.setText(QLocale().toString(district_date(), self.tr("dddd, MMMM d, yyyy")))

    def set_badge(self, text: str) -> None:
        """A marker beside the title such as 演示 (demo), so nobody mistakes demo data for live data."""
        self.badge.setText(text)
        self.badge.setVisible(bool(text))

    def set_user(self, name: str, role: str) -> None:
        """Who is signed in: every action of this window is theirs (permissions, audit log)."""
        self.user.setText(self.tr("Signed in: %1 (%2)").replace("%1", name).replace("%2", role))

    def stop(self) -> None:
        self._timer.stop()
