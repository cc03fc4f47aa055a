"""``commandcenter indicators`` on a real SQLite file: the table with Chinese headers, CSV, and one
``错误 error:`` line (exit 2) for a bad period, grouping or format — before any database is opened."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from commandcenter.cli import main
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.store import Store
from commandcenter.testing.indicator_cases import case_row, load_two_offices

Z = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    received = datetime(2026, 11, 30, 20, tzinfo=Z)
    due = {"dispatched_at": received, "deadline_at": received + timedelta(days=1)}
    store = Store.open(url)
    try:
        load_two_offices(
            store,
            [
                case_row(
                    1, received, status=CaseStatus.CLOSED, closed_at=received + timedelta(hours=3), **due
                ),
                case_row(2, received, status=CaseStatus.DISPOSING, **due),
                case_row(3, received, office_id=2, status=CaseStatus.REJECTED),
            ],
        )
    finally:
        store.close()
    return url


def test_the_table_has_chinese_headers_a_row_per_office_and_the_total(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["indicators", "--period", "2026-11", "--url", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "考核周期 2026-11（2026-11-01 至 2026-12-01，不含）"
    assert lines[1].split()[:4] == ["镇办", "受理数", "立案数", "立案率"]
    assert lines[1].split()[-1] == "综合指标值"
    assert lines[2].split()[:4] == ["建中街街道", "2", "2", "100.00%"]
    assert lines[3].split()[:4] == ["淮河路街道", "1", "0", "0.00%"]
    assert lines[4].split()[:2] == ["合计", "3"]


def test_csv_for_a_spreadsheet_in_the_month_the_deadline_falls(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["indicators", "--period", "2026-12", "--by", "category", "--format", "csv", "--url", url]) == 0
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    header = rows[0]
    assert header[0] == "类别"
    total = dict(zip(header, rows[-1], strict=True))
    assert (total["应结案数"], total["结案数"], total["结案率"], total["按期结案率"]) == (
        "2",
        "1",
        "50.00%",
        "50.00%",
    )
    assert total["超期未处置数"] == "1"
    assert rows[1][0] == "S0501 占道经营"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--period", "2026-13"], "考核周期「2026-13」无效"),
        (["--period", "2026-11", "--by", "street"], "未知的分组「street」"),
        (["--period", "2026-11", "--format", "xml"], "未知的输出格式「xml」"),
        (["--period", "2026-11", "--weights", "on_time=90"], "三项权重之和应为 100"),
    ],
)
def test_bad_input_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    missing = tmp_path / "never-created.sqlite"
    assert main(["indicators", *options, "--url", f"sqlite:///{missing}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.strip().splitlines()
    assert line.startswith("错误 error: ")
    assert said in line
    assert " / " in line
    assert not missing.exists()


def test_weights_change_the_score(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "--period", "2026-12", "--format", "csv", "--url", url]) == 0
    default = list(csv.reader(io.StringIO(capsys.readouterr().out)))[-1][-1]
    options = ["--weights", "on_time=50,closure=50,rework=0,per_overdue_open=0"]
    assert main(["indicators", "--period", "2026-12", "--format", "csv", *options, "--url", url]) == 0
    weighted = list(csv.reader(io.StringIO(capsys.readouterr().out)))[-1][-1]
    assert (default, weighted) == ("54.50", "50.00")  # 50 % × 60 + 50 % × 30 + 100 % × 10 − 0.5 × 1
