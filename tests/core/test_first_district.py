"""The issue's "must hold", end to end as a district's IT does it, on an empty SQLite file and an
empty PostgreSQL database with no demo data: ``db upgrade``, ``users add`` an administrator,
``district import`` of files in GCJ-02, ``district check`` — then that administrator signs in
(the desktop's own ``Workspace`` and ``Authenticator``) and a citizen's report on the imported
road is placed on the imported segment and handed to its 路长."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter.cases.intake import CaseIntake
from commandcenter.cli import main
from commandcenter.domain.cases import IncomingReport
from commandcenter.exit_codes import EXIT_OK
from commandcenter.geo.datum import Datum, from_wgs84
from commandcenter.persistence.store import Store
from commandcenter.services.workspace import Workspace
from commandcenter.testing.district_files import write_small_district

PASSWORD = "Erqi-admin-2026"
NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Zhengzhou


def test_a_real_district_from_an_empty_database_to_a_placed_report(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = write_small_district(tmp_path / "delivery", datum=Datum.GCJ02)
    assert main(["db", "upgrade", "--url", db_url]) == EXIT_OK
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert (
        main(["users", "add", "it.admin", "--role", "admin", "--password-stdin", "--url", db_url]) == EXIT_OK
    )
    load = ["district", "import", "--datum", "gcj02", "--url", db_url]
    for kind in ("offices", "roads", "segments"):
        load += [f"--{kind}", str(files / f"{kind}.geojson")]
    assert main([*load, "--staff", str(files / "staff.csv")]) == EXIT_OK
    assert main(["district", "check", "--url", db_url]) == EXIT_OK
    assert "错误 errors: 0" in capsys.readouterr().out

    workspace = Workspace.open(db_url)
    try:
        principal = workspace.authenticator().login("it.admin", PASSWORD)
        services = workspace.services(principal)
        assert services.principal.username == "it.admin"
        # A report from a phone app, in GCJ-02 like every Chinese map app, 5 m beside segment T-1.
        lon, lat = from_wgs84(113.610, 34.71004, Datum.GCJ02)
        report = IncomingReport(
            category_code="S0501",
            lon=lon,
            lat=lat,
            reporter="王女士",
            description="人行道上摆摊",
            photos=("photos/a.jpg",),
            datum="gcj02",
        )
        # The intake runs where the gateway will, on its own connection beside the desktop.
        store = Store.open(db_url)
        try:
            outcome = CaseIntake.from_store(store).receive(report, NOW)
        finally:
            store.close()
        assert [row.segment_name for row in services.cases.board()] == ["长江路(T-1)"]
    finally:
        workspace.close()
    assert outcome.accepted
    assert outcome.result.segment is not None
    assert outcome.result.segment.segment.number == "T-1"
    assert outcome.result.office is not None
    assert outcome.result.office.name == "甲街道"
    assert outcome.result.road_chief is not None
    assert outcome.result.road_chief.name == "张三"
