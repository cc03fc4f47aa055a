"""Failover benchmark (issue 19): the database server dies, the standby is promoted, no dispatch is
lost or doubled.

A replicated pair of real PostgreSQL clusters (``commandcenter.testing.replicated_postgres``: a
primary with ``wal_level=replica`` and a ``pg_basebackup -R`` hot standby on loopback ports,
synchronous replication) holds the minimal district and ``--cases`` open cases per workstation.
Three WORKSTATION PROCESSES open the multi-host URL (``…@127.0.0.1:P1,127.0.0.1:P2/db
?target_session_attrs=read-write``) and each dispatches its own cases continuously, one every
``--interval-ms``, through the desk's path without widgets: ``DispatchOutbox`` (journal on disk)
→ ``CaseService.dispatch`` as operatorN. After ``--warmup-s`` the primary is stopped in immediate
mode; ``--outage-s`` later the standby is promoted (``pg_ctl promote``). The workstations are never
told: their pools and outboxes reconnect by themselves. They go on for ``--after-s``, stop
submitting, drain their outboxes and report.

``failover_s`` = from the ``pg_ctl promote`` call to the moment the LAST workstation has its first
dispatch after the failure carried out (max over workstations; target ≤ 15 s). ``dispatches_lost``
= submitted dispatches whose case has no 派遣 on the promoted server, plus any still queued at the
end; ``dispatches_doubled`` = cases with more than one 派遣. Both must be 0. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from commandcenter.cases.dispatch import DispatchRequest, DispatchResult
from commandcenter.cases.dispatch_outbox import DispatchOutbox
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.services.case_service import CaseService
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.replicated_postgres import ReplicatedPostgres

WORKSTATIONS = 3
TIMEOUT_S = 120.0


def run_workstation(url: str, number: int, case_ids: list[int], interval_ms: float) -> None:
    """Dispatch ``case_ids`` one by one until told to stop (a line on stdin), then drain the outbox;
    prints {"submitted": [case ids], "finished": [[case id, time]], "pending": n}."""
    logging.basicConfig(level=logging.ERROR)  # the outbox's "waits for the database" lines: expected here
    store = Store.open(url, migrate=False)
    service = CaseService(store, principal_of_role(username=f"operator{number}"))
    journal = Path(tempfile.mkdtemp(prefix="cc-failover-")) / "outbox.json"
    outbox = DispatchOutbox(service.dispatch, journal=journal)
    finished: list[tuple[int, float]] = []

    def on_finished(result: DispatchResult) -> None:
        finished.append((result.request.case_id, time.time()))

    outbox.finished.connect(on_finished)
    outbox.failed.connect(lambda failure: print(f"failed: {failure[1]}", file=sys.stderr, flush=True))
    outbox.start()
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    print("ready", flush=True)
    submitted: list[int] = []
    for case_id in case_ids:
        if stop.wait(interval_ms / 1000.0):
            break
        outbox.submit(DispatchRequest(case_id, 1, "张伟", f"值班员{number}"))
        submitted.append(case_id)
    stop.wait()
    deadline = time.monotonic() + TIMEOUT_S
    while outbox.pending() and time.monotonic() < deadline:
        time.sleep(0.1)
    outbox.stop()
    store.close()
    report = {"submitted": submitted, "finished": finished, "pending": len(outbox.pending())}
    print(json.dumps(report), flush=True)


def measure(
    cases: int, interval_ms: float, warmup_s: float, outage_s: float, after_s: float
) -> dict[str, float]:
    pair = ReplicatedPostgres.start()
    processes: list[subprocess.Popen[str]] = []
    try:
        url = pair.create_database("cc_bench_failover")
        store = Store.open(url)
        replace_all(store, minimal_district())
        now = datetime.now(UTC)
        slices = [[create_case(store, minimal_report(), now=now) for _ in range(cases)] for _ in range(3)]
        store.close()
        print(
            f"{WORKSTATIONS} workstations, {cases} open cases each, primary :{pair.primary_port} "
            f"standby :{pair.standby_port}",
            flush=True,
        )
        for number, case_ids in enumerate(slices, start=1):
            processes.append(_spawn("workstation", url, str(number), str(interval_ms), json.dumps(case_ids)))
        for process in processes:
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError("a workstation did not start")
        time.sleep(warmup_s)
        pair.fail_primary()
        print(f"primary stopped (immediate) at +{warmup_s:.0f} s", flush=True)
        time.sleep(outage_s)
        promoting = time.time()
        pair.promote()
        print(f"standby promoted in {time.time() - promoting:.2f} s", flush=True)
        time.sleep(after_s)
        for process in processes:  # all stop submitting at once, then each drains its outbox
            assert process.stdin is not None
            process.stdin.write("stop\n")
            process.stdin.flush()
        reports = [json.loads(p.communicate(timeout=TIMEOUT_S)[0].splitlines()[-1]) for p in processes]
        after = Store.open(url, migrate=False)
        rows = after.execute_raw(
            "SELECT case_id, count(*) FROM case_events WHERE action = '派遣' GROUP BY case_id"
        )
        after.close()
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        pair.stop()
    dispatched = {int(case_id): int(count) for case_id, count in rows}
    resumed: list[float] = []
    lost = doubled = 0
    for number, report in enumerate(reports, start=1):
        back = [stamp for _case, stamp in report["finished"] if stamp > promoting]  # none can succeed before
        resumed.append(min(back) - promoting if back else float("inf"))
        lost += report["pending"] + sum(1 for case_id in report["submitted"] if case_id not in dispatched)
        print(
            f"workstation {number}: {len(report['submitted'])} submitted, {len(report['finished'])} carried "
            f"out, first after the failover at +{resumed[-1]:.2f} s",
            flush=True,
        )
    doubled = sum(1 for count in dispatched.values() if count > 1)
    return {
        "failover_s": round(max(resumed), 2),
        "dispatches_lost": lost,
        "dispatches_doubled": doubled,
        "dispatches": sum(len(report["submitted"]) for report in reports),
    }


def _spawn(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", choices=("measure", "workstation"), default="measure")
    parser.add_argument("args", nargs="*")
    parser.add_argument("--cases", type=int, default=600, help="open cases per workstation")
    parser.add_argument("--interval-ms", type=float, default=50.0)
    parser.add_argument("--warmup-s", type=float, default=5.0)
    parser.add_argument("--outage-s", type=float, default=3.0)
    parser.add_argument("--after-s", type=float, default=10.0)
    arguments = parser.parse_args()
    if arguments.role == "workstation":
        url, number, interval, case_ids = arguments.args
        run_workstation(url, int(number), json.loads(case_ids), float(interval))
        return
    figures = measure(
        arguments.cases, arguments.interval_ms, arguments.warmup_s, arguments.outage_s, arguments.after_s
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
