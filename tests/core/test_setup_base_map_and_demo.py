"""The wizard's base-map check and demo district: an XYZ template needs its placeholders, an MBTiles
file must be one; the demo district fills a new install beside its first administrator — who can
still sign in, with no demo logins beside them — and is never loaded over a district."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from commandcenter.config import MapSettings, Settings
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.store import Store
from commandcenter.services.workspace import Workspace
from commandcenter.setup.base_map_check import BaseMapProblem, check_base_map
from commandcenter.setup.demo_district import DistrictNotEmpty, load_demo_district

GOOD = "Erqi-admin-2026"


def _mbtiles(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute(
            "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)"
        )
    connection.close()
    return path


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("", BaseMapProblem.NO_URL),
        ("ftp://tiles/{z}/{x}/{y}.png", BaseMapProblem.NOT_HTTP),
        ("https://tiles.example/{z}/{x}.png", BaseMapProblem.NO_PLACEHOLDERS),
        ("https://tiles.example/{z}/{x}/{-y}.png", None),
    ],
)
def test_an_xyz_template_needs_its_placeholders(url: str, problem: BaseMapProblem | None) -> None:
    found = check_base_map(MapSettings(base="xyz", xyz_url=url))
    assert (found[0] if found else None) is problem


def test_an_mbtiles_file_must_exist_and_be_one(tmp_path: Path) -> None:
    missing = tmp_path / "none.mbtiles"
    assert check_base_map(MapSettings(base="mbtiles", mbtiles_path=str(missing))) == (
        BaseMapProblem.NO_FILE,
        str(missing),
    )
    text = tmp_path / "notes.mbtiles"
    text.write_text("not a map", encoding="utf-8")
    found = check_base_map(MapSettings(base="mbtiles", mbtiles_path=str(text)))
    assert found is not None
    assert found[0] is BaseMapProblem.NOT_MBTILES
    good = _mbtiles(tmp_path / "erqi.mbtiles")
    assert check_base_map(MapSettings(base="mbtiles", mbtiles_path=str(good))) is None
    assert check_base_map(MapSettings()) is None


def test_the_demo_district_keeps_the_first_administrator(db_url: str) -> None:
    store = Store.open(db_url)
    workspace = Workspace(store)
    try:
        workspace.create_first_administrator("it.admin", "信息科", GOOD)
        counts = load_demo_district(db_url, Settings())
        assert (counts.offices, counts.segments) == (18, 291)
        assert [a.username for a in account_queries.list_accounts(store)] == ["it.admin"]
        assert workspace.authenticator().login("it.admin", GOOD).username == "it.admin"
        with pytest.raises(DistrictNotEmpty):
            load_demo_district(db_url, Settings())
    finally:
        workspace.close()
