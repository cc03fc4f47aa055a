"""The district consistency check (issue 13): read + rules on the seed district and on a whole city
(``load_demo_data(scale=10)``: 180 offices, 2,910 segments, 56,850 cameras) in a throwaway
PostgreSQL cluster, the demo's truck permits included. Median of ``--runs``; the city must be ≤ 3 s.

Last line: {"check_city_s": …, "check_seed_s": …}
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from commandcenter.demo.generate import load_demo_data
from commandcenter.district_data.check import check_district
from commandcenter.persistence.district.consistency import district_check_data
from commandcenter.persistence.map.permits import replace_permits
from commandcenter.persistence.store import Store
from commandcenter.rules.demo_permits import demo_permits
from commandcenter.testing.postgres import ThrowawayPostgres


def _check_s(url: str, scale: int, runs: int) -> float:
    store = Store.open(url)
    try:
        load_demo_data(store, scale=scale)
        replace_permits(store, demo_permits(store))
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            data = district_check_data(store)
            read = time.perf_counter()
            report = check_district(data)
            samples.append(time.perf_counter() - started)
            print(
                f"scale {scale}: read {read - started:.3f} s, rules {time.perf_counter() - read:.3f} s, "
                f"{len(report.errors)} errors, {len(report.warnings)} warnings"
            )
        return statistics.median(samples)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cluster = ThrowawayPostgres.start()
    try:
        seed = _check_s(cluster.create_database("check_seed"), 1, args.runs)
        city = _check_s(cluster.create_database("check_city"), 10, args.runs)
    finally:
        cluster.stop()
    print(json.dumps({"check_city_s": round(city, 3), "check_seed_s": round(seed, 3)}))


if __name__ == "__main__":
    main()
