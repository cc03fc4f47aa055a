"""Case flow benchmark (issue 15): a case filed through the phone form reaches every desk that may see it.

A throwaway PostgreSQL cluster gets the seed district (``load_demo_data``, scale 1, history included).
Five DESK PROCESSES run the case desk with its queue and pop-up as real widgets
(``bench/desk_harness.py``): four operators' desks and one office desk (镇办, the office with the most
segments), each signed in through its own ``Services``. One WRITER process files ``--cases`` reports
(default 120) through ``services.intake.file_report`` — exactly what the 新建案件 form's Submit calls on
its worker: checks, photo store, ``CaseIntake`` screening, rules, write — one every ``--interval-ms``
(default 50) at the midpoints of random segments, every third one in the office desk's office, and
stamps the moment it SUBMITS each report. A desk stamps the moment a case becomes a row of its queue.

``form_to_desk_p99_ms`` = p99 over every (case, desk that may see it) pair of queue-row time − submit
time, one machine and one clock (``time.time_ns``): the operators' desks see every case, the office
desk its office's. ``office_desk_leaks`` = rows of any other office that the office desk ever held
(its whole queue, checked at the end; must be 0). ``lost`` = pairs never shown (must be 0). Must hold:
p99 ≤ 200 ms. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import threading
import time

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.reporting import DeskReport, DeskSource
from commandcenter.persistence.district.queries import segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.services.intake_service import Filing
from commandcenter.testing.accounts import services_for
from commandcenter.testing.demo_district import middle_of
from commandcenter.testing.postgres import ThrowawayPostgres

TIMEOUT_S = 300.0
SETTLE_S = 2.0
CATEGORIES = ("S0501", "S0502", "S0104", "S0107", "S0201", "S0402", "B0101", "B0105")  # a spread


def run_desk(url: str, office_id: int | None) -> None:
    """One workstation until told to stop (a line on stdin); prints {"shown": {case id: ns},
    "offices": {case id: office id}} — every case it ever held, with its office."""
    from desk_harness import DeskHarness  # bench/ is on sys.path when run as a script

    store = Store.open(url, migrate=False)
    role = UserRole.OPERATOR if office_id is None else UserRole.OFFICE
    harness = DeskHarness(store, role, office_id)
    if not harness.pump_until(lambda: harness.desk.advice.ready and harness.queue_ids(), TIMEOUT_S):
        raise SystemExit("desk: did not start")
    known = harness.queue_ids()
    offices: dict[int, int | None] = dict(harness.queue_offices())
    shown: dict[int, int] = {}

    def redrawn() -> None:
        stamp = time.time_ns()
        for case_id, office in harness.queue_offices().items():
            offices.setdefault(case_id, office)
            if case_id not in known:
                shown.setdefault(case_id, stamp)

    harness.queue.model.modelReset.connect(redrawn)
    harness.queue.model.rowsInserted.connect(redrawn)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    print("ready", flush=True)
    harness.pump_until(stop.is_set, TIMEOUT_S)
    harness.close()
    store.close()
    print(json.dumps({"shown": shown, "offices": offices}), flush=True)


def run_writer(url: str, office_id: int, count: int, interval_ms: float, seed: int) -> None:
    """File ``count`` reports as an operator at the phone form; prints {case id: [submit ns, office]}."""
    store = Store.open(url, migrate=False)
    intake = services_for(store).intake
    rng = random.Random(seed)
    segments = segment_shapes(store)
    mine = [segment for segment in segments if segment.office_id == office_id]
    filed: dict[int, list[int | None]] = {}
    first = middle_of(mine[0])
    intake.duplicate_hint(CATEGORIES[0], *first)  # the form's first hint builds the intake: not timed
    for number in range(count):
        segment = rng.choice(mine if number % 3 == 0 else segments)
        lon, lat = middle_of(segment)
        report = DeskReport(
            CATEGORIES[number % len(CATEGORIES)],
            lon + rng.uniform(-2e-4, 2e-4),
            lat + rng.uniform(-2e-4, 2e-4),
            DeskSource.PHONE,
            description=f"基准来电 {number}",
            reporter="基准市民",
            reporter_phone="13800138000",
        )
        submitted = time.time_ns()
        result = intake.file_report(report)
        if result.filing is Filing.NEW and result.case_id is not None:
            office = store.execute_raw(f"SELECT office_id FROM cases WHERE id = {result.case_id}")[0][0]
            filed[result.case_id] = [submitted, office]
        time.sleep(interval_ms / 1000.0)
    store.close()
    print(json.dumps(filed), flush=True)


def measure(desks: int, cases: int, interval_ms: float, seed: int) -> dict[str, float | int]:
    cluster = ThrowawayPostgres.start()
    processes: list[subprocess.Popen[str]] = []
    try:
        url = cluster.create_database("cc_bench_case_flow")
        store = Store.open(url)
        load_demo_data(store, scale=1)
        counts = store.execute_raw("SELECT office_id, COUNT(*) FROM segments GROUP BY office_id")
        office_id = int(max(counts, key=lambda row: row[1])[0])
        store.close()
        roles: list[int | None] = [None] * (desks - 1) + [office_id]
        processes = [_spawn("desk", url, str(office or 0)) for office in roles]
        for process in processes:
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError("a desk did not start")
        writer = _spawn("writer", url, str(office_id), str(cases), str(interval_ms), str(seed))
        output = writer.communicate(timeout=TIMEOUT_S)[0]
        filed = {int(key): value for key, value in json.loads(output.splitlines()[-1]).items()}
        time.sleep(SETTLE_S)  # the last cases reach the desks; a late leak would show too
        latencies: list[float] = []
        lost = leaks = 0
        for office, process in zip(roles, processes, strict=True):
            report = json.loads(process.communicate("stop\n", timeout=TIMEOUT_S)[0].splitlines()[-1])
            shown = {int(k): v for k, v in report["shown"].items()}
            if office is not None:
                leaks += sum(1 for held in report["offices"].values() if held != office)
            for case_id, (submitted, case_office) in filed.items():
                if office is not None and case_office != office:
                    continue
                if case_id in shown:
                    latencies.append((shown[case_id] - submitted) / 1e6)
                else:
                    lost += 1
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        cluster.stop()
    latencies.sort()
    return {
        "form_to_desk_p50_ms": round(_percentile(latencies, 0.50), 1),
        "form_to_desk_p99_ms": round(_percentile(latencies, 0.99), 1),
        "form_to_desk_max_ms": round(latencies[-1], 1),
        "pairs": len(latencies),
        "cases_filed": len(filed),
        "lost": lost,
        "office_desk_leaks": leaks,
    }


def _spawn(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def _percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", choices=("measure", "desk", "writer"), default="measure")
    parser.add_argument("args", nargs="*")
    parser.add_argument("--desks", type=int, default=5)
    parser.add_argument("--cases", type=int, default=120)
    parser.add_argument("--interval-ms", type=float, default=50.0)
    parser.add_argument("--seed", type=int, default=15)
    arguments = parser.parse_args()
    if arguments.role == "desk":
        url, office = arguments.args
        run_desk(url, int(office) or None)
    elif arguments.role == "writer":
        url, office, count, interval, seed = arguments.args
        run_writer(url, int(office), int(count), float(interval), int(seed))
    else:
        figures = measure(arguments.desks, arguments.cases, arguments.interval_ms, arguments.seed)
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
