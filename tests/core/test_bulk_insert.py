"""``bulk_insert`` on both databases: what goes in comes back, byte for byte — tabs, line breaks,
backslashes, a literal ``\\N``, empty strings apart from NULL, booleans and JSON — whether the rows
took PostgreSQL's COPY path (500 rows and more) or the INSERT path."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.bulk_insert import insert_rows, insert_rows_with_ids
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Road
from commandcenter.persistence.store import Store

AWKWARD = ["tab\there", "line\nbreak", "back\\slash", "\\N", "", "引号\"和'逗号,", "回车\r"]


@pytest.mark.parametrize("count", [3, 600])
def test_rows_come_back_as_they_went_in(store: Store, count: int) -> None:
    rows = [
        {
            "code": f"C{index:05d}",
            "name": AWKWARD[index % len(AWKWARD)],
            "kind": "综合",
            "online": index % 2 == 0,
            "main_url": None if index % 3 == 0 else AWKWARD[(index + 1) % len(AWKWARD)],
            "lon": 113.5 + index / 1e6,
        }
        for index in range(count)
    ]
    with writing(store) as connection:
        insert_rows(connection, Camera.__table__, rows)  # type: ignore[arg-type]
    stored = read_rows(
        store,
        select(Camera.code, Camera.name, Camera.online, Camera.main_url, Camera.lon).order_by(Camera.code),
    )
    assert [tuple(row) for row in stored] == [
        (r["code"], r["name"], r["online"], r["main_url"], r["lon"]) for r in rows
    ]


@pytest.mark.parametrize("count", [3, 600])
def test_new_ids_follow_the_rows_and_json_survives(store: Store, count: int) -> None:
    rows = [
        {
            "name": f"路{index}",
            "grade": "支路",
            "geometry": [[113.5 + index / 1e4, 34.7], [113.6, 34.7 + index / 1e4]],
            "length_m": float(index),
            "min_lon": 0.0,
            "min_lat": 0.0,
            "max_lon": 1.0,
            "max_lat": 1.0,
        }
        for index in range(count)
    ]
    with writing(store) as connection:
        ids = insert_rows_with_ids(connection, Road.__table__, rows)  # type: ignore[arg-type]
    assert len(set(ids)) == count
    stored = {row[0]: (row[1], row[2]) for row in read_rows(store, select(Road.id, Road.name, Road.geometry))}
    assert [stored[new_id] for new_id in ids] == [(r["name"], r["geometry"]) for r in rows]
    with writing(store) as connection:  # the sequence moved on: a later insert does not collide
        [later] = insert_rows_with_ids(connection, Road.__table__, [{**rows[0], "name": "后来"}])  # type: ignore[arg-type]
    assert later not in ids


@pytest.mark.parametrize("count", [3, 600])
def test_the_models_defaults_fill_absent_columns(store: Store, count: int) -> None:
    """COPY bypasses SQLAlchemy: a column left out (``online``, default True) still gets its default."""
    rows = [{"code": f"D{index:05d}", "name": "摄像机", "kind": "综合"} for index in range(count)]
    with writing(store) as connection:
        insert_rows(connection, Camera.__table__, rows)  # type: ignore[arg-type]
    assert [online for (online,) in read_rows(store, select(Camera.online))] == [True] * count
