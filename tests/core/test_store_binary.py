"""``Store.binary``: a report's photo goes to PostgreSQL as its bytes (psycopg 3's binary parameters)
and comes back byte for byte — every byte value, a NUL and a quote and a backslash among them."""

from __future__ import annotations

from datetime import UTC, datetime

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.photo_store import photo_uri, read_photo
from commandcenter.persistence.gateway import open311 as requests
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import JPEG, make_key

EVERY_BYTE = JPEG[:4] + bytes(range(256)) * 400  # ~100 KB, the size of a phone's report photo


def test_a_reserved_photo_comes_back_byte_for_byte(db_url: str) -> None:
    store = Store.open(db_url)
    try:
        replace_all(store, minimal_district())
        make_key(store)
        key_id = int(store.execute_raw("SELECT id FROM api_keys")[0][0])
        now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
        reservation = requests.Reservation(key_id, "r1", now, "S0501", 113.61, 34.71)
        photo = requests.ReportPhoto(EVERY_BYTE, "image/jpeg", "api:wechat")
        assert requests.reserve_request(store, reservation, photo) is not None
        assert read_photo(store, photo_uri(EVERY_BYTE)) == ("image/jpeg", EVERY_BYTE)
        if store.dialect == "postgresql":
            assert store.binary.dialect.driver == "psycopg"  # not psycopg2's hex text
        else:
            assert store.binary is store.engine  # SQLite: one file, one pool
    finally:
        store.close()
