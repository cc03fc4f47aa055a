"""「视图」 on the wall toolbar against a real database: save → list → load restores layout and cells,
another operator's shared view is listed but not deletable, a missing camera keeps its cell, and a
database that goes away is reported without losing the wall, the list or the unsaved name."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraEntry, CameraFeed, SavedView
from commandcenter.persistence.cameras.imports import save_cameras
from commandcenter.persistence.cameras.saved_views import list_views, save_view
from commandcenter.persistence.store import Store
from commandcenter.video.vlc_support import url_supported
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_tour_menu import WallTourMenu
from ui.videowall.wall_views_menu import WallViewsMenu

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(url_supported("rtsp://x/"), reason="this libVLC plays RTSP: tiles would connect"),
]
ME, OTHER = "值班员甲", "值班员乙"
CAMS = [CameraFeed(f"C{i}", f"摄像机{i}", f"rtsp://127.0.0.1:1/{i}") for i in range(6)]


@pytest.fixture
def cameras(store: Store) -> Store:
    save_cameras(store, [CameraEntry(f.code, f.name, "综合", main_url=f.main_url) for f in CAMS])
    return store


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall((900, 500))


@pytest.fixture
def menu(qtbot: QtBot, cameras: Store, wall: QtVideoWall) -> Iterator[WallViewsMenu]:
    runner = BackgroundRunner()
    yield WallViewsMenu(cameras, runner, wall, ME)
    runner.shutdown()


def opened(qtbot: QtBot, menu: WallViewsMenu) -> list[str]:
    """Open the menu as a click does (it re-reads the list) and return its entries once read."""
    with qtbot.waitSignal(menu.listed, timeout=20_000):
        menu.menu().aboutToShow.emit()
    return [action.text() for action in menu.menu().actions() if action.text()]  # sections too


def click(menu: QMenu, label: str) -> None:
    action = next(action for action in menu.actions() if action.text() == label)
    assert action.isEnabled()
    action.trigger()


def codes(wall: QtVideoWall) -> list[str | None]:
    return [feed.code if feed else None for feed in wall.feeds]


def test_save_list_and_load_restore_layout_and_cells(
    qtbot: QtBot, menu: WallViewsMenu, wall: QtVideoWall, cameras: Store
) -> None:
    wall.show_feeds([CAMS[3], None, CAMS[1], CAMS[0], None, CAMS[5]], layout="1+5")
    with qtbot.waitSignal(menu.saved, timeout=20_000):
        menu.save_current("早高峰", shared=False)
    assert "早高峰" in menu.status.text()
    qtbot.waitUntil(lambda: [view.name for view in menu.views] == ["早高峰"], timeout=20_000)
    assert list_views(cameras, ME)[0].cells == ("C3", None, "C1", "C0", None, "C5")

    wall.show_feeds([CAMS[2]], layout="2x2")
    assert "早高峰" in opened(qtbot, menu)
    with qtbot.waitSignal(menu.loaded, timeout=20_000):
        click(menu.menu(), "早高峰")
    assert wall.layout_name == "1+5"
    assert codes(wall) == ["C3", None, "C1", "C0", None, "C5"]
    assert [tile.name for tile in wall.tiles if tile.feed.code] == [
        "摄像机3",
        "摄像机1",
        "摄像机0",
        "摄像机5",
    ]


def test_another_operators_shared_view_is_listed_but_not_deletable(
    qtbot: QtBot, menu: WallViewsMenu, wall: QtVideoWall, cameras: Store
) -> None:
    save_view(cameras, SavedView("全区", "2x2", ("C4", "C2", None, None), OTHER, shared=True))
    save_view(cameras, SavedView("乙的私人", "1x1", ("C1",), OTHER))
    save_view(cameras, SavedView("夜班", "1x1", ("C0",), ME, shared=True))
    entries = opened(qtbot, menu)
    assert (
        entries.index("夜班 (shared)") < entries.index("Shared") < entries.index("全区 — shared by 值班员乙")
    )
    assert not any("乙的私人" in entry for entry in entries)
    delete_menu = next(a.menu() for a in menu.menu().actions() if a.text() == "Delete view")
    assert [action.text() for action in delete_menu.actions()] == ["夜班"]

    with qtbot.waitSignal(menu.loaded, timeout=20_000):
        click(menu.menu(), "全区 — shared by 值班员乙")
    assert (wall.layout_name, codes(wall)) == ("2x2", ["C4", "C2", None, None])
    with qtbot.waitSignal(menu.deleted, timeout=20_000):
        click(delete_menu, "夜班")
    qtbot.waitUntil(lambda: [view.name for view in menu.views] == ["全区"], timeout=20_000)
    assert [view.name for view in list_views(cameras, OTHER)] == ["乙的私人", "全区"]


def test_a_missing_camera_keeps_its_cell_and_is_reported(
    qtbot: QtBot, menu: WallViewsMenu, wall: QtVideoWall, cameras: Store
) -> None:
    save_view(cameras, SavedView("旧视图", "2x2", ("C0", "GONE-1", None, "C1"), ME))
    opened(qtbot, menu)
    with qtbot.waitSignal(menu.loaded, timeout=20_000):
        click(menu.menu(), "旧视图")
    assert codes(wall) == ["C0", "GONE-1", None, "C1"]
    missing = wall.tile_at(1)
    assert missing is not None
    assert missing.name == "GONE-1 (not found)"
    assert not missing.feed.has_video
    assert "1 cameras not found: GONE-1" in menu.status.text()

    dialog = menu.open_save_dialog()  # re-saving under the same name keeps the missing code
    assert dialog.name == "旧视图"
    assert dialog.note.isVisible()  # "replaces your saved view of this name"
    with qtbot.waitSignal(menu.saved, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert list_views(cameras, ME)[0].cells == ("C0", "GONE-1", None, "C1")


@pytest.fixture
def pg_cameras(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    save_cameras(store, [CameraEntry(f.code, f.name, "综合", main_url=f.main_url) for f in CAMS])
    yield store
    store.close()


@pytest.fixture
def pg_menu(qtbot: QtBot, pg_cameras: Store, wall: QtVideoWall) -> Iterator[WallViewsMenu]:
    runner = BackgroundRunner()
    yield WallViewsMenu(pg_cameras, runner, wall, ME)
    runner.shutdown()


@pytest.mark.postgres
def test_database_away_is_reported_and_nothing_is_lost(
    qtbot: QtBot,
    pg_menu: WallViewsMenu,
    pg_cameras: Store,
    wall: QtVideoWall,
    pg_gate: Callable[[bool], None],
) -> None:
    menu, store = pg_menu, pg_cameras
    save_view(store, SavedView("早高峰", "1x1", ("C0",), ME))
    opened(qtbot, menu)
    wall.show_feeds(CAMS[:4], layout="2x2")
    try:
        pg_gate(False)
        with qtbot.waitSignal(menu.failed, timeout=30_000) as failed:
            menu.save_current("午间", shared=True)
        assert "午间" in failed.args[0]
        assert "无法使用数据库" in failed.args[0]
        assert menu.status.text() == failed.args[0]
        with qtbot.waitSignal(menu.failed, timeout=30_000):
            click(menu.menu(), "早高峰")
        assert (wall.layout_name, codes(wall)) == ("2x2", ["C0", "C1", "C2", "C3"])  # the wall is kept
        entries = opened(qtbot, menu)
        assert entries[0].startswith("Views could not be read")
        assert "早高峰" in entries  # the last list stays
        dialog = menu.open_save_dialog()
        assert (dialog.name, dialog.shared) == ("午间", True)  # the unsaved name comes back

        pg_gate(True)
        with qtbot.waitSignal(menu.saved, timeout=30_000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert [(v.name, v.shared) for v in list_views(store, OTHER)] == [("午间", True)]
    finally:
        pg_gate(True)


def test_the_tools_sit_together_and_the_notice_right_of_them(menu: WallViewsMenu, wall: QtVideoWall) -> None:
    tour = WallTourMenu(wall)
    row = wall.toolbar.layout()
    order = [row.itemAt(i).widget() for i in range(row.count())]
    views_at = order.index(menu)
    assert order[views_at + 1] is tour
    assert order[views_at + 2] is None  # the free space, then the notice, then the decode meter
    assert order[views_at + 3 :] == [menu.status, wall.toolbar.budget]
