"""``commandcenter assessment`` on a real SQLite file: the month's bulletin with each office's money
(summing to 0), CSV, a published month printing its frozen figures, and one ``错误 error:`` line
(exit 2) for a bad kind, a period of another kind or a bad format."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from commandcenter.cli import main
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.indicator_cases import case_row, load_two_offices

Z = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    received = datetime(2026, 11, 20, 9, tzinfo=Z)
    due = {"dispatched_at": received, "deadline_at": received + timedelta(days=1)}
    store = Store.open(url)
    try:
        load_two_offices(
            store,
            [
                case_row(
                    1, received, status=CaseStatus.CLOSED, closed_at=received + timedelta(hours=3), **due
                ),
                case_row(2, received, office_id=2, status=CaseStatus.DISPOSING, **due),
            ],
        )
    finally:
        store.close()
    return url


def test_monthly_bulletin(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assessment", "monthly", "--period", "2026-11", "--url", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "月奖惩 2026-11  未发布"
    assert lines[1] == "月度基数 200,000 元/办事处，奖惩合计 0 元"
    assert lines[2].split()[:3] == ["名次", "办事处", "等级"]
    assert lines[3].split()[:3] == ["1", "建中街街道", "优"]
    assert lines[3].split()[-1] == "+20,000"
    assert lines[4].split()[-1] == "-20,000"


def test_csv_and_a_published_week(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(url)
    try:
        services_for(store, UserRole.LEADER).assessments.publish("2026-W47")
    finally:
        store.close()
    assert main(["assessment", "weekly", "--period", "2026-W47", "--format", "csv", "--url", url]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][-1] == "考核得分"  # no money for a week
    assert [row[1] for row in rows[1:]] == ["建中街街道", "淮河路街道"]
    assert main(["assessment", "weekly", "--period", "2026-W47", "--url", url]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("周通报 2026-W47  已发布（")


@pytest.mark.parametrize(
    "args",
    [
        ["daily", "--period", "2026-11"],
        ["monthly", "--period", "2026-W47"],
        ["annual", "--period", "2026", "--format", "xml"],
    ],
)
def test_bad_input_is_one_error_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assessment", *args, "--url", "sqlite:////nonexistent/x.sqlite"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("错误 error: ")


def test_consultations_in_the_bulletins_notes(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(url)
    try:
        supervisor = services_for(store, UserRole.SUPERVISOR).consultations
        supervisor.flag(2, "占道经营反复", meeting_date=date(2026, 11, 25), department="城管执法")
    finally:
        store.close()
    assert main(["assessment", "monthly", "--period", "2026-11", "--url", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2] == "淮河路街道：督办 −1 协商议题未办结：案件 #2（责任单位 城管执法）"
    assert lines[-1] == "督办 城管执法：协商议题 1 件，办结 0 件"
