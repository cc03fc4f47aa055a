"""``commandcenter credit list`` / ``sweep`` on a real SQLite file: the table, CSV to stdout, an export
to CSV and Excel, and one ``错误 error:`` line (exit 2) for a bad format or xlsx without a file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from commandcenter.cli import main
from commandcenter.credit.record import ViolatorDraft
from commandcenter.domain.credit import ViolatorKind
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.credit_cases import case_number, credit_services, load_credit_district

Z = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    store = Store.open(url)
    try:
        now = datetime.now(Z)
        load_credit_district(store, now)
        services = credit_services(store, UserRole.INSPECTOR, lambda: now, username="zf1")
        for number in (1, 3, 5):
            services.credit.confirm(
                case_number(number), ViolatorDraft(ViolatorKind.PLATE, "豫A12345", "豫A12345"), 1
            )
    finally:
        store.close()
    return url


def test_list_prints_exports_and_refuses(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["credit", "list", "--url", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["类型", "名称", "标识"]
    assert lines[1].split()[:3] == ["车辆", "豫A12345", "豫A12345"]
    assert main(["credit", "list", "--format", "csv", "--url", url]) == 0
    assert "12个月内失信3次" in capsys.readouterr().out
    out = tmp_path / "名单.xlsx"
    assert main(["credit", "list", "--format", "xlsx", "--out", str(out), "--url", url]) == 0
    assert out.stat().st_size > 0
    assert main(["credit", "list", "--out", str(tmp_path / "l.csv"), "--url", url]) == 0
    assert (tmp_path / "l.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    capsys.readouterr()
    assert main(["credit", "list", "--format", "xlsx", "--url", url]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "错误 error: Excel 需要 --out 文件 / xlsx needs --out FILE"
    ]
    assert main(["credit", "list", "--format", "pdf", "--url", url]) == 2
    assert main(["credit", "sweep", "--url", url]) == 0
    assert "expiry applied: 0 changes" in capsys.readouterr().out


def test_a_threshold_is_set_by_its_kind(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "set", "credit.thresholds.plate.count", "4", "--url", url]) == 0
    assert main(["settings", "set", "credit.thresholds.plate.points", "0", "--url", url]) == 0
    capsys.readouterr()
    assert main(["settings", "show", "--url", url]) == 0
    assert '"count": 4' in capsys.readouterr().out
    assert main(["settings", "set", "credit.thresholds.plate.count", "0", "--url", url]) == 2
    assert "credit.thresholds.plate.count" in capsys.readouterr().err
