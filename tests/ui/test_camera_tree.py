"""The camera tree dock on the demo district (6,785 cameras): loading, search, favourites, drag."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from commandcenter.catalog.pinyin_initials import name_initials
from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.video.camera_drag import CAMERAS_MIME, decode_cameras
from ui.background import BackgroundRunner
from ui.cameras.camera_tree_model import CODE_ROLE
from ui.cameras.qt_camera_tree import QtCameraTree


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[BackgroundRunner]:
    made = BackgroundRunner()
    yield made
    made.shutdown()


def open_tree(qtbot: QtBot, store: Store, runner: BackgroundRunner, **options: object) -> QtCameraTree:
    tree = QtCameraTree(services_for(store).cameras, runner, refresh_s=3600, **options)  # type: ignore[arg-type]
    qtbot.addWidget(tree)
    tree.resize(360, 700)
    tree.show()
    with qtbot.waitSignal(tree.loaded, timeout=30_000):
        tree.start()
    return tree


def top_rows(tree: QtCameraTree) -> list[str]:
    model = tree.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_every_camera_is_grouped_by_kind_with_online_counts(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    everything = camera_queries.all_cameras(district_store)
    assert len(tree.cameras) == len(everything) > 5_685
    street = [c for c in everything if c.kind == "综合"]
    assert top_rows(tree)[0] == f"综合 ({sum(c.online for c in street)}/{len(street)})"
    office_index = tree.model.index(0, 0, tree.model.index(0, 0))
    office = office_index.data()
    in_office = [c for c in street if office.startswith(f"{c.office} (")]
    assert office == f"{in_office[0].office} ({sum(c.online for c in in_office)}/{len(in_office)})"
    segment = tree.model.index(0, 0, office_index).data()
    assert "(" in segment
    assert segment.split(" (")[0] in {c.segment for c in in_office}
    assert str(len(everything)) in tree.status.text()


def test_typing_pinyin_initials_filters_at_once(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    qtbot.keyClicks(tree.search_box, "jsl")
    hits = _cameras_shown(tree)
    assert hits
    assert all(any("jsl" in v for v in name_initials(c.name)) or "jsl" in c.code.lower() for c in hits)
    expected = sum(any("jsl" in v for v in name_initials(c.name)) for c in tree.cameras)
    assert len(hits) == min(expected, 500)
    tree.search_box.clear()
    assert top_rows(tree)[0].startswith("综合 (")


def _cameras_shown(tree: QtCameraTree) -> list[CameraEntry]:
    model, found = tree.model, []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            child = model.index(row, 0, parent)
            item = model.item(child)
            if isinstance(item, CameraEntry):
                found.append(item)
            else:
                pending.append(child)
    return found


def test_double_click_activates_a_camera(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    first = tree.cameras[0]
    tree.search_box.setText(first.code)
    index = tree.model.index(0, 0)
    while tree.model.rowCount(index):
        index = tree.model.index(0, 0, index)
    assert index.data(CODE_ROLE) == first.code
    tree.view.scrollTo(index)
    centre = tree.view.visualRect(index).center()
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a real double
    with qtbot.waitSignal(tree.camera_activated) as activated:  # click starts with a press
        qtbot.mouseDClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    # QTest's double click leaves the button "down" in QApplication.mouseButtons(); release it, or
    # later tests see a drag in progress (the case pop-up waits for the mouse then).
    qtbot.mouseRelease(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton
    assert activated.args == [first.code]


def test_dragging_a_group_carries_all_its_cameras_with_urls(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    office = tree.model.index(0, 0, tree.model.index(0, 0))
    camera = tree.model.index(0, 0, tree.model.index(0, 0, office))
    mime = tree.model.mimeData([office, camera])  # the camera is inside the office: carried once
    feeds = decode_cameras(bytes(mime.data(CAMERAS_MIME).data()))
    label = office.data().split(" (")[0]
    expected = [c for c in tree.cameras if c.kind == "综合" and c.office == label]
    assert sorted(f.code for f in feeds) == sorted(c.code for c in expected)
    by_code = {c.code: c for c in expected}
    assert all((f.main_url, f.sub_url) == (by_code[f.code].main_url, by_code[f.code].sub_url) for f in feeds)
    assert feeds[0].main_url.startswith(("http", "rtsp", "file"))


def test_favourites_are_shown_on_top_and_stored_per_operator(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    code = tree.cameras[3].code
    tree.set_favourite(code, True)
    assert top_rows(tree)[0] == f"{tree.tr('Favourites')} (1/1)"
    assert tree.model.index(0, 0, tree.model.index(0, 0)).data().startswith("★ ")
    qtbot.waitUntil(lambda: camera_queries.favourites(district_store, "operator1") == {code})
    again = open_tree(qtbot, district_store, runner)
    assert again.model.index(0, 0, again.model.index(0, 0)).data(CODE_ROLE) == code
    tree.set_favourite(code, False)
    qtbot.waitUntil(lambda: camera_queries.favourites(district_store, "operator1") == set())
    assert top_rows(tree)[0].startswith("综合 (")


class BrokenCatalog:
    def list_cameras(self) -> list[CameraEntry]:
        raise CatalogError("WVP /api/device/query/devices: code 401: token expired")

    def stream_urls(self, code: str) -> StreamUrls:
        raise CatalogError(code)


def test_a_failing_source_is_reported_in_the_dock(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = QtCameraTree(services_for(district_store).cameras, runner, catalog=BrokenCatalog())
    qtbot.addWidget(tree)
    tree.start()
    qtbot.waitUntil(lambda: "token expired" in tree.status.text())
    assert tree.model.rowCount() == 0


def test_open_groups_stay_open_when_a_camera_is_starred(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    kind = tree.model.index(0, 0)
    tree.view.expand(kind)
    office_label = tree.model.index(0, 0, kind).data().split(" (")[0]
    tree.view.expand(tree.model.index(0, 0, kind))
    tree.set_favourite(tree.cameras[0].code, True)
    kind = tree.model.index(1, 0)  # the favourites group is row 0 now
    office = tree.model.index(0, 0, kind)
    assert tree.view.isExpanded(kind)
    assert tree.view.isExpanded(office)
    assert office.data().startswith(office_label)
    assert not tree.view.isExpanded(tree.model.index(0, 0))


def test_feed_gives_the_wall_both_stream_urls(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    camera = tree.cameras[10]
    feed = tree.feed(camera.code)
    assert feed is not None
    assert (feed.code, feed.main_url, feed.sub_url) == (
        camera.code,
        camera.main_url,
        camera.sub_url,
    )
    assert tree.feed("NO-SUCH-CAMERA") is None


def test_a_star_the_database_refuses_is_taken_back(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    with district_store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE camera_favourites")  # the write will fail for real
    code = tree.cameras[0].code
    tree.set_favourite(code, True)
    assert tree.model.is_favourite(code)  # shown at once
    qtbot.waitUntil(lambda: not tree.model.is_favourite(code))
    assert tree.tr("Favourite could not be saved: %1").split("%1")[0] in tree.status.text()
    assert top_rows(tree)[0].startswith("综合 (")


def test_enter_in_the_search_box_activates_the_best_hit(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    wanted = tree.cameras[42]
    qtbot.keyClicks(tree.search_box, wanted.code)
    with qtbot.waitSignal(tree.camera_activated) as activated:
        qtbot.keyClick(tree.search_box, Qt.Key.Key_Return)
    assert activated.args == [wanted.code]
    tree.search_box.clear()
    with qtbot.assertNotEmitted(tree.camera_activated):
        qtbot.keyClick(tree.search_box, Qt.Key.Key_Return)


def test_a_re_read_shows_cameras_going_offline_and_keeps_stars(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    street = [c for c in tree.cameras if c.kind == "综合"]
    online = sum(c.online for c in street)
    target = next(c for c in street if c.online)
    tree.set_favourite(target.code, True)
    qtbot.waitUntil(lambda: camera_queries.favourites(district_store, "operator1") == {target.code})
    with district_store.engine.begin() as connection:
        connection.execute(update(Camera).where(Camera.code == target.code).values(online=False))
    with qtbot.waitSignal(tree.loaded):
        tree.reload()
    assert top_rows(tree)[1] == f"综合 ({online - 1}/{len(street)})"
    assert top_rows(tree)[0] == f"{tree.tr('Favourites')} (0/1)"


def test_cameras_load_even_when_favourites_cannot_be_read(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    with district_store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE camera_favourites")
    tree = open_tree(qtbot, district_store, runner)
    assert len(tree.cameras) > 5_685
    assert top_rows(tree)[0].startswith("综合 (")


class PlayOnDemand:
    """A source that lists cameras without URLs and starts a stream per request, as a GB/T 28181
    platform does (the real WVP adapter is tested against a loopback server in tests/core)."""

    def __init__(self) -> None:
        self.started: list[str] = []

    def list_cameras(self) -> list[CameraEntry]:
        return [
            CameraEntry("41010300001320000001", "建设路口", "GB28181"),
            CameraEntry("BROKEN", "坏的", "GB28181"),
        ]

    def stream_urls(self, code: str) -> StreamUrls:
        if code == "BROKEN":
            raise CatalogError("WVP /api/play/start: code 100: 设备离线")
        self.started.append(code)
        return StreamUrls(f"http://media/rtp/{code}.live.flv")


def test_a_camera_without_urls_is_started_through_its_source(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    source = PlayOnDemand()
    tree = open_tree(qtbot, district_store, runner, catalog=source)
    with qtbot.waitSignal(tree.feed_ready) as ready:
        tree.request_feed("41010300001320000001")
    feed = ready.args[0]
    assert (feed.code, feed.name, feed.main_url) == (
        "41010300001320000001",
        "建设路口",
        "http://media/rtp/41010300001320000001.live.flv",
    )
    assert source.started == ["41010300001320000001"]
    with qtbot.assertNotEmitted(tree.feed_ready):
        tree.request_feed("BROKEN")
        qtbot.waitUntil(lambda: "设备离线" in tree.status.text())


def test_a_database_camera_is_ready_at_once(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    tree = open_tree(qtbot, district_store, runner)
    camera = tree.cameras[5]
    received: list[object] = []
    tree.feed_ready.connect(received.append)
    tree.request_feed(camera.code)
    assert received == [camera.feed()]  # no worker round trip: the URLs were listed
