"""Reports and briefing benchmark (issue 17).

Report: the seed district (``load_demo_data``) in a SQLite file with ``--cases`` cases over 2026
beside it (default 300,000, about the seed district's year; written by ``bench/evaluation.py``'s own
generator: every state an assessment distinguishes, 挂账 holds included). Timed: a leader's monthly
report of 2026-11 as a PDF — ``services.reports.report("monthly", …)`` (the assessment, the
indicator table by office and the month's trend, each through its service) then ``write_report``
(reportlab: the Chinese font subset embedded, three vector charts, the tables) — median of
``--runs`` (must be ≤ 10 s). The PDF's text is read back (pypdf) and every office's 考核得分 and
按期结案率 as the indicator functions give them must be in it.

Briefing: the leaders' briefing screen (``ui/briefing``) full screen under Xvfb (its own when
``DISPLAY`` is unset) on the seed district with the simulator moving the units, the KPIs refreshed on
their timer, the slides advancing every 20 s and the camera tour running, for ``--minutes``
(default 2; the issue's hour: ``--minutes 60``). A 5 ms QTimer on the Qt thread records the largest
gap between ticks (stall = gap − 5 ms, must be ≤ 100 ms); RSS growth from the warm point to the end
(must be < 5 %): warm once every page has been shown and every periodic read done once, 6 minutes
(``bench/briefing_soak.py``), a quarter of a shorter run.

Last line: ``{"report_pdf_s": …, "briefing_rss_growth_pct": …, "briefing_max_stall_ms": …}``.
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

from evaluation import MONTH, NOW, _history  # bench/ is on sys.path when this runs as a script

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.reports.model import Format, Shown, cell_text
from commandcenter.reports.output import write_report
from commandcenter.testing.accounts import services_for


def measure_report(folder: Path, cases: int, runs: int) -> float:
    store = Store.open(f"sqlite:///{folder / 'reports.sqlite'}")
    try:
        started = time.perf_counter()
        load_demo_data(store, now=NOW)
        written, holds = _history(store, cases, seed=17)
        took = time.perf_counter() - started
        print(f"seed district + {written:,} cases ({holds} 挂账) written in {took:.1f} s")
        leader = services_for(store, UserRole.LEADER)
        samples = []
        path = folder / "monthly.pdf"
        for _ in range(runs):
            started = time.perf_counter()
            report = leader.reports.report("monthly", MONTH)
            write_report(report, Format.PDF, path)
            samples.append(time.perf_counter() - started)
        _check(path, leader)
        print(
            f"monthly report {MONTH} as PDF ({path.stat().st_size / 1024:.0f} KiB, 18 offices): "
            f"runs {', '.join(f'{s:.2f}' for s in samples)} s"
        )
        return statistics.median(samples)
    finally:
        store.close()


def _check(path: Path, leader: object) -> None:
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    ranking = leader.assessments.ranking(MONTH)  # type: ignore[attr-defined]
    table = leader.indicators.table(MONTH)  # type: ignore[attr-defined]
    assert len(ranking.rows) == 18, "18 offices"
    for row in ranking.rows:
        assert row.office in text, row.office
        assert cell_text(row.final, Shown.SCORE) in text, row.office
    for group in table.rows:
        assert cell_text(group.indicators.on_time_rate, Shown.RATE) in text, group.name
    print("the PDF's text holds every office's 考核得分 and 按期结案率 as the indicator functions give them")


def measure_briefing(minutes: float) -> dict[str, float]:
    """The soak in its own process (a QApplication of its own, Xvfb when there is no display)."""
    command = [sys.executable, str(Path(__file__).with_name("briefing_soak.py")), "--minutes", str(minutes)]
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *command]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=300_000, help="cases over 2026 (default 300,000)")
    parser.add_argument("--runs", type=int, default=3, help="reports timed (median)")
    parser.add_argument(
        "--minutes", type=float, default=2.0, help="briefing soak (default 2; the issue's: 60)"
    )
    parser.add_argument("--skip-report", action="store_true", help="only the briefing soak")
    parser.add_argument("--skip-briefing", action="store_true", help="only the report")
    args = parser.parse_args()
    report_s = None
    if not args.skip_report:
        with tempfile.TemporaryDirectory() as folder:
            report_s = measure_report(Path(folder), args.cases, args.runs)
        print(f"monthly report PDF: {report_s:.2f} s (≤ 10 s)")
    soak: dict[str, float | None] = {"rss_growth_pct": None, "max_stall_ms": None}
    if not args.skip_briefing:
        soak = dict(measure_briefing(args.minutes))
        print(
            f"briefing {args.minutes:g} min: RSS growth {soak['rss_growth_pct']:.2f} % (< 5 %), "
            f"max stall {soak['max_stall_ms']:.1f} ms (≤ 100 ms)"
        )
    print(
        json.dumps(
            {
                "report_pdf_s": None if report_s is None else round(report_s, 3),
                "briefing_rss_growth_pct": soak["rss_growth_pct"],
                "briefing_max_stall_ms": soak["max_stall_ms"],
            }
        )
    )


if __name__ == "__main__":
    main()
