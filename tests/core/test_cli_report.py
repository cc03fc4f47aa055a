"""``commandcenter report`` on a real SQLite file: the monthly report as PDF and as a workbook, the
daily one-pager, and one ``错误 error:`` line (exit 2, no file left) for a bad kind, a period of
another kind, a bad format or a missing folder."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from commandcenter.cli import main
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.store import Store
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


def test_monthly_pdf_and_workbook(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    assert (
        main(["report", "monthly", "--period", "2026-11", "--format", "pdf", "--out", str(pdf), "--url", url])
        == 0
    )
    assert f"城市管理月度考核通报（2026-11）→ {pdf}" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "建中街街道" in text
    assert "+20,000" in text
    assert "-20,000" in text
    assert (
        main(
            ["report", "monthly", "--period", "2026-11", "--format", "xlsx", "--out", str(xlsx), "--url", url]
        )
        == 0
    )
    ranking = list(load_workbook(xlsx)["考核排名"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[10]) for row in ranking] == [("建中街街道", 20_000), ("淮河路街道", -20_000)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cc.sqlite", "m.pdf", "m.xlsx"]


def test_daily_and_weekly(url: str, tmp_path: Path) -> None:
    daily, weekly = tmp_path / "d.pdf", tmp_path / "w.xlsx"
    assert main(["report", "daily", "--period", "2026-11-20", "--out", str(daily), "--url", url]) == 0
    assert "城市管理每日汇总通报" in PdfReader(daily).pages[0].extract_text()
    assert (
        main(
            [
                "report",
                "weekly",
                "--period",
                "2026-W47",
                "--format",
                "xlsx",
                "--out",
                str(weekly),
                "--url",
                url,
            ]
        )
        == 0
    )
    assert load_workbook(weekly)["概要"]["A1"].value == "城市管理周通报（2026-W47）"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["report", "quarterly", "--period", "2026-11"], "unknown kind"),
        (["report", "monthly", "--period", "2026-W47"], "is not monthly"),
        (["report", "monthly", "--period", "2026-11", "--format", "doc"], "unknown format"),
        (["report", "daily", "--period", "yesterday"], "invalid day"),
    ],
)
def test_bad_arguments_are_one_line(
    argv: list[str], words: str, url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main([*argv, "--out", str(out), "--url", url]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1
    assert error[0].startswith("错误 error:")
    assert words in error[0]
    assert not out.exists()


def test_a_missing_folder_is_one_line(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere" / "r.pdf"
    assert main(["report", "monthly", "--period", "2026-11", "--out", str(out), "--url", url]) == 2
    assert "no such folder" in capsys.readouterr().err
