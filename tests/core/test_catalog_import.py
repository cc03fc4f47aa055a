"""CSV/JSON camera import: good rows in, bad rows reported by line, datums converted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commandcenter.catalog.file_import import FileCatalog, import_file, parse_csv, parse_json
from commandcenter.catalog.source import CatalogError
from commandcenter.geo.datum import bd09_to_gcj02, gcj02_to_wgs84, to_wgs84

CSV = """code,name,kind,office,segment,lon,lat,online,main_url,sub_url
C1,建设路与大学路交叉口东,综合,建中街街道,建设路第1段,113.6285,34.7352,1,http://m/c1.flv,http://s/c1.flv
C2,,综合,建中街街道,,113.6,34.7,1,,
C3,长江路加油站,工地,,,abc,34.7,yes,,
C4,淮河路口,,,,113.61,,no,,
C1,重复的编号,综合,,,,,1,,
C5,二七广场,公共单位,,,113.6602,34.7566,离线,rtsp://m/c5,
C6,马寨镇,综合,,,113.5,34.6,maybe,,
"""


def test_good_rows_are_imported_and_bad_rows_reported_with_their_line() -> None:
    result = parse_csv(CSV)
    assert [c.code for c in result.cameras] == ["C1", "C5"]
    assert [(e.line, e.message) for e in result.errors] == [
        (3, "name is missing"),
        (4, "lon/lat must be numbers, got 'abc', '34.7'"),
        (5, "lon and lat must be given together"),
        (6, "duplicate code 'C1'"),
        (8, "online must be yes/no or 1/0, got 'maybe'"),
    ]
    first, fifth = result.cameras
    assert (first.office, first.segment, first.main_url, first.sub_url) == (
        "建中街街道",
        "建设路第1段",
        "http://m/c1.flv",
        "http://s/c1.flv",
    )
    assert not fifth.online
    assert fifth.main_url == "rtsp://m/c5"


def test_gcj02_and_bd09_files_land_on_wgs84() -> None:
    line = "code,name,lon,lat\nC1,二七塔,113.6654,34.7538\n"
    gcj = parse_csv(line, "gcj02").cameras[0]
    bd = parse_csv(line, "bd09").cameras[0]
    assert (gcj.lon, gcj.lat) == pytest.approx(gcj02_to_wgs84(113.6654, 34.7538), abs=1e-9)
    assert (bd.lon, bd.lat) == pytest.approx(gcj02_to_wgs84(*bd09_to_gcj02(113.6654, 34.7538)), abs=1e-9)
    assert gcj.lon != 113.6654
    assert bd.lon != gcj.lon
    wgs = parse_csv(line).cameras[0]
    assert (wgs.lon, wgs.lat) == (113.6654, 34.7538)


def test_json_items_are_numbered_from_one() -> None:
    items = [
        {"code": "J1", "name": "大学路口", "lon": 113.62, "lat": 34.73},
        {"code": "J2"},
        "not a camera",
        {"CODE": "J3", "Name": "嵩山路口", "online": False},
    ]
    result = parse_json(json.dumps({"cameras": items}, ensure_ascii=False))
    assert [c.code for c in result.cameras] == ["J1", "J3"]
    assert [str(e) for e in result.errors] == ["line 2: name is missing", "line 3: not an object"]
    assert not result.cameras[1].online
    assert result.cameras[1].kind == "导入"


def test_a_file_that_is_not_a_camera_list_is_one_clear_error() -> None:
    with pytest.raises(CatalogError, match="not valid JSON"):
        parse_json("[{")
    with pytest.raises(CatalogError, match="list of cameras"):
        parse_json('{"devices": 3}')
    with pytest.raises(CatalogError, match="header"):
        parse_csv("名称,经度\n大学路,113.6\n")


def test_import_file_reads_excel_csv_with_bom_and_serves_as_a_catalog(tmp_path: Path) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes(("\ufeff" + CSV).encode("utf-8"))
    catalog = FileCatalog.from_path(path)
    assert len(catalog.list_cameras()) == 2
    assert len(catalog.result.errors) == 5
    assert catalog.stream_urls("C1").main == "http://m/c1.flv"
    with pytest.raises(CatalogError, match="C2"):
        catalog.stream_urls("C2")
    json_path = tmp_path / "cameras.json"
    json_path.write_text(json.dumps([{"code": "J", "name": "名", "lon": 113.6, "lat": 34.7}]), "utf-8")
    assert import_file(json_path, "gcj02").cameras[0].lon == pytest.approx(to_wgs84(113.6, 34.7, "gcj02")[0])
    with pytest.raises(CatalogError, match="cannot read"):
        import_file(tmp_path / "missing.csv")


def test_an_unclosed_quote_is_its_own_row_error_and_swallows_nothing() -> None:
    text = 'code,name,lon,lat\nC1,"建设路口,113.6,34.7\nC2,大学路口,113.6,34.7\nC3,"淮河路"口,113.6,34.7\n'
    result = parse_csv(text)
    assert [c.code for c in result.cameras] == ["C2"]
    assert [str(e) for e in result.errors] == [
        "line 2: unclosed quote: the row was not read",
        "line 4: malformed quoting (',' expected after '\"'): the row was not read",
    ]


def test_a_row_with_more_cells_than_the_header_is_refused() -> None:
    text = "code,name,lon,lat\nC1,中原路,口,113.6,34.7\nC2,大学路口,113.6,34.7\nC3,淮河路口\n"
    result = parse_csv(text)
    assert [c.code for c in result.cameras] == ["C2", "C3"]  # fewer cells: the rest are empty
    assert [str(e) for e in result.errors] == ["line 2: 5 columns, the header has 4"]


@pytest.mark.parametrize(
    ("codec", "shown"), [("gbk", "GBK"), ("gb18030", "GBK"), ("utf-8-sig", "UTF-8 (BOM)")]
)
def test_excel_csv_in_gbk_is_read_and_its_encoding_reported(tmp_path: Path, codec: str, shown: str) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes(CSV.encode(codec))  # gb18030 encodes these common characters as GBK does
    result = import_file(path)
    assert [c.code for c in result.cameras] == ["C1", "C5"]
    assert result.cameras[0].office == "建中街街道"
    assert result.encoding == shown


def test_a_camera_json_that_is_not_utf8_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "cameras.json"
    path.write_bytes(json.dumps([{"code": "J", "name": "大学路口"}], ensure_ascii=False).encode("gbk"))
    with pytest.raises(CatalogError, match="not UTF-8 \\(it looks like GBK\\)"):
        import_file(path)
