"""``commandcenter positions maintain [--dry-run]`` on both databases, for a district without a gateway:
the dry run names the day past ``[positions] retention_days`` and changes nothing; the run prints one
line for what it rolled up and one for what it dropped, audited as ``cli:<OS user>``; a bad setting
is one ``错误`` line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cli import main
from commandcenter.domain.units import Position
from commandcenter.exit_codes import EXIT_CONFIG
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.testing.position_days import day_track, fleet

OLD = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=45)


def config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_maintain_rolls_up_and_drops_the_day_past_retention(
    store: Store,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGNAME", "it-zhang")
    fleet(store)
    record_positions(
        store, [Position(1, OLD + timedelta(seconds=5 * n), 113.6, 34.7, 10.0) for n in range(120)]
    )
    settings = config(tmp_path, "[positions]\nretention_days = 30\n")
    assert main(["--config", settings, "positions", "maintain", "--dry-run", "--url", db_url]) == 0
    assert f"将 would 汇总并删除 roll up and drop {OLD.date()}" in capsys.readouterr().out
    assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(120,)]
    assert main(["--config", settings, "positions", "maintain", "--url", db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"已汇总 rolled up {OLD.date()}: 保留 kept 10 / 120" in lines  # a fix a minute
    assert any(line.startswith("已删除 dropped ") and line.endswith(": 120") for line in lines)
    assert day_track(store, 1, OLD) == 10
    [entry] = AuditTrail(store).recent(action=AuditAction.POSITIONS_EXPIRED)
    assert entry.actor == "cli:it-zhang"
    assert main(["--config", settings, "positions", "maintain", "--url", db_url]) == 0
    assert capsys.readouterr().out.strip() == "无需操作 nothing to do"


def test_a_negative_retention_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = config(tmp_path, "[positions]\nretention_days = -1\n")
    assert main(["--config", settings, "positions", "maintain", "--dry-run"]) == EXIT_CONFIG
    err = capsys.readouterr().err
    assert err.startswith("错误 error:")
    assert "retention_days" in err
