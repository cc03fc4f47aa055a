"""Search by name, code prefix and pinyin initials; the kind → office → segment tree."""

from __future__ import annotations

from dataclasses import replace

from commandcenter.catalog.grouping import build_tree
from commandcenter.catalog.pinyin_initials import name_initials
from commandcenter.catalog.search import CameraSearch
from commandcenter.catalog.snapshot import CatalogSnapshot, refreshed
from commandcenter.domain.cameras import CameraEntry, StreamUrls


def cam(code: str, name: str, kind: str = "综合", office: str | None = None, segment: str | None = None, *,
        online: bool = True, gb: str | None = None) -> CameraEntry:  # fmt: skip
    return CameraEntry(
        code=code, name=name, kind=kind, office=office, segment=segment, online=online, gb_device_id=gb
    )


CAMERAS = [
    cam("CAM-ST-00001", "建设路与大学路交叉口东", office="建中街街道", segment="建设路第1段"),
    cam("CAM-ST-00002", "大学路56号北侧", office="建中街街道", segment="大学路第2段", online=False),
    cam("CAM-ST-00013", "金水路与长江中路交叉口", office="淮河路街道", segment="长江路第1段"),
    cam("CAM-CS-00001", "重庆路工地出入口", "工地", office="淮河路街道", gb="41010300001320000007"),
    cam("CAM-VH-00001", "豫A·Z0007车载摄像头", "车载", office="淮河路街道"),
    cam("IMP-1", "二七广场", "导入"),
]


def codes(found: list[CameraEntry]) -> list[str]:
    return [camera.code for camera in found]


def test_initials_follow_pinyin_keep_ascii_and_offer_polyphone_variants() -> None:
    assert name_initials("建设路")[0] == "jsl"
    assert name_initials("豫A·Z0007")[0] == "yaz0007"
    assert "cqlgdcrk" in name_initials("重庆路工地出入口")  # 重 read chóng here, zhòng elsewhere


def test_pinyin_initials_find_names() -> None:
    search = CameraSearch(CAMERAS)
    assert codes(search.search("jsl")) == ["CAM-ST-00001", "CAM-ST-00013"]  # 建设路…, 金水路…
    assert codes(search.search("cql")) == ["CAM-CS-00001"]
    assert codes(search.search("JSLYDXL")) == ["CAM-ST-00001"]  # case does not matter


def test_name_substring_and_code_prefix() -> None:
    search = CameraSearch(CAMERAS)
    assert codes(search.search("大学路")) == ["CAM-ST-00001", "CAM-ST-00002"]
    assert codes(search.search("cam-st-0001")) == ["CAM-ST-00013"]  # a prefix, not a substring
    assert codes(search.search("CAM-ST-0000")) == ["CAM-ST-00001", "CAM-ST-00002"]
    assert codes(search.search("4101030000132")) == ["CAM-CS-00001"]  # GB/T 28181 id prefix
    assert codes(search.search("imp")) == ["IMP-1"]
    assert search.search("  ") == []
    assert search.search("没有这个") == []


def test_code_hits_come_first_and_the_limit_holds() -> None:
    many = [cam(f"CAM-ST-{n:05d}", f"建设路{n}号") for n in range(1, 301)]
    search = CameraSearch([*many, cam("JSL-1", "二七广场")])
    found = search.search("jsl", limit=50)
    assert len(found) == 50
    assert found[0].code == "JSL-1"
    assert len(search.search("建设路", limit=1000)) == 300


def test_tree_groups_kind_office_segment_with_online_counts() -> None:
    root = build_tree(CAMERAS)
    assert [group.label for group in root.groups] == [
        "综合",
        "工地",
        "车载",
        "导入",
    ]  # CameraKind order first
    street = root.groups[0]
    assert street.caption == "综合 (2/3)"
    assert [group.caption for group in street.groups] == ["建中街街道 (1/2)", "淮河路街道 (1/1)"]
    assert [group.caption for group in street.groups[0].groups] == ["大学路第2段 (0/1)", "建设路第1段 (1/1)"]
    vehicle_office = root.groups[2].groups[0]
    assert vehicle_office.groups == []
    assert codes(vehicle_office.cameras) == ["CAM-VH-00001"]
    assert codes(root.groups[3].cameras) == ["IMP-1"]  # no office: directly under its kind
    assert sorted(codes(list(street.all_cameras()))) == ["CAM-ST-00001", "CAM-ST-00002", "CAM-ST-00013"]
    assert (root.total, root.online) == (6, 5)


def test_a_re_read_rebuilds_only_on_change_and_keeps_the_favourites() -> None:
    class Catalog:
        def __init__(self) -> None:
            self.cameras = list(CAMERAS)

        def list_cameras(self) -> list[CameraEntry]:
            return list(self.cameras)

        def stream_urls(self, code: str) -> StreamUrls:
            return StreamUrls(code)

    catalog = Catalog()
    first = CatalogSnapshot.build(catalog.list_cameras(), {"IMP-1", "GONE"})
    assert codes(first.starred()) == ["IMP-1"]
    assert refreshed(catalog, first) is None
    catalog.cameras = [replace(CAMERAS[0], online=False), *CAMERAS[1:]]
    second = refreshed(catalog, first)
    assert second is not None
    assert second.favourites is first.favourites
    assert second.tree.groups[0].caption == "综合 (1/3)"
    assert codes(second.search.search("jsl"))[0] == "CAM-ST-00001"
    assert not second.search.search("jsl")[0].online
