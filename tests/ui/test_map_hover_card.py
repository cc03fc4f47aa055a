"""The map's hover card stays inside the map: over a unit at the right or bottom edge it opens to the
pointer's left or above it, instead of being cut off by the edge of the map (what the operator
saw over units near the dock's border)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UnitKind
from commandcenter.mapping.unit_frame import KINDS
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.map.qt_overview_map import QtOverviewMap


@pytest.fixture
def live_map(qtbot: QtBot, district_store: Store) -> Iterator[QtOverviewMap]:
    runner = BackgroundRunner()
    widget = QtOverviewMap(services_for(district_store), runner, refresh_s=60.0)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    widget.start()
    qtbot.waitUntil(lambda: len(widget.units.frame) > 0, timeout=20_000)
    yield widget
    widget.stop()
    runner.shutdown()


@pytest.mark.parametrize("corner", ["right", "bottom", "bottom right"])
def test_the_card_over_a_unit_at_the_edge_stays_inside_the_map(live_map: QtOverviewMap, corner: str) -> None:
    frame = live_map.units.frame
    index = int(np.flatnonzero(frame.kind == KINDS.index(UnitKind.MUCK_TRUCK))[0])  # the tallest card
    x, y = float(frame.x[index]), float(frame.y[index])
    near, far = 6.0, 294.0  # metres of view on either side: the unit sits 2 % from the edge
    x_range = (x - far, x + near) if "right" in corner else (x - 150.0, x + 150.0)
    y_range = (y - near, y + far) if "bottom" in corner else (y - 150.0, y + 150.0)  # y grows upwards
    live_map.view_box.setRange(xRange=x_range, yRange=y_range, padding=0)
    live_map.pointer._hover(live_map.view_box.mapViewToScene(QPointF(x, y)))
    card = live_map.pointer.card
    assert card.isVisible()
    assert str(frame.labels[index]) in card.text()
    assert live_map.plot.rect().contains(card.geometry()), (card.geometry(), live_map.plot.rect())
