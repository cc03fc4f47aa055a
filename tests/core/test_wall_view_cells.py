"""Saved views ↔ wall feeds: camera codes resolved in one query on both databases, and a camera
that no longer resolves keeps its cell (and its code) instead of vanishing."""

from __future__ import annotations

from commandcenter.domain.cameras import CameraEntry, CameraFeed
from commandcenter.persistence.cameras.imports import save_cameras
from commandcenter.persistence.cameras.queries import feeds_for_codes
from commandcenter.persistence.store import Store
from commandcenter.wall.view_cells import cells_of, resolve_cells


def test_codes_resolve_to_feeds_and_unknown_codes_are_left_out(store: Store) -> None:
    save_cameras(
        store,
        [
            CameraEntry("C1", "中原路口", "综合", main_url="rtsp://h/1m", sub_url="rtsp://h/1s"),
            CameraEntry("C2", "大学路口", "综合", sub_url="rtsp://h/2s"),
            CameraEntry("C3", "未用", "综合", main_url="rtsp://h/3m"),
        ],
    )
    found = feeds_for_codes(store, ["C2", "C1", "GONE", "C1", ""])
    assert found == {
        "C1": CameraFeed("C1", "中原路口", "rtsp://h/1m", "rtsp://h/1s"),
        "C2": CameraFeed("C2", "大学路口", "", "rtsp://h/2s"),
    }
    assert feeds_for_codes(store, []) == {}


def test_a_missing_camera_keeps_its_cell_and_code() -> None:
    found = {"C1": CameraFeed("C1", "中原路口", "rtsp://h/1")}
    resolved = resolve_cells(["C1", None, "GONE"], found, lambda code: f"{code} 未找到")
    assert resolved.feeds == [found["C1"], None, CameraFeed("GONE", "GONE 未找到")]
    assert resolved.missing == ["GONE"]
    assert not resolved.feeds[2].has_video  # type: ignore[union-attr]
    assert cells_of(resolved.feeds) == ("C1", None, "GONE")  # saving again loses nothing
    assert cells_of([CameraFeed("", ""), None]) == (None, None)
