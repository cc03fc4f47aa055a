"""Cases benchmark (issue 5): screening plus recommendation per case, at seed and whole-city scale.

For each scale, demo data goes into a new temporary SQLite file, the ``DistrictIndex`` is built once
(as a running workstation holds it), and ``--reports`` random reports are screened and recommended
one by one: a point beside a random segment (±25 m), a category drawn by report weight, 40 % sent in
GCJ-02 as WeChat does, and every fifth a repeat of an earlier one 5 m away. Accepted new reports are
registered with ``create_case`` (not timed) so later duplicates find them. The time per case
includes the duplicate query against the database. Must hold: ≤ 10 ms at seed scale, ≤ 30 ms at
whole-city scale (scale 10). Notification latency over PostgreSQL LISTEN/NOTIFY (5 listening
processes each running the operator's desk, 200 cases) is measured first by ``bench/cases_notify.py``,
the UI under a burst of 1,000 cases in 10 s last by ``bench/cases_burst.py``. Last line: one JSON
object with all of the issue's keys.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cases_burst import measure_burst  # bench/ is on sys.path when this runs as a script
from cases_notify import measure_notify

from commandcenter.cases.district_index import DistrictIndex
from commandcenter.cases.recommend import recommend
from commandcenter.cases.screening import screen
from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.categories import DEFAULT_CATEGORIES
from commandcenter.domain.district import SegmentShape
from commandcenter.geo import point_along_polyline
from commandcenter.geo.datum import Datum, wgs84_to_gcj02
from commandcenter.persistence.cases import categories as case_categories, queries as case_queries
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store

# 10:00 in Zhengzhou: the day shift is on, as during the benchmark's target load.
NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
SOURCES = ("市民上报", "督查员", "城市平台", "视频")


def random_reports(rng: random.Random, segments: list[SegmentShape], count: int) -> list[IncomingReport]:
    weights = [spec.weight for spec in DEFAULT_CATEGORIES]
    reports = []
    for number in range(count):
        if number % 5 == 4:  # every fifth repeats an earlier report a few metres away: a duplicate
            earlier = reports[rng.randrange(len(reports))]
            lon, lat, code = earlier.lon + 5 / 91_000, earlier.lat, earlier.category_code
            reports.append(
                IncomingReport(
                    code, lon, lat, "市民上报", "bench", "重复", datum=earlier.datum, photos=("a.jpg",)
                )
            )
            continue
        segment = rng.choice(segments)
        lon, lat, _heading = point_along_polyline(segment.geometry, rng.uniform(0, 400))
        lon += rng.uniform(-25, 25) / 91_000
        lat += rng.uniform(-25, 25) / 111_000
        spec = rng.choices(DEFAULT_CATEGORIES, weights=weights)[0]
        datum = Datum.WGS84
        if rng.random() < 0.4:
            lon, lat = wgs84_to_gcj02(lon, lat)
            datum = Datum.GCJ02
        reports.append(
            IncomingReport(
                spec.code,
                lon,
                lat,
                rng.choice(SOURCES),
                "bench",
                "基准测试",
                datum=datum.value,
                photos=("a.jpg",),
            )
        )
    return reports


def measure(scale: int, reports: int, folder: Path) -> float:
    store = Store.open(f"sqlite:///{folder / f'cases-scale{scale}.sqlite'}")
    try:
        started = time.perf_counter()
        load_demo_data(store, scale=scale, now=NOW)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        index = DistrictIndex.from_store(store)
        categories = case_categories.active_categories(store)
        built = time.perf_counter() - started
        nearby = functools.partial(case_queries.open_cases_near, store)
        samples = random_reports(random.Random(scale), district_queries.segment_shapes(store), reports)
        timings, merged, rejected, recommended = [], 0, 0, 0
        for report in samples:
            started = time.perf_counter()
            result = screen(report, index, categories, nearby, NOW)
            picks = recommend(result, index, NOW)
            timings.append((time.perf_counter() - started) * 1000.0)
            merged += result.merge_into is not None
            if result.accepted and result.merge_into is None:  # intake goes on to register it (untimed)
                create_case(store, result.new_case(), now=NOW)
            rejected += not result.accepted
            recommended += bool(picks)
    finally:
        store.close()
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"scale {scale}: demo data {loaded:.1f} s, index {built * 1000:.0f} ms; {reports} reports: "
        f"median {median:.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms "
        f"(merged {merged}, rejected {rejected}, with recommendation {recommended})"
    )
    return round(median, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--city-scale", type=int, default=10)
    # ---- notification latency (bench/cases_notify.py) ----
    parser.add_argument("--notify-clients", type=int, default=5)
    parser.add_argument("--notify-cases", type=int, default=200)
    parser.add_argument("--notify-interval-ms", type=float, default=20.0)
    parser.add_argument("--burst-cases", type=int, default=1_000)
    parser.add_argument("--burst-seconds", type=float, default=10.0)
    arguments = parser.parse_args()
    notify = measure_notify(arguments.notify_clients, arguments.notify_cases, arguments.notify_interval_ms)
    print(
        f"notify: {arguments.notify_cases} cases x {arguments.notify_clients} listening processes "
        f"(PostgreSQL LISTEN/NOTIFY, commit every {arguments.notify_interval_ms:g} ms): "
        f"p50 {notify.p50_ms} ms, p99 {notify.p99_ms} ms, min {notify.min_ms} ms, max {notify.max_ms} ms, "
        f"lost {notify.lost} of {notify.pairs + notify.lost}"
    )
    # Context for the figure above: the same with ONE desk process, i.e. without five desks and the
    # writer sharing this machine's cores (each workstation is its own machine in the field).
    alone = measure_notify(1, arguments.notify_cases, arguments.notify_interval_ms)
    print(f"notify, a single desk process: p50 {alone.p50_ms} ms, p99 {alone.p99_ms} ms, lost {alone.lost}")
    # ---- end of notification latency ----
    burst = measure_burst(arguments.burst_cases, arguments.burst_seconds)
    print(
        f"burst: {burst.written} cases in {arguments.burst_seconds:g} s on {burst.database}, "
        f"the desk's queue and pop-up live: max UI stall {burst.max_stall_ms} ms, lost {burst.lost}, "
        f"board reads {burst.fetches}"
    )
    with tempfile.TemporaryDirectory(prefix="cc-bench-cases-") as folder:
        seed = measure(1, arguments.reports, Path(folder))
        city = measure(arguments.city_scale, arguments.reports, Path(folder))
    print(
        json.dumps(
            {
                "notify_p50_ms": notify.p50_ms,
                "notify_p99_ms": notify.p99_ms,
                "screen_recommend_ms_seed": seed,
                "screen_recommend_ms_city": city,
                "burst_max_stall_ms": burst.max_stall_ms,
                "burst_lost": burst.lost,
            }
        )
    )


if __name__ == "__main__":
    main()
