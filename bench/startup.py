"""Start-up benchmark (issue 2): demo-data generation time and cold start of the demo window.

Runs the real commands as a user would, in fresh processes:
- ``demo_data_s``: ``commandcenter demo-data`` at seed scale into a new SQLite file (wall time,
  interpreter start included). Must hold: < 10 s on this 2-core machine.
- ``cold_start_s``: ``commandcenter demo --quit-after-ready`` from process spawn until the window
  shows the district's counts (the app prints ``READY`` then). Median of ``--runs`` starts, each a
  new process; demo data and clips prepared beforehand, as after ``./dev demo``. Must hold: < 3 s.
Starts its own Xvfb when no DISPLAY is set. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = [sys.executable, "-m", "ui.main"]


def timed_demo_data(home: Path) -> float:
    url = f"sqlite:///{home / 'bench-demo-data.sqlite'}"
    started = time.perf_counter()
    subprocess.run([*COMMAND, "demo-data", "--url", url], check=True, env=_env(home), capture_output=True)
    return time.perf_counter() - started


def timed_cold_start(home: Path) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*COMMAND, "demo", "--quit-after-ready", "--no-simulator"],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    ready_at = None
    for line in process.stdout:
        if line.startswith("READY"):
            ready_at = time.perf_counter() - started
    code = process.wait(timeout=60)
    if ready_at is None or code != 0:
        raise RuntimeError(f"demo did not become ready (exit {code})")
    return ready_at


PLUGINS_TIMER = """
import sys, time
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.enablement import Seat
store = Store.open(sys.argv[1])
started = time.perf_counter()
from commandcenter.plugin_host.startup import start_plugins
host = start_plugins(store, Seat(None, "bench"))
elapsed = (time.perf_counter() - started) * 1000
assert all(record.state == "active" for record in host.records()), host.records()
print(f"{elapsed:.1f}")
"""


def timed_plugins_startup(home: Path) -> tuple[float, float]:
    """Issue 6: discover + load + activate every shipped plugin, timed inside a fresh process (cold
    imports of the plugin API and the plugins; the store is already open, as in the app). Returns
    (first start, which also runs the plugins' migrations; median of three later starts) in ms."""
    url = f"sqlite:///{home / 'bench-demo-data.sqlite'}"

    def once() -> float:
        done = subprocess.run(
            [sys.executable, "-c", PLUGINS_TIMER, url],
            check=True,
            env=_env(home),
            capture_output=True,
            text=True,
        )
        return float(done.stdout.strip().splitlines()[-1])

    first = once()
    return first, statistics.median(once() for _ in range(3))


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "COMMANDCENTER_HOME": str(home), "QT_QPA_PLATFORM": "xcb"}


def _ensure_display() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    display = ":" + str(next(n for n in range(140, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()))
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
    os.environ["DISPLAY"] = display
    time.sleep(0.5)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to take the median of")
    args = parser.parse_args()
    xvfb = _ensure_display()
    home = Path(tempfile.mkdtemp(prefix="cc-bench-startup-"))
    try:
        demo_data_s = timed_demo_data(home)
        subprocess.run([*COMMAND, "prepare-demo"], check=True, env=_env(home), capture_output=True)
        starts = [timed_cold_start(home) for _ in range(args.runs)]
        plugins_first_ms, plugins_ms = timed_plugins_startup(home)
        print(
            f"plugins: first start {plugins_first_ms:.0f} ms (with migrations), "
            f"then {plugins_ms:.0f} ms (must be < 200 ms)"
        )
        print(f"demo-data at seed scale: {demo_data_s:.2f} s (must be < 10 s)")
        print(
            f"cold start to usable window: {', '.join(f'{s:.2f}' for s in starts)} s (median must be < 3 s)"
        )
        print(
            json.dumps(
                {
                    "demo_data_s": round(demo_data_s, 3),
                    "cold_start_s": round(statistics.median(starts), 3),
                    "plugins_startup_ms": round(plugins_ms, 1),
                }
            )
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if xvfb:
            xvfb.terminate()


if __name__ == "__main__":
    main()
