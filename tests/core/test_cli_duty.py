"""``commandcenter duty`` on a real SQLite file: today's shifts with check-in and attendance at a given
moment, a week's roster with a swap, and one ``错误 error:`` line (exit 2) for a bad time or office."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from commandcenter.cli import main
from commandcenter.domain.duty import ExceptionKind, NewDutyException
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.duty_district import (
    DUTY_MONDAY,
    LI,
    WANG,
    load_duty_district,
    roster_the_week,
    walk_segment,
)

Z = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    store = Store.open(url)
    try:
        load_duty_district(store)
        supervisor = services_for(store, UserRole.SUPERVISOR)
        _, night = roster_the_week(supervisor)
        supervisor.duty.add_exception(
            NewDutyException(DUTY_MONDAY, ExceptionKind.SWAP, LI, night, other_staff_id=WANG)
        )
        walk_segment(store, 1, datetime(2026, 11, 30, 8, 20, tzinfo=Z), 30, step_m=40.0)
    finally:
        store.close()
    return url


def test_who_is_on_duty_at_a_moment(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duty", "--url", url, "--office", "建中街街道", "--at", "2026-11-30T09:00"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "路段",
        "班次",
        "姓名",
        "当前在岗",
        "签到",
        "出勤",
        "在路段分钟",
        "巡查米数",
        "脱岗次数",
    ]
    zhang = next(line for line in lines if "张伟" in line)
    assert zhang.split()[-6:] == ["是", "08:20", "迟到", "30", "1200", "1"]
    assert any("王芳" in line and "未到岗时" in line for line in lines)  # covering 李强's night shift


def test_the_week_with_a_swap(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duty", "--url", url, "--week", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert "王芳（替李强）" in out
    assert out.splitlines()[0].split() == [
        "路段",
        "班次",
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
    ]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [(["--at", "9 o'clock"], "bad date or time"), (["--office", "没有这个镇办"], "no office named")],
)
def test_bad_input_is_one_error_line(
    url: str, capsys: pytest.CaptureFixture[str], arguments: list[str], said: str
) -> None:
    assert main(["duty", "--url", url, *arguments]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) >= 1
    assert err[-1].startswith("错误 error:")
    assert said in err[-1]
