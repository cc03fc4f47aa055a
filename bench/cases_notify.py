"""Notification latency (issue 5, "Live across workstations"), run by ``bench/cases.py``.

A throwaway PostgreSQL cluster gets the minimal district; ``--clients`` listening CLIENT PROCESSES each
run an operator's case desk (``bench/desk_harness.py``: the change feed, the board, the queue table and
the pop-up as real widgets) and stamp, per case id, when the case is both a row of the queue and
announced to the pop-up (role ``client`` measures the bare change feed instead); then ONE
writer process commits ``--cases`` cases through ``create_case`` and stamps each just after its
commit returned. Latency = receive − commit over every (case, client) pair, on one machine and one
clock (``time.time_ns``). A notification can beat the writer's own stamp by a few microseconds, so a
latency may be slightly negative. The writer paces its commits (``--interval-ms``) like a busy
intake desk; a burst without pause is the burst benchmark's job. Must hold: p50 ≤ 50 ms, p99 ≤ 200 ms.

Run as ``python bench/cases_notify.py`` for this measurement alone; the roles ``client`` and
``desk``/``client`` and ``writer`` are this script's own subprocesses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.change_feed import Change, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.postgres import ThrowawayPostgres

CLIENT_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class NotifyResult:
    p50_ms: float
    p99_ms: float
    min_ms: float
    max_ms: float
    pairs: int
    lost: int


def run_client(url: str, expected: int) -> None:
    """Listen until ``expected`` new cases were heard (or the timeout); print {case id: receive ns}."""
    store = Store.open(url, migrate=False)
    feed = open_change_feed(store)
    received: dict[int, int] = {}
    heard_all = threading.Event()

    def on_change(change: Change) -> None:
        if change.table == "cases" and change.case_id is not None and change.case_id not in received:
            received[change.case_id] = time.time_ns()
            if len(received) >= expected:
                heard_all.set()

    feed.events.connect(on_change)
    if not feed.start():
        raise SystemExit("client: cannot LISTEN")
    print("ready", flush=True)
    heard_all.wait(CLIENT_TIMEOUT_S)
    feed.stop()
    store.close()
    print(json.dumps(received), flush=True)


def run_desk_client(url: str, expected: int) -> None:
    """A workstation: the case desk with its queue and pop-up (real widgets). A case counts as shown
    when it is BOTH a row of the queue and announced to the pop-up; print {case id: that moment ns}."""
    from desk_harness import DeskHarness  # bench/ is on sys.path when run as a script

    store = Store.open(url, migrate=False)
    harness = DeskHarness(store)
    if not harness.pump_until(lambda: harness.desk.advice.ready, CLIENT_TIMEOUT_S):
        raise SystemExit("desk client: the desk did not start")
    in_queue: dict[int, int] = {}
    in_popup: dict[int, int] = {}
    known = harness.queue_ids()

    def queue_redrawn() -> None:
        stamp = time.time_ns()
        for case_id in harness.queue_ids() - known:
            in_queue.setdefault(case_id, stamp)

    def popup_told(cases: list[object]) -> None:
        stamp = time.time_ns()
        for case in cases:
            in_popup.setdefault(case.id, stamp)  # type: ignore[attr-defined]

    harness.queue.model.modelReset.connect(queue_redrawn)
    harness.queue.model.rowsInserted.connect(queue_redrawn)
    harness.desk.cases_arrived.connect(popup_told)
    print("ready", flush=True)
    harness.pump_until(lambda: len(in_queue.keys() & in_popup.keys()) >= expected, CLIENT_TIMEOUT_S)
    shown = {
        case_id: max(in_queue[case_id], in_popup[case_id]) for case_id in in_queue.keys() & in_popup.keys()
    }
    harness.close()
    store.close()
    print(json.dumps(shown), flush=True)


def run_writer(url: str, count: int, interval_ms: float) -> None:
    """Commit ``count`` cases; print {case id: commit ns}."""
    store = Store.open(url, migrate=False)
    committed: dict[int, int] = {}
    for number in range(count):
        case_id = create_case(store, minimal_report(description=f"基准测试 {number}"))
        committed[case_id] = time.time_ns()
        time.sleep(interval_ms / 1000.0)
    store.close()
    print(json.dumps(committed), flush=True)


def measure_notify(
    clients: int = 5, cases: int = 200, interval_ms: float = 20.0, role: str = "desk"
) -> NotifyResult:
    """Start the cluster, the listeners (``desk``: queue + pop-up; ``client``: the change feed alone)
    and the writer; return the latency percentiles."""
    cluster = ThrowawayPostgres.start()
    listeners: list[subprocess.Popen[str]] = []
    try:
        url = cluster.create_database("cc_bench_notify")
        store = Store.open(url)
        replace_all(store, minimal_district())
        store.close()
        listeners = [_spawn(role, url, str(cases)) for _ in range(clients)]
        for listener in listeners:
            assert listener.stdout is not None
            if listener.stdout.readline().strip() != "ready":
                raise RuntimeError("a listening client did not start")
        writer = _spawn("writer", url, str(cases), str(interval_ms))
        committed = _json_ints(writer.communicate(timeout=CLIENT_TIMEOUT_S)[0])
        latencies, lost = [], 0
        for listener in listeners:
            received = _json_ints(listener.communicate(timeout=CLIENT_TIMEOUT_S)[0])
            for case_id, commit_ns in committed.items():
                if case_id in received:
                    latencies.append((received[case_id] - commit_ns) / 1e6)
                else:
                    lost += 1
    finally:
        for listener in listeners:
            if listener.poll() is None:
                listener.kill()
        cluster.stop()
    latencies.sort()
    return NotifyResult(
        p50_ms=round(_percentile(latencies, 0.50), 2),
        p99_ms=round(_percentile(latencies, 0.99), 2),
        min_ms=round(latencies[0], 2),
        max_ms=round(latencies[-1], 2),
        pairs=len(latencies),
        lost=lost,
    )


def _spawn(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, *arguments], stdout=subprocess.PIPE, text=True)


def _json_ints(output: str) -> dict[int, int]:
    return {int(key): int(value) for key, value in json.loads(output.strip().splitlines()[-1]).items()}


def _percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", choices=("measure", "desk", "client", "writer"), default="measure")
    parser.add_argument("url", nargs="?")
    parser.add_argument("count", nargs="?", type=int, default=200)
    parser.add_argument("interval", nargs="?", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=5)
    arguments = parser.parse_args()
    if arguments.role == "client":
        run_client(arguments.url, arguments.count)
    elif arguments.role == "desk":
        run_desk_client(arguments.url, arguments.count)
    elif arguments.role == "writer":
        run_writer(arguments.url, arguments.count, arguments.interval)
    else:
        print(measure_notify(arguments.clients, arguments.count, arguments.interval))


if __name__ == "__main__":
    main()
