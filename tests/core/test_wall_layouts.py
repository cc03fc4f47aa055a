"""Wall layouts, the slot model and the drag payload: the wall's decisions without Qt."""

from __future__ import annotations

import pytest

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.camera_drag import decode_cameras, encode_cameras
from commandcenter.wall.layouts import MENU_NAMES, Cell, grid, layout_around, layout_by_name, layout_for_count
from commandcenter.wall.slots import WallSlots


def covered(name: str) -> list[tuple[int, int]]:
    layout = layout_by_name(name)
    return sorted(
        (cell.row + r, cell.column + c)
        for cell in layout.cells
        for r in range(cell.row_span)
        for c in range(cell.column_span)
    )


@pytest.mark.parametrize(("name", "count"), [("1+5", 6), ("1+7", 8), ("1+9", 10), ("1+12", 13), ("2+8", 10)])
def test_templates_tile_their_grid_exactly_once(name: str, count: int) -> None:
    layout = layout_by_name(name)
    assert len(layout) == count
    assert covered(name) == [(r, c) for r in range(layout.rows) for c in range(layout.columns)]


def test_grids_and_their_limits() -> None:
    assert len(layout_by_name("8x8")) == 64
    assert layout_by_name("2x3").cells[-1] == Cell(1, 2)
    assert all(covered(name) for name in MENU_NAMES)
    with pytest.raises(ValueError, match="outside"):
        layout_by_name("9x9")
    with pytest.raises(ValueError, match="unknown"):
        layout_by_name("bogus")
    assert [layout_for_count(n).name for n in (1, 4, 5, 9, 16, 100)] == [
        "1x1",
        "2x2",
        "2x3",
        "3x3",
        "4x4",
        "8x8",
    ]


def test_around_picks_the_smallest_one_plus_n() -> None:
    assert [layout_around(n).name for n in (1, 2, 6, 7, 10, 13, 20)] == [
        "1x1", "1+5", "1+5", "1+7", "1+9", "1+12", "4x5"
    ]  # fmt: skip
    big = layout_around(6).cells[0]
    assert (big.row_span, big.column_span) == (2, 2)


def feeds(count: int) -> list[CameraFeed]:
    return [CameraFeed(f"c{i}", f"摄像机{i}", f"http://m/{i}", f"http://s/{i}") for i in range(count)]


def test_slots_survive_a_smaller_layout_and_come_back() -> None:
    slots = WallSlots()
    cams = feeds(16)
    slots.show(cams)
    assert slots.layout.name == "4x4"
    slots.set_layout(grid(1, 1))
    assert slots.visible() == cams[:1]
    slots.set_layout(grid(4, 4))
    assert slots.visible() == cams


def test_place_fills_free_slots_then_the_last_one_and_swap() -> None:
    slots = WallSlots(grid(2, 2))
    cams = feeds(6)
    assert [slots.place(cam) for cam in cams[:4]] == [0, 1, 2, 3]
    assert slots.place(cams[4]) == 3  # full: the last visible tile is replaced
    assert slots.place(cams[5], 0) == 0
    slots.swap(0, 2)
    assert slots.visible() == [cams[2], cams[1], cams[5], cams[4]]
    slots.clear(1)
    assert slots.place(cams[1]) == 1


def test_feed_urls_and_the_drag_payload_round_trip() -> None:
    cam = CameraFeed("41010300001310000001", "大学路与航海路", "http://m/1", "http://s/1")
    assert (cam.url, cam.url_for(StreamTier.MAIN)) == ("http://s/1", "http://m/1")
    only_main = CameraFeed("x", "x", main_url="http://m/2")
    assert only_main.url == only_main.url_for(StreamTier.SUB) == "http://m/2"
    assert decode_cameras(encode_cameras([cam, only_main])) == [cam, only_main]
    assert decode_cameras(b"not json") == []
    assert decode_cameras(b'[{"name": "no code"}, 3]') == []
