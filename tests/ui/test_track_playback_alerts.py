"""The alert list on a real SQLite store: a loaded truck stopped off-site for 11 minutes shows up
as 疑似偷倒 within a poll, and "create case" files it once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from commandcenter.domain.units import Position
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.map.alerts import recent_alerts
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.rules import AlertKind
from commandcenter.testing.accounts import services_for
from commandcenter.testing.rule_district import TRUCK, rule_district
from ui.background import BackgroundRunner
from ui.tracks.qt_alert_list import QtAlertList

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'alerts.sqlite'}")
    replace_all(opened, rule_district())
    yield opened
    opened.close()


def test_an_alert_appears_and_becomes_a_case(qtbot: QtBot, store: Store) -> None:
    runner = BackgroundRunner()
    panel = QtAlertList(services_for(store).alerts, runner, poll_s=0.1)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: panel.watcher.following)  # from the table's current end
    for minute in range(11):
        fix = Position(TRUCK, T0 + timedelta(minutes=minute), 113.605, 34.715, 0.0, 0.0, "loaded")
        record_positions(store, [fix])
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    item = panel.list.item(0)
    assert "疑似偷倒" in item.text()
    panel.list.setCurrentItem(item)
    assert panel.case_button.isEnabled()
    with qtbot.waitSignal(panel.case_created) as created:
        qtbot.mouseClick(panel.case_button, Qt.MouseButton.LeftButton)
    (stored,) = recent_alerts(store)
    assert stored.kind is AlertKind.DUMPING
    assert stored.case_id == created.args[0]
    assert not panel.case_button.isEnabled()
    panel.stop()
    runner.shutdown()
