"""Times as operators read them: on the district's clock, whatever zone the workstation is set to.

A workstation in UTC once showed 22:29 in the header and the queue while the case it had just
received was numbered 20261202 (China's day): two clocks on one screen. Every time a widget shows
goes through here, and here asks only ``commandcenter.district_time`` — the zone the configuration
named, set once when the process started — never the operating system's zone (no
``astimezone()`` without a zone, no ``QDateTime.currentDateTime()``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QByteArray, QDate, QDateTime, QTimeZone

from commandcenter.district_time import district_clock


def _local(moment: datetime) -> datetime:
    """Stored times are UTC; one read back without a zone (SQLite) is taken as UTC."""
    return district_clock().local(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def district_now() -> datetime:
    return district_clock().now()


def clock_text(moment: datetime) -> str:
    """``22:29:05``: the status bar's, the tiles', the header's clock."""
    return _local(moment).strftime("%H:%M:%S")


def minute_text(moment: datetime) -> str:
    """``12-02 22:29``: the queue's, the pop-up's and the detail's times."""
    return _local(moment).strftime("%m-%d %H:%M")


def stamp_text(moment: datetime) -> str:
    """``2026-12-02 22:29:05``: lists an auditor reads (audit log, edit history)."""
    return _local(moment).strftime("%Y-%m-%d %H:%M:%S")


def epoch_clock_text(epoch: float) -> str:
    """``clock_text`` of epoch seconds (tracks and unit fixes carry them)."""
    return clock_text(datetime.fromtimestamp(epoch, UTC))


def district_date() -> QDate:
    """Today's date on the district's clock (the header words it in the UI's language)."""
    today = district_clock().today()
    return QDate(today.year, today.month, today.day)


def district_qt_zone() -> QTimeZone:
    """The district's zone for Qt's date-time editors (track playback's period)."""
    return QTimeZone(QByteArray(district_clock().name.encode()))


def district_qt_now() -> QDateTime:
    return QDateTime.currentDateTimeUtc().toTimeZone(district_qt_zone())
