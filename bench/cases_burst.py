"""UI under a burst (issue 5): 1,000 cases committed in 10 s by another process; the operator's desk
(queue + pop-up, real widgets) must never stall more than 100 ms and must lose none.

A throwaway PostgreSQL cluster (SQLite when PostgreSQL is not installed) holds the seed-scale demo
district. This process runs the desk; a writer subprocess commits ``--cases`` cases through
``create_case`` evenly over ``--seconds``. A 5 ms QTimer on the Qt thread records the largest
gap between its ticks: a stall is that gap minus the interval. At the end every written id must be in
the queue. Run as ``python bench/cases_burst.py`` alone or through ``bench/cases.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.cases import NewCase
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district.queries import segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.testing.demo_district import middle_of
from commandcenter.testing.postgres import PostgresNotAvailable, ThrowawayPostgres

TICK_MS = 5


@dataclass(frozen=True)
class BurstResult:
    max_stall_ms: float
    lost: int
    written: int
    fetches: int
    database: str


def run_writer(url: str, count: int, seconds: float) -> None:
    store = Store.open(url, migrate=False)
    shapes = segment_shapes(store)
    ids = []
    started = time.monotonic()
    for number in range(count):
        lon, lat = middle_of(shapes[number % len(shapes)])
        report = NewCase("S0501", "市民上报", "基准测试", f"基准地址{number}", lon, lat, "bench", urgency=2)
        ids.append(create_case(store, report))
        pause = started + (number + 1) * seconds / count - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    store.close()
    print(json.dumps(ids), flush=True)


def measure_burst(count: int = 1_000, seconds: float = 10.0) -> BurstResult:
    from desk_harness import DeskHarness  # bench/ is on sys.path when run as a script

    try:
        cluster: ThrowawayPostgres | None = ThrowawayPostgres.start()
    except PostgresNotAvailable:
        cluster = None
    folder = Path(tempfile.mkdtemp(prefix="cc-burst-"))
    url = cluster.create_database("burst") if cluster else f"sqlite:///{folder / 'burst.sqlite'}"
    store = Store.open(url)
    try:
        load_demo_data(store, scale=1)
        harness = DeskHarness(store)
        if not harness.pump_until(lambda: harness.desk.advice.ready and len(harness.desk.board) > 0, 60):
            raise SystemExit("burst: the desk never loaded its board")
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000.0)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        fetches_before = harness.desk.fetches
        writer = subprocess.Popen(
            [sys.executable, __file__, "writer", url, str(count), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        last[0] = time.perf_counter()
        timer.start()
        harness.pump_until(lambda: writer.poll() is not None, seconds * 6 + 60)
        written = set(json.loads(writer.communicate()[0] or "[]"))
        harness.pump_until(lambda: written <= harness.queue_ids(), 30)
        timer.stop()
        lost = len(written - harness.queue_ids())
        result = BurstResult(
            round(max(gaps) - TICK_MS, 1) if gaps else float("nan"),
            lost,
            len(written),
            harness.desk.fetches - fetches_before,
            "postgresql" if cluster else "sqlite",
        )
        harness.close()
        return result
    finally:
        store.close()
        if cluster:
            cluster.stop()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "writer":
        run_writer(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
        return
    result = measure_burst()
    print(
        f"burst: {result.written} cases in 10 s on {result.database}: max UI stall {result.max_stall_ms} ms, "
        f"lost {result.lost}, board reads {result.fetches}"
    )
    print(json.dumps({"burst_max_stall_ms": result.max_stall_ms, "burst_lost": result.lost}))


if __name__ == "__main__":
    main()
