"""Installed-package start-up benchmark (issue 19): the .deb's program starts to a usable window.

Runs ``/usr/bin/commandcenter`` — the package's link into /opt/commandcenter/venv, on Debian's
python3.11 with the bytecode the package ships — as a user would, never this checkout:
- ``installed_cold_start_s``: ``commandcenter demo --quit-after-ready --no-simulator`` from process
  spawn until the window shows the district's counts (the app prints ``READY``), median of ``--runs``
  fresh processes after one untimed start that makes the demo data and clips (the same definition as
  ``bench/startup.py``'s ``cold_start_s``). Must hold: ≤ 3 s. The first start after installing is
  printed too.
``--deb PATH`` installs that package first (root; ``packaging/deb/build`` makes it); otherwise the
installed package is used and its absence is one error line. Starts its own Xvfb when no DISPLAY is
set. Last line: one JSON object.
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

INSTALLED = Path("/usr/bin/commandcenter")
PREFIX = Path("/opt/commandcenter/venv")


def installed_version() -> str | None:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Status} ${Version}", "commandcenter"],
        capture_output=True,
        text=True,
        check=False,
    )
    words = done.stdout.split()
    return words[-1] if done.returncode == 0 and "installed" in words[:3] else None


def timed_start(home: Path) -> float:
    """Seconds from spawn to READY, one fresh process of the installed program."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(INSTALLED), "demo", "--quit-after-ready", "--no-simulator"],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd="/",
    )
    assert process.stdout is not None
    ready_at = None
    for line in process.stdout:
        if line.startswith("READY") and ready_at is None:
            ready_at = time.perf_counter() - started
    code = process.wait(timeout=300)
    if ready_at is None or code != 0:
        raise SystemExit(f"error: the installed program did not become ready (exit {code})")
    return ready_at


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
    parser.add_argument("--runs", type=int, default=5, help="fresh starts to take the median of")
    parser.add_argument("--deb", type=Path, help="install this .deb first (as root)")
    args = parser.parse_args()
    if args.deb:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--allow-downgrades", str(args.deb.resolve())], check=True
        )
    version = installed_version()
    if version is None or INSTALLED.resolve() != (PREFIX / "bin" / "commandcenter").resolve():
        sys.exit("error: the commandcenter package is not installed (packaging/deb/build, then --deb)")
    xvfb = _ensure_display()
    home = Path(tempfile.mkdtemp(prefix="cc-bench-installed-"))
    try:
        prepared = time.perf_counter()
        first = timed_start(home)  # also makes the demo database and clips
        print(
            f"package {version}: first start (demo data and clips made) READY after {first:.2f} s, "
            f"whole run {time.perf_counter() - prepared:.1f} s"
        )
        starts = [timed_start(home) for _ in range(args.runs)]
        print(
            f"cold start to usable window: {', '.join(f'{s:.2f}' for s in starts)} s (median must be ≤ 3 s)"
        )
        print(json.dumps({"installed_cold_start_s": round(statistics.median(starts), 3)}))
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if xvfb:
            xvfb.terminate()


if __name__ == "__main__":
    main()
