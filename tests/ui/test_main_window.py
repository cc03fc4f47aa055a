"""The main window on a seed-scale store: counts, title language, map, case queue, and that every
store call runs off the Qt thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from commandcenter.catalog.nearest import nearest_cameras
from commandcenter.domain.cases import NewCase
from commandcenter.domain.kinds import UnitKind
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.categories import category_codes
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions
from ui.cases.qt_case_detail import QtCaseDetail
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]

SEED_TILES = {
    "offices": "18",
    "roads": "185",
    "segments": "291",
    "city_managers": "1,600",
    "road_chiefs": "291",
    "fixed_cameras": "5,685",
    "muck_trucks": "1,051",
    "enforcement_vehicles": "7",
    "tdm_terminals": "42",
}


class StatementThreads:
    """Every SQL statement the store's engine runs, with whether it ran on the main (Qt) thread: any
    query a widget forgot to send through ``ui/background.py`` shows up here, whoever issues it."""

    def __init__(self, store: Store) -> None:
        self.seen: list[tuple[bool, str]] = []
        event.listen(store.engine, "before_cursor_execute", self._note)

    def _note(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        on_main = threading.current_thread() is threading.main_thread()
        self.seen.append((on_main, " ".join(statement.split())[:120]))

    def touched(self, *fragments: str) -> bool:
        return all(any(fragment in sql for _, sql in self.seen) for fragment in fragments)


@pytest.fixture
def recording_store(district_file: Path) -> Iterator[tuple[Store, StatementThreads]]:
    store = Store.open(f"sqlite:///{district_file}")
    try:
        yield store, StatementThreads(store)
    finally:
        store.close()


def test_window_shows_the_seed_counts(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        pass
    shown = {key: window.kpis.tiles[key].value.text() for key in SEED_TILES}
    assert shown == SEED_TILES
    open_cases = window.kpis.last_counts.open_cases if window.kpis.last_counts else -1
    assert window.kpis.tiles["open_cases"].value.text() == f"{open_cases:,}"


def test_title_is_chinese_by_default_and_english_on_request(open_window: OpenWindow) -> None:
    chinese = open_window()
    assert chinese.windowTitle() == "二七区智慧城管指挥中心"
    assert chinese.header.title.text() == "二七区智慧城管指挥中心"
    assert chinese.kpis.tiles["city_managers"].caption.text() == "城市管理员"
    english = open_window(language="en")
    assert english.windowTitle() == "Erqi Smart City Management Command Center"
    assert english.kpis.tiles["city_managers"].caption.text() == "City managers"


def test_demo_title_names_the_demo(open_window: OpenWindow) -> None:
    assert open_window(title_suffix="demo").windowTitle() == "二七区智慧城管指挥中心 — 演示"


def test_map_draws_every_segment_and_placed_unit(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    placed = [p for p in latest_positions(district_store) if p.lon is not None]
    expected = {kind: sum(1 for p in placed if p.kind == kind.value) for kind in UnitKind}
    qtbot.waitUntil(
        lambda: window.map.segments_shown == 291 and window.map.unit_counts == expected, timeout=20_000
    )
    assert len(window.map.units.frame) == len(placed)


def test_case_queue_holds_the_open_cases_and_pops_up_a_new_one(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    open_cases = board_rows(district_store)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == len(open_cases), timeout=20_000)
    code = category_codes(district_store)[0]
    report = NewCase(code, "市民上报", "井盖缺失", "大学路与陇海路交叉口", 113.64, 34.73, "测试", urgency=1)
    new_id = create_case(district_store, report, now=datetime.now(UTC))
    qtbot.waitUntil(lambda: window.cases.model.row_of(new_id) is not None, timeout=20_000)
    assert window.cases.model.rowCount() == len(open_cases) + 1
    qtbot.waitUntil(lambda: window.popup.current is not None and window.popup.current.id == new_id)
    assert window.popup.isVisible()
    assert not window.popup.isActiveWindow()  # shown without taking the keyboard


def test_store_is_only_called_off_the_qt_thread(
    qtbot: QtBot, open_window: OpenWindow, recording_store: tuple[Store, StatementThreads]
) -> None:
    store, statements = recording_store
    window = open_window(store=store)
    wanted = ("count(*)", "FROM units", "FROM segments", "FROM cases", "FROM cameras")
    qtbot.waitUntil(lambda: statements.touched(*wanted), timeout=20_000)
    window.stop()
    on_main = [sql for main, sql in statements.seen if main]
    assert not on_main, "SQL on the Qt thread:\n" + "\n".join(on_main)


def test_view_menu_toggles_the_docks_and_f11_goes_full_screen(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    window.map_dock.toggleViewAction().trigger()
    assert window.map_dock.isHidden()
    window.map_dock.toggleViewAction().trigger()
    assert not window.map_dock.isHidden()
    assert window.full_screen_action.shortcut().toString() == "F11"
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_nearest_cameras_from_the_map_build_a_one_plus_five_wall(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    camera = next(c for c in nearest_cameras(district_store, 113.64, 34.73, 1))
    assert camera.lon is not None
    assert camera.lat is not None
    with qtbot.waitSignal(window.linked_video.shown, timeout=20_000) as shown:
        window.map.nearest_cameras_requested.emit(camera.lon, camera.lat)
    assert shown.args[0] == 6
    assert window.wall.layout_name == "1+5"
    feeds = [feed for feed in window.wall.feeds if feed is not None]
    assert feeds[0].code == camera.code  # the nearest camera in the big tile


def test_a_case_clicked_on_the_map_opens_its_detail(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    case = board_rows(district_store)[0]
    with qtbot.waitSignal(window.map.case_clicked):
        window.map.case_clicked.emit(case.id)
    details = window.findChildren(QtCaseDetail)
    assert details
    qtbot.waitUntil(lambda: details[-1].detail is not None and details[-1].detail.case.id == case.id)
