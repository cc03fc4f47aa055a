"""``commandcenter settings …`` on a real SQLite file: show prints the document import reads back,
set changes one dotted key (audited under ``cli:<OS user>``), and every refusal is one line, exit 2,
nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from commandcenter.audit.trail import AuditTrail
from commandcenter.cli import main
from commandcenter.domain.settings_document import to_document
from commandcenter.persistence.settings.queries import read_settings
from commandcenter.persistence.store import Store

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cc.sqlite'}"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str) -> Run:
    monkeypatch.setenv("LOGNAME", "it-zhang")

    def run_(*args: str) -> tuple[int, str, str]:
        code = main(["settings", *args, "--url", url])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_


def _stored(url: str) -> tuple[int, dict[str, object]]:
    store = Store.open(url)
    try:
        stored = read_settings(store)
        return stored.revision, to_document(stored.settings)
    finally:
        store.close()


def _errors(stderr: str) -> list[str]:
    """The error lines (the line naming the database comes first); never a traceback."""
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("错误 error:")]


def test_show_prints_the_defaults_as_json(run: Run) -> None:
    code, out, err = run("show")
    assert code == 0
    document = json.loads(out)
    assert document["ack_timeout_minutes"] == 30
    assert document["day_shift"] == {"start": "08:00", "end": "20:00"}
    assert "revision 版本 0" in err


def test_set_changes_one_key_and_is_audited(run: Run, url: str) -> None:
    assert run("set", "escalation.office.wait_minutes", "20")[0] == 0
    assert run("set", "day_shift.start", "07:30")[0] == 0
    code, out, _ = run("set", "notifications.sound", "false")
    assert (code, out.strip()) == (0, "已保存 saved: revision 版本 3")
    revision, document = _stored(url)
    assert revision == 3
    assert document["escalation"][1] == {"level": "office", "enabled": True, "wait_minutes": 20}  # type: ignore[index]
    assert document["day_shift"] == {"start": "07:30", "end": "20:00"}
    assert document["notifications"]["sound"] is False  # type: ignore[index]
    store = Store.open(url)
    try:
        records = AuditTrail(store).recent()
    finally:
        store.close()
    assert [(r.actor, r.action, r.target) for r in records] == [
        ("cli:it-zhang", "setting_change", "settings")
    ] * 3
    assert records[-1].details["changes"] == {"notifications.sound": {"before": True, "after": False}}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("set", "ack_timeout_minute", "45"), "no such setting: ack_timeout_minute"),
        (("set", "ack_timeout_minutes", "0"), "ack_timeout_minutes: out_of_range 1 1440"),
        (("set", "ack_timeout_minutes", "soon"), "ack_timeout_minutes: not_a_value"),
        (("set", "escalation.bureau.enabled", "false"), "escalation.bureau: bureau_required"),
    ],
)
def test_a_refused_set_is_one_line_and_writes_nothing(
    run: Run, url: str, args: tuple[str, ...], said: str
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    [error] = _errors(err)
    assert said in error
    assert _stored(url)[0] == 0


def test_show_then_import_round_trips_and_a_bad_file_is_refused(run: Run, url: str, tmp_path: Path) -> None:
    run("set", "snap_radius_m", "80")
    _, shown, _ = run("show")
    document = json.loads(shown)
    document["duplicate_radius_m"] = 100
    target = tmp_path / "settings.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert run("import", str(target))[0] == 0
    revision, stored = _stored(url)
    assert (revision, stored["snap_radius_m"], stored["duplicate_radius_m"]) == (2, 80.0, 100.0)
    target.write_text("{not json", encoding="utf-8")
    code, _, err = run("import", str(target))
    assert code == 2
    assert len(_errors(err)) == 1
    code, _, err = run("import", str(tmp_path / "missing.json"))
    assert code == 2
    [error] = _errors(err)
    assert "missing.json" in error
    assert _stored(url)[0] == 2


def test_import_holidays_stores_a_years_table_from_a_gbk_csv(run: Run, url: str, tmp_path: Path) -> None:
    csv_file = tmp_path / "2027节假日.csv"
    csv_file.write_bytes(
        "日期,类型,名称\n2027-10-01,休,国庆节\n2027-10-02,休,国庆节\n2027-09-26,班,国庆节\n".encode("gbk")
    )
    code, out, err = run("import-holidays", str(csv_file), "--year", "2027")
    assert code == 0, err
    assert "2027" in out
    assert "revision 版本 1" in out
    revision, document = _stored(url)
    assert revision == 1
    years = {entry["year"]: entry for entry in document["calendar"]["years"]}  # type: ignore[index]
    assert years[2027]["holidays"][0]["makeup_workdays"] == ["2027-09-26"]
    store = Store.open(url)
    try:
        (entry,) = AuditTrail(store).recent()
    finally:
        store.close()
    assert (entry.actor, entry.details["import"]) == ("cli:it-zhang", "2027节假日.csv")


def test_import_holidays_names_each_bad_row_and_stores_nothing(run: Run, url: str, tmp_path: Path) -> None:
    csv_file = tmp_path / "2027.csv"
    csv_file.write_text("2027-10-01,休,国庆节\n2028-01-01,休,元旦\n2027-10-01,休,国庆节\n", encoding="utf-8")
    code, _out, err = run("import-holidays", str(csv_file), "--year", "2027")
    assert code == 2
    lines = _errors(err)
    assert len(lines) == 2
    assert "第 2 行 row 2" in lines[0]
    assert "2028-01-01" in lines[0]
    assert "第 3 行 row 3" in lines[1]
    assert _stored(url)[0] == 0
