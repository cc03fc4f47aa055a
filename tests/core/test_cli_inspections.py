"""``commandcenter inspections`` on a real SQLite file: the pool filled from the command line, a dry
run that stores nothing, a draw stored with its seed and listed, replaying a seed, and one
``错误 error:`` line (exit 2) when the pool cannot satisfy the draw or an argument is bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from commandcenter.cli import main
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.inspection_district import inspection_district


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    store = Store.open(url)
    try:
        replace_all(store, inspection_district())
    finally:
        store.close()
    return url


def error_lines(stderr: str) -> list[str]:
    """The ``错误 error:`` lines (the command names its database on stderr first)."""
    return [line for line in stderr.splitlines() if line.startswith("错误 error:")]


def fill(url: str) -> None:
    for staff in (11, 12, 21, 22, 31, 32, 41, 42):
        assert main(["inspections", "add", "--staff", str(staff), "--url", url]) == 0


def test_a_dry_run_stores_nothing_and_a_draw_is_listed_with_its_seed(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(url)
    capsys.readouterr()
    assert main(["inspections", "draw", "--period", "2026-12", "--seed", "7", "--dry-run", "--url", url]) == 0
    dry = capsys.readouterr().out.splitlines()
    assert dry[0].startswith("2026-12 明察  窗口 2026-Q4  种子 seed 7  2026-12-01 至 2026-12-31")
    assert len(dry) == 6  # the heading, four groups, the dry-run line
    assert dry[-1].startswith("试抽，未保存")
    assert main(["inspections", "list", "--url", url]) == 0
    assert "第 " not in capsys.readouterr().out
    assert main(["inspections", "draw", "--period", "2026-12", "--seed", "7", "--url", url]) == 0
    stored = capsys.readouterr().out.splitlines()
    assert stored[:5] == dry[:5]  # the same seed: the same groups
    assert stored[-1] == "已保存第 1 轮 stored round 1"
    assert main(["inspections", "list", "--period", "2026-12", "--url", url]) == 0
    listing = capsys.readouterr().out
    assert "督查员库 inspector pool: 8 在岗 / 8" in listing
    assert "第 1 轮 2026-12 明察  窗口 2026-Q4  种子 7" in listing
    assert listing.count("组 ") == 4
    assert main(["inspections", "verify", "1", "--url", url]) == 0
    assert capsys.readouterr().out.strip() == "一致 consistent"


def test_a_draw_for_some_offices_only(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspections", "add", "--all-inspectors", "--url", url]) == 0
    assert "added 8 inspectors" in capsys.readouterr().out
    assert main(["inspections", "add", "--all-inspectors", "--url", url]) == 0
    assert "added 0 inspectors" in capsys.readouterr().out
    assert (
        main(["inspections", "draw", "--period", "2026-W50", "--offices", "2,3", "--dry-run", "--url", url])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["淮河路街道", "嵩山路街道"]
    assert len(lines) == 4


def test_a_pool_too_small_is_one_error_line(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspections", "add", "--staff", "11", "--url", url]) == 0
    assert main(["inspections", "draw", "--period", "2026-12", "--url", url]) == 2
    [error] = error_lines(capsys.readouterr().err)
    assert error.startswith("错误 error: 督查员不足")


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["draw", "--period", "2026-13"], "2026-13"),
        (["draw", "--period", "2026-12", "--kind", "突击"], "应为明察或暗访"),
        (["draw", "--period", "2026-12", "--window", "decade"], "month、quarter 或 year"),
        (["add", "--staff", "999"], "没有这名工作人员"),
        (["add"], "--staff 或 --department"),
        (["draw", "--period", "2026-12", "--offices", "1,x"], "镇办编号应为数字"),
        (["draw", "--period", "2026-12", "--offices", "1,9"], "没有这些镇办"),
    ],
)
def test_bad_arguments_are_one_error_line(
    url: str, capsys: pytest.CaptureFixture[str], arguments: list[str], words: str
) -> None:
    assert main(["inspections", *arguments, "--url", url]) == 2
    [error] = error_lines(capsys.readouterr().err)
    assert words in error
