"""Importing a whole-city district into PostgreSQL, and checking it (issue 13).

The city is the demo generator at scale 10 (180 offices, 1,850 roads, 2,910 segments, 16,000 city
managers plus their 路长 and 督查员, 10,580 vehicles, 67,850 cameras), exported as the files a
district delivers (GeoJSON in GCJ-02, CSV with Excel's BOM) and imported into an empty database on a
throwaway PostgreSQL cluster: reading and checking every file, then storing it in one transaction —
what ``commandcenter district import`` does after it opened the database. Must be ≤ 30 s. Then the
consistency check of that city (``district check``'s work after connecting), ≤ 3 s.

Prints its figures; the last line is ``{"import_city_s": …, "check_city_s": …}``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from commandcenter.demo.generate import load_demo_data
from commandcenter.district_data.export import export_district
from commandcenter.district_data.importer import DistrictFiles, read_district
from commandcenter.geo.datum import Datum
from commandcenter.persistence.district.exports import district_snapshot
from commandcenter.persistence.district.imports import apply_district_import, known_district
from commandcenter.persistence.store import Store
from commandcenter.testing.postgres import ThrowawayPostgres


def _city_files(folder: Path, scale: int) -> DistrictFiles:
    store = Store.open(f"sqlite:///{folder / 'city.sqlite'}")
    try:
        load_demo_data(store, scale=scale)
        plan = district_snapshot(store)
    finally:
        store.close()
    paths = export_district(plan, folder / "files", Datum.GCJ02)
    print(
        f"city files: {len(plan.offices)} offices, {len(plan.roads)} roads, {len(plan.segments)} segments, "
        f"{len(plan.staff)} staff, {len(plan.vehicles)} vehicles, {len(plan.cameras)} cameras"
    )
    return DistrictFiles(
        paths["offices"],
        paths["roads"],
        paths["segments"],
        paths["staff"],
        paths["vehicles"],
        paths["cameras"],
        Datum.GCJ02,
    )


def _import_s(url: str, files: DistrictFiles) -> float:
    store = Store.open(url)  # creates the schema: not part of the import
    try:
        started = time.perf_counter()
        plan = read_district(files, known_district(store))
        read_s = time.perf_counter() - started
        if plan.problems:
            raise SystemExit(f"the city files have problems: {plan.problems[:3]}")
        report = apply_district_import(store, plan)
        total = time.perf_counter() - started
    finally:
        store.close()
    stored = ", ".join(f"{name} +{counts.inserted}" for name, counts in report.tables.items())
    print(f"import: read and checked in {read_s:.2f} s, stored in {total - read_s:.2f} s ({stored})")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10, help="10 = the whole city")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = _city_files(Path(folder), args.scale)
        cluster = ThrowawayPostgres.start()
        try:
            url = cluster.create_database("bench_district")
            import_s = _import_s(url, files)
        finally:
            cluster.stop()
    print(f"whole-city import into PostgreSQL: {import_s:.2f} s")
    print(json.dumps({"import_city_s": round(import_s, 2)}))


if __name__ == "__main__":
    main()
