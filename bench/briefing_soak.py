"""The briefing screen's soak (issue 17), run by ``bench/briefing.py`` in its own process (or alone).

The seed district (``load_demo_data``, its week of history) in a new SQLite file; the simulator
(``commandcenter simulate``) moves its 2,658 units in another process all along. Here: a leader's
``QtBriefingWindow`` full screen — the live map refreshing every 2 s, the KPIs, ranking, trend and
each office's day read every ``--refresh-s`` (default 15, the screen's own) on a worker, the pages
advancing every 20 s through every page — for ``--minutes``. Not in it: the camera tour's video
(``bench/wall.py``'s soak measures a touring wall). A 5 ms QTimer records the largest gap between
its ticks from the tick after the first figures and the map's outlines are shown — the start-up's
one-off loading, and the collector's one pass that follows the first figures (``heap.settle``,
~180 ms), are not stalls of the running screen — (stall = gap − 5 ms); RSS every minute, the growth from the
warm point to the end. Warm: every page shown once (9 × 20 s) and every periodic read done once (the
daily summary's tracks after ``DutyPatrols.REUSE_S``, 5 min), plus a minute — 6 minutes; a quarter
of a shorter run. What a page or a read allocates the first time is start-up, not growth.
Diagnosis: ``BRIEFING_SOAK_TRACE=1`` prints each gap over 60 ms and a census every minute,
``BRIEFING_SOAK_STACKS=1`` what every thread ran during each stall, ``BRIEFING_SOAK_TRACEMALLOC=1``
the allocation sites still holding memory at the end.

Last line: ``{"rss_growth_pct": …, "max_stall_ms": …}``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import tracemalloc
from array import array
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.briefing.qt_briefing_window import QtBriefingWindow
from ui.theme import apply_font, apply_theme

TICK_MS = 5


class Gaps:
    """The ticks' gaps as counts per whole millisecond and the largest: a list of every gap (200 a
    second) grew the process it measures by ~0.4 MB a minute, a third of what the first hour's soak
    counted as the screen's growth."""

    LAST_MS = 2_000  # the last bucket holds every gap this long or longer

    def __init__(self) -> None:
        self.counts = array("L", bytes(8 * (self.LAST_MS + 1)))
        self.largest = 0.0
        self.total = 0

    def add(self, gap_ms: float) -> None:
        self.counts[min(int(gap_ms), self.LAST_MS)] += 1
        self.largest = max(self.largest, gap_ms)
        self.total += 1

    def percentile(self, fraction: float) -> float:
        """The bucket (ms) under which ``fraction`` of the gaps fall; nan before the first."""
        wanted, seen = fraction * self.total, 0
        for gap_ms, count in enumerate(self.counts):
            seen += count
            if count and seen >= wanted:
                return float(gap_ms)
        return float("nan")


WARM_MS = 6 * 60_000  # see the module's docstring


def _start_tracing() -> None:
    """``BRIEFING_SOAK_TRACEMALLOC=1`` (a diagnosis run: the stalls it measures are not the screen's):
    trace the allocations made from the warm point on, so what is still alive at the end is the growth."""
    if os.environ.get("BRIEFING_SOAK_TRACEMALLOC"):
        tracemalloc.start(12)


def _report_traced(top: int = 15) -> None:
    """The allocation sites holding the most memory allocated after the warm point, with their stacks."""
    if not tracemalloc.is_tracing():
        return
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    stats = snapshot.statistics("traceback")
    print(f"allocated after the warm point and alive at the end: {sum(s.size for s in stats) / 1e6:.1f} MB")
    for stat in stats[:top]:
        print(f"{stat.size / 1e6:8.2f} MB in {stat.count:,} blocks")
        for line in stat.traceback.format(limit=12):
            print("    " + line)


def _census(window: QWidget) -> str:
    """``BRIEFING_SOAK_TRACE=1``: what the process holds each minute — Python objects the collector
    tracks, Qt objects under the window, widgets, threads — so a growth can be told apart: Python's,
    Qt's (a wrapper gone, its C++ object kept by a parent) or the threads'."""
    with open("/proc/self/status") as status:
        threads = next(line.split()[1] for line in status if line.startswith("Threads:"))
    return (
        f"gc objects {len(gc.get_objects()):,} (+{gc.get_freeze_count():,} frozen), "
        f"QObjects {len(window.findChildren(QObject)):,}, widgets {len(QApplication.allWidgets()):,}, "
        f"threads {threads}"
    )


class StallWatch:
    """``BRIEFING_SOAK_STACKS=1``: a thread that looks every 10 ms at when the Qt thread last ticked;
    when it is ``late_ms`` late it keeps what every thread is running, once per stall — where a stall
    comes from (the Qt thread's own work, or a worker holding the interpreter) — printed at the end,
    the same stacks counted together."""

    def __init__(self, late_ms: float = 40.0) -> None:
        self.late_s, self.last_tick = late_ms / 1000.0, time.perf_counter()
        self.seen: dict[str, int] = {}
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-watch", daemon=True)

    def start(self) -> None:
        if os.environ.get("BRIEFING_SOAK_STACKS"):
            self._thread.start()

    def _watch(self) -> None:
        caught_for = 0.0
        while not self._stop.wait(0.01):
            tick = self.last_tick
            if time.perf_counter() - tick < self.late_s or caught_for == tick:
                continue
            caught_for = tick
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            parts = []
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                stack = traceback.extract_stack(frame)[-6:]
                where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                label = "QT" if ident == self._main else names.get(ident, str(ident))
                parts.append(f"    [{label}] {where}")
            key = "\n".join(sorted(parts))
            self.seen[key] = self.seen.get(key, 0) + 1

    def report(self) -> None:
        self._stop.set()
        for key, count in sorted(self.seen.items(), key=lambda item: -item[1])[:12]:
            print(f"  {count} stalls with:\n{key}")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def soak(minutes: float, refresh_s: float) -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv)
    apply_font(app)  # type: ignore[arg-type]
    apply_theme(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'briefing.sqlite'}"
        store = Store.open(url)
        load_demo_data(store)
        simulator = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "commandcenter",
                "simulate",
                "--url",
                url,
                "--seconds",
                str(minutes * 60 + 60),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        runner = BackgroundRunner()
        window = QtBriefingWindow(
            services_for(store, UserRole.LEADER),
            runner,
            refresh_s=refresh_s,
            advance_s=float(os.environ.get("BRIEFING_SOAK_ADVANCE_S", 20)),
            video=False,
        )
        gaps = Gaps()
        watch = StallWatch()
        watch.start()
        last = [0.0]
        refreshes = [0]
        started_at = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            ready = bool(refreshes[0]) and window.map is not None and window.map.vectors.data is not None
            if last[0] and ready:  # from the tick after the first figures: not the start-up's ``settle``
                gap_ms = (now - last[0]) * 1000.0
                gaps.add(gap_ms)
                if gap_ms > 60 and os.environ.get("BRIEFING_SOAK_TRACE"):
                    page = window.pages.currentIndex()
                    print(f"  gap {gap_ms:.0f} ms at {now - started_at[0]:.1f} s on page {page}")
            last[0] = now if ready else 0.0
            watch.last_tick = now

        window.figures_shown.connect(lambda _f: refreshes.__setitem__(0, refreshes[0] + 1))
        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        window.show_on()
        total_ms = int(minutes * 60_000)
        warm_ms = min(WARM_MS, total_ms // 4)
        samples: dict[str, float] = {}
        QTimer.singleShot(warm_ms, lambda: (samples.__setitem__("warm", rss_mb()), _start_tracing()))
        minutely: list[float] = []
        sampler = QTimer()
        sampler.setInterval(60_000)
        sampler.timeout.connect(lambda: minutely.append(rss_mb()))
        if os.environ.get("BRIEFING_SOAK_TRACE"):
            sampler.timeout.connect(
                lambda: print(
                    f"  minute {len(minutely)}: RSS {minutely[-1]:.0f} MB, {refreshes[0]} refreshes, "
                    f"{_census(window)}",
                    flush=True,
                )
            )
        sampler.start()
        QTimer.singleShot(
            total_ms, lambda: (samples.__setitem__("end", rss_mb()), _report_traced(), app.quit())
        )
        started = time.perf_counter()
        app.exec()
        watch.report()
        elapsed = time.perf_counter() - started
        pages = window.pages.count()
        window.close()
        runner.shutdown()
        simulator.terminate()
        simulator.wait(10)
        store.close()
    growth = (samples["end"] - samples["warm"]) / samples["warm"] * 100
    stall = gaps.largest - TICK_MS if gaps.total else float("nan")
    print(
        f"briefing soak {elapsed / 60:.1f} min, {refreshes[0]} refreshes of the figures, "
        f"{pages} pages every 20 s, "
        f"simulator moving the units; RSS {samples['warm']:.0f} MB at {warm_ms / 1000:.0f} s → "
        f"{samples['end']:.0f} MB ({growth:+.2f} %); ticks {gaps.total:,}, gap p99 "
        f"{gaps.percentile(0.99):.0f} ms, max stall {stall:.1f} ms"
    )
    print("RSS each minute (MB): " + " ".join(f"{value:.0f}" for value in minutely))
    return {"rss_growth_pct": round(growth, 2), "max_stall_ms": round(stall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument(
        "--refresh-s", type=float, default=15.0, help="how often the figures are read (the screen's)"
    )
    args = parser.parse_args()
    print(json.dumps(soak(args.minutes, args.refresh_s)))


if __name__ == "__main__":
    main()
