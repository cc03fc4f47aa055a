"""The first-run wizard, end to end: ``commandcenter`` on a fresh seat (no config file, no database)
opens it instead of a login; it is driven like a person would — language, embedded database,
administrator, demo district, base map, Finish — and the window opens signed in as the new
administrator on the demo district, with the config file written. On the real PostgreSQL cluster
the server page says what is wrong in words and stays, then sets the seat up on the right database."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from commandcenter import paths
from commandcenter.config import Settings, load_settings
from commandcenter.domain.district import SeedCounts
from commandcenter.exit_codes import EXIT_UNAVAILABLE
from commandcenter.services.workspace import Workspace
from commandcenter.setup.database_choice import server_fields
from commandcenter.testing.district_files import write_small_district
from ui import main as entry
from ui.main_window import MainWindow
from ui.setup.first_run import run_setup_wizard
from ui.setup.qt_setup_wizard import Page, SetupWizard
from ui.setup.setup_state import DistrictChoice

PASSWORD = "Erqi-admin-2026"
XYZ = "https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}"


def _when_up(kind: type, then: Callable[[object], None]) -> None:
    """Run ``then`` with the modal widget of ``kind`` once it is shown (the wizard runs ``exec``)."""
    widget = QApplication.activeModalWidget()
    if not isinstance(widget, kind):
        QTimer.singleShot(20, lambda: _when_up(kind, then))
        return
    then(widget)


ZLM = "http://media.example:80/rtp/{device}_{channel}.live.flv"


def _go(qtbot: QtBot, wizard: SetupWizard, page: Page, timeout: int = 30_000) -> None:
    wizard.next()
    qtbot.waitUntil(
        lambda: wizard.currentId() == page or bool(wizard.currentPage().message.styleSheet()), timeout=timeout
    )
    assert wizard.currentId() == page, wizard.currentPage().message.text()


def _admin(qtbot: QtBot, wizard: SetupWizard) -> None:
    form = wizard.admin.form
    form.username.setText("it.admin")
    form.display_name.setText("信息科")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD + "x")
    wizard.next()
    assert (wizard.currentId(), wizard.admin.message.text()) == (Page.ADMIN, "两次输入的密码不一致。")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    _go(qtbot, wizard, Page.DISTRICT)


def test_a_fresh_seat_is_set_up_by_the_wizard_and_the_window_opens_signed_in(
    qtbot: QtBot, shell_app: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    seen: dict[str, object] = {}

    def drive(widget: object) -> None:
        assert isinstance(widget, SetupWizard)
        wizard = widget
        wizard.language.choose("en")  # the wizard retranslates at once (the event loop's next turn)
        qtbot.waitUntil(lambda: wizard.database.title() == "Database")
        seen["title en"] = (wizard.windowTitle(), wizard.database.title())
        wizard.language.choose("zh_CN")
        qtbot.waitUntil(lambda: wizard.database.title() == "数据库")
        seen["title zh"] = (wizard.windowTitle(), wizard.database.title())
        _go(qtbot, wizard, Page.DATABASE)
        assert wizard.database.embedded.isChecked()
        seen["path"] = wizard.database.path.text()
        _go(qtbot, wizard, Page.ADMIN)
        seen["tested"] = wizard.database.message.text()
        _admin(qtbot, wizard)
        wizard.district.options[DistrictChoice.DEMO].setChecked(True)
        _go(qtbot, wizard, Page.MEDIA, timeout=180_000)
        wizard.media.given.setChecked(True)
        wizard.media.template.setText("http://media.example/rtp/{dev}.live.flv")
        wizard.next()
        qtbot.waitUntil(lambda: not wizard.media.busy and wizard.media.message.text() != "", timeout=10_000)
        seen["bad media"] = (wizard.currentId(), wizard.media.message.text())
        wizard.media.preset.setCurrentIndex(0)
        wizard.media.preset.activated.emit(0)  # as a click on the first example
        _go(qtbot, wizard, Page.BASE_MAP)
        wizard.base_map.options["xyz"].setChecked(True)
        wizard.base_map.xyz_url.setText("https://tiles.example/{z}/{x}.png")
        wizard.next()
        qtbot.waitUntil(
            lambda: not wizard.base_map.busy and wizard.base_map.message.text() != "", timeout=10_000
        )
        seen["bad xyz"] = (wizard.currentId(), wizard.base_map.message.text())
        wizard.base_map.xyz_url.setText(XYZ)
        wizard.base_map.datum.setCurrentIndex(wizard.base_map.datum.findData("gcj02"))
        _go(qtbot, wizard, Page.SUMMARY)
        seen["summary"] = wizard.summary.summary.text()
        wizard.button(wizard.WizardButton.FinishButton).click()
        QTimer.singleShot(0, lambda: _when_up_window(seen))

    QTimer.singleShot(0, lambda: _when_up(SetupWizard, drive))
    with caplog.at_level(logging.WARNING):
        assert entry.main(["gui"]) == 0
    assert seen["title en"] == ("First run — Command Center", "Database")
    assert seen["title zh"] == ("首次运行 — 智慧城管指挥中心", "数据库")
    assert seen["path"] == str(paths.default_sqlite_path())
    assert "已创建数据表" in str(seen["tested"])
    assert seen["bad xyz"] == (Page.BASE_MAP, "地址模板需要包含 {z}、{x} 和 {y}（或 {-y}）。")
    assert "辖区：演示辖区（291 个路段" in str(seen["summary"])
    assert seen["bad media"][0] == Page.MEDIA
    assert "{dev}" in str(seen["bad media"][1])
    assert "{device}" in str(seen["bad media"][1])
    assert f"视频平台：{ZLM}" in str(seen["summary"])
    assert seen["user"] == "当前用户：信息科（系统管理员）"
    counts = seen["counts"]
    assert isinstance(counts, SeedCounts)
    assert (counts.offices, counts.segments) == (18, 291)
    settings = load_settings()
    assert (settings.language, settings.database_url, settings.source) == (
        "zh_CN",
        None,
        paths.config_dir() / "config.toml",
    )
    assert (settings.map.base, settings.map.xyz_url, settings.map.datum) == ("xyz", XYZ, "gcj02")
    workspace = Workspace.open(f"sqlite:///{paths.default_sqlite_path()}")
    try:
        admin = workspace.authenticator().login("it.admin", PASSWORD)
        assert admin.username == "it.admin"
        assert workspace.services(admin).settings.current().settings.media_url_template == ZLM
        audit = workspace.services(admin).audit_log.recent()
        assert any(r.actor == "it.admin" and r.target == "settings" for r in audit)
    finally:
        workspace.close()
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("ui", "commandcenter"))] == []


def _when_up_window(seen: dict[str, object]) -> None:
    """Once the window has its first counts, note them and who is signed in, then close it."""
    app = QApplication.instance()
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window.kpis.last_counts is None or app is None:
        QTimer.singleShot(50, lambda: _when_up_window(seen))
        return
    seen["user"] = window.header.user.text()
    seen["counts"] = window.kpis.last_counts
    QTimer.singleShot(0, lambda: app.exit(0))


@pytest.mark.postgres
def test_the_server_page_says_what_is_wrong_and_sets_the_seat_up_on_postgresql(
    qtbot: QtBot, shell_app: QApplication, pg_url: str, tmp_path: Path
) -> None:
    fields = server_fields(pg_url)
    assert fields is not None
    config = tmp_path / "seat" / "config.toml"
    seen: dict[str, object] = {}

    def drive(widget: object) -> None:
        assert isinstance(widget, SetupWizard)
        wizard = widget
        _go(qtbot, wizard, Page.DATABASE)
        page = wizard.database
        page.server.setChecked(True)
        page.set_server(fields.__class__(fields.host, fields.port, "no_such_db", fields.user, ""))
        page.test.click()
        qtbot.waitUntil(lambda: not page.busy and page.message.text() != "", timeout=30_000)
        seen["missing"] = (wizard.currentId(), page.message.text())
        page.database.setText(fields.database)
        _go(qtbot, wizard, Page.ADMIN)
        _admin(qtbot, wizard)
        _go(qtbot, wizard, Page.MEDIA)  # district: later
        _go(qtbot, wizard, Page.BASE_MAP)  # media server: later
        _go(qtbot, wizard, Page.SUMMARY)
        wizard.button(wizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, lambda: _when_up(SetupWizard, drive))
    outcome = run_setup_wizard(Settings(language="zh_CN"), config)
    assert outcome is not None
    try:
        assert outcome.principal is not None
        assert outcome.principal.username == "it.admin"
        assert outcome.workspace.authenticator().login("it.admin", PASSWORD).role.value == "admin"
    finally:
        outcome.workspace.close()
    assert seen["missing"][0] == Page.DATABASE  # type: ignore[index]
    assert str(seen["missing"][1]).startswith("服务器上没有此名称的数据库")  # type: ignore[index]
    assert "no_such_db" in str(seen["missing"][1])  # type: ignore[index]
    written = load_settings(config, environ={}, required=True)
    assert written.database_url == fields.url()  # the fixture's server, no password to split off
    assert (outcome.settings.database_url, written.map.base) == (written.database_url, "none")


def test_a_configured_seat_on_an_empty_database_gets_the_wizard_and_imports_its_district(
    qtbot: QtBot, shell_app: QApplication, tmp_path: Path
) -> None:
    """The config names a new SQLite file: the database page shows it, and the district is imported
    through the import tab as the new administrator (the window then shows the two offices)."""
    database = tmp_path / "erqi.sqlite"
    config = paths.config_dir() / "config.toml"
    config.write_text(f'database_url = "sqlite:///{database}"\n\n[simulator]\nseed = 7\n', encoding="utf-8")
    folder = write_small_district(tmp_path / "delivery")
    seen: dict[str, object] = {}

    def drive(widget: object) -> None:
        assert isinstance(widget, SetupWizard)
        wizard = widget
        _go(qtbot, wizard, Page.DATABASE)
        seen["path"] = wizard.database.path.text()
        _go(qtbot, wizard, Page.ADMIN)
        _admin(qtbot, wizard)
        page = wizard.district
        page.options[DistrictChoice.IMPORT].setChecked(True)
        wizard.next()
        seen["not yet"] = (wizard.currentId(), page.message.text())
        tab = page.import_tab
        assert tab is not None
        for kind in ("offices", "roads", "segments", "staff"):
            tab.choosers.set_path(kind, folder / ("staff.csv" if kind == "staff" else f"{kind}.geojson"))
        tab.check()
        qtbot.waitUntil(tab.import_button.isEnabled, timeout=30_000)
        tab.store()
        qtbot.waitUntil(lambda: tab.report is not None, timeout=30_000)
        _go(qtbot, wizard, Page.MEDIA)
        _go(qtbot, wizard, Page.BASE_MAP)
        _go(qtbot, wizard, Page.SUMMARY)
        seen["summary"] = wizard.summary.summary.text()
        wizard.button(wizard.WizardButton.FinishButton).click()
        QTimer.singleShot(0, lambda: _when_up_window(seen))

    QTimer.singleShot(0, lambda: _when_up(SetupWizard, drive))
    assert entry.main(["gui"]) == 0
    assert seen["path"] == str(database)
    assert seen["not yet"] == (Page.DISTRICT, "请先检查并导入文件，或选择“稍后”。")
    assert "辖区：已导入" in str(seen["summary"])
    counts = seen["counts"]
    assert isinstance(counts, SeedCounts)
    assert (counts.offices, counts.segments) == (2, 2)
    assert seen["user"] == "当前用户：信息科（系统管理员）"
    settings = load_settings()
    assert (settings.database_url, settings.simulator.seed) == (f"sqlite:///{database}", 7)


def test_a_second_workstation_skips_the_administrator_and_signs_in_with_the_login(
    qtbot: QtBot, shell_app: QApplication, tmp_path: Path
) -> None:
    """A database whose users can sign in already: no administrator page, no district page; the
    outcome has nobody signed in (the login dialog follows)."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    workspace = Workspace.open(url)
    workspace.create_first_administrator("it.admin", "信息科", PASSWORD)
    workspace.close()
    visited: list[int] = []

    def drive(widget: object) -> None:
        assert isinstance(widget, SetupWizard)
        wizard = widget
        wizard.currentIdChanged.connect(visited.append)
        _go(qtbot, wizard, Page.DATABASE)
        wizard.database.path.setText(str(tmp_path / "shared.sqlite"))
        _go(qtbot, wizard, Page.BASE_MAP)
        _go(qtbot, wizard, Page.SUMMARY)
        wizard.button(wizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, lambda: _when_up(SetupWizard, drive))
    outcome = run_setup_wizard(Settings(language="zh_CN"), tmp_path / "config.toml")
    assert outcome is not None
    outcome.workspace.close()
    assert outcome.principal is None
    assert visited == [Page.DATABASE, Page.BASE_MAP, Page.SUMMARY]
    assert load_settings(tmp_path / "config.toml", environ={}).database_url == url


def test_cancel_writes_nothing(qtbot: QtBot, shell_app: QApplication, tmp_path: Path) -> None:
    QTimer.singleShot(0, lambda: _when_up(SetupWizard, lambda wizard: wizard.reject()))  # type: ignore[attr-defined]
    assert run_setup_wizard(Settings(), tmp_path / "config.toml") is None
    assert not (tmp_path / "config.toml").exists()


@pytest.mark.parametrize("answer", ["again", "quit"])
def test_an_unreachable_configured_server_offers_to_set_up_again(
    qtbot: QtBot, shell_app: QApplication, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    """Nothing listens at the configured server: one line, and a question instead of only a stop —
    "set up again" opens the wizard on that server's fields; "quit" exits as unavailable."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = paths.config_dir() / "config.toml"
    config.write_text(f'database_url = "postgresql+psycopg2://cc@127.0.0.1:{port}/erqi"\n', encoding="utf-8")
    seen: dict[str, object] = {}

    def answer_box(widget: object) -> None:
        assert isinstance(widget, QMessageBox)
        seen["question"] = widget.informativeText()
        button = next(b for b in widget.buttons() if (b.text() == "重新设置…") == (answer == "again"))
        button.click()
        if answer == "again":
            QTimer.singleShot(0, lambda: _when_up(SetupWizard, look_and_cancel))

    def look_and_cancel(widget: object) -> None:
        assert isinstance(widget, SetupWizard)
        page = widget.database
        seen["fields"] = (page.server.isChecked(), page.host.text(), page.port.value(), page.database.text())
        widget.reject()

    QTimer.singleShot(0, lambda: _when_up(QMessageBox, answer_box))
    status = entry.main(["gui"])
    assert "错误 error: 无法使用数据库" in capsys.readouterr().err
    assert seen["question"] == "要重新设置本工作站，改用其他数据库或服务器吗？"
    if answer == "again":
        assert (status, seen["fields"]) == (0, (True, "127.0.0.1", port, "erqi"))
    else:
        assert (status, "fields" in seen) == (EXIT_UNAVAILABLE, False)
    assert config.read_text(encoding="utf-8").startswith("database_url")  # nothing written
