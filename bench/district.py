"""Importing a whole-city district into PostgreSQL, and checking it (issue 13).

The city is the demo generator at scale 10 (180 offices, 1,850 roads, 2,910 segments, 16,000 city
managers plus their 路长 and 督查员, 10,580 vehicles, 67,850 cameras), exported as the files a
district delivers (GeoJSON in GCJ-02, CSV with Excel's BOM) and imported into an empty database on a
throwaway PostgreSQL cluster: reading and checking every file, then storing it in one transaction —
what ``commandcenter district import`` does after it opened the database. Must be ≤ 30 s. Then the
consistency check of that imported city as ``district check`` runs it: open the database (connect,
schema checked), read (``persistence.district.consistency``), every rule (``district_data.check``);
median of ``--runs``, must be ≤ 3 s. The seed district (scale 1) goes through the same steps first,
printed for comparison.

Prints its figures; the last line is ``{"import_city_s": …, "check_city_s": …}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from commandcenter.demo.generate import load_demo_data
from commandcenter.district_data.check import check_district
from commandcenter.district_data.export import export_district
from commandcenter.district_data.importer import DistrictFiles, read_district
from commandcenter.geo.datum import Datum
from commandcenter.persistence.district.consistency import district_check_data
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
        f"scale {scale} files: {len(plan.offices)} offices, {len(plan.roads)} roads, "
        f"{len(plan.segments)} segments, "
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


def _check_s(url: str, runs: int) -> float:
    """``district check`` after the import: open, read, rules; the median of ``runs``."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        store = Store.open(url)
        try:
            opened = time.perf_counter()
            data = district_check_data(store)
            read = time.perf_counter()
            report = check_district(data)
            done = time.perf_counter()
        finally:
            store.close()
        samples.append(done - started)
        print(
            f"check: open {opened - started:.3f} s, read {read - opened:.3f} s, rules {done - read:.3f} s "
            f"= {done - started:.2f} s ({len(report.errors)} errors, {len(report.warnings)} warnings)"
        )
    return statistics.median(samples)


def _import_and_check(cluster: ThrowawayPostgres, folder: Path, scale: int, runs: int) -> tuple[float, float]:
    (folder / f"scale{scale}").mkdir()
    files = _city_files(folder / f"scale{scale}", scale)
    url = cluster.create_database(f"bench_district_{scale}")
    return _import_s(url, files), _check_s(url, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10, help="10 = the whole city")
    parser.add_argument("--runs", type=int, default=3, help="checks of the imported district (median)")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed district (scale 1) run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cluster = ThrowawayPostgres.start()
        try:
            if not args.no_seed and args.scale != 1:
                seed_import_s, seed_check_s = _import_and_check(cluster, Path(folder), 1, args.runs)
                print(f"seed district: import {seed_import_s:.2f} s, check {seed_check_s:.2f} s")
            import_s, check_s = _import_and_check(cluster, Path(folder), args.scale, args.runs)
        finally:
            cluster.stop()
    print(f"whole-city import into PostgreSQL: {import_s:.2f} s (≤ 30 s), check: {check_s:.2f} s (≤ 3 s)")
    print(json.dumps({"import_city_s": round(import_s, 2), "check_city_s": round(check_s, 2)}))


if __name__ == "__main__":
    main()
