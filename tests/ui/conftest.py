"""Fixtures for the shell's window tests: the demo district at the seed's scale in SQLite (generated
once per session, copied per test because tests delete and corrupt it) and a factory for
configured main windows."""

from __future__ import annotations

import gc
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import bindparam, select, update

from commandcenter.accounts.principal import Principal
from commandcenter.config import Settings
from commandcenter.demo.generate import load_demo_data
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role
from ui.app import create_application, install_translations
from ui.main_window import MainWindow
from ui.videowall.qt_wall import QtVideoWall

OpenWindow = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _garbage_collected_between_tests(qapp: QApplication) -> Iterator[None]:
    """Python's cycle collector runs only between window tests, once every window of the test is
    stopped and closed: a collection that started inside a test — while another window's workers
    were still busy — segfaulted in Qt now and then (seen in ``apply_theme`` as the next window was
    made, on several commits; not yet understood: noted for the next planning step)."""
    gc.disable()
    try:
        yield
    finally:
        qapp.processEvents()  # the closed windows' deleteLater
        gc.enable()
        gc.collect()


@pytest.fixture(scope="session")
def district_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("district") / "district.sqlite"
    store = Store.open(f"sqlite:///{path}")
    try:
        load_demo_data(store, scale=1)
    finally:
        store.close()  # the last connection checkpoints the WAL: the file alone is the database
    return path


@pytest.fixture
def district_file(district_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "district.sqlite"
    shutil.copyfile(district_template, path)
    _freshen_unit_fixes(path, time.time() - district_template.stat().st_mtime)
    return path


def _freshen_unit_fixes(path: Path, age_s: float) -> None:
    """The units' last fixes moved on by the template's age: the template is made once a session, and
    a test late in the run opened a district whose every unit had gone offline (no fix for 5 minutes;
    the map then shows no moving unit)."""
    if age_s < 30:
        return
    store = Store.open(f"sqlite:///{path}")
    try:
        with store.engine.begin() as connection:
            rows = connection.execute(select(Unit.id, Unit.last_ts).where(Unit.last_ts.is_not(None))).all()
            moved = [{"unit": unit, "ts": ts + timedelta(seconds=age_s)} for unit, ts in rows]
            statement = update(Unit).where(Unit.id == bindparam("unit")).values(last_ts=bindparam("ts"))
            connection.execute(statement, moved)
    finally:
        store.close()


@pytest.fixture
def district_store(district_file: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{district_file}")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def shell_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication, configured by the shell; its language and theme are undone afterwards
    so other test modules see a plain application."""
    yield qapp
    install_translations(qapp, "en")
    qapp.setStyleSheet("")


@pytest.fixture
def open_window(qtbot: QtBot, shell_app: QApplication, district_store: Store) -> Iterator[OpenWindow]:
    windows: list[MainWindow] = []

    def open_(
        language: str = "zh_CN", store: Store | None = None, principal: Principal | None = None, **kwargs: Any
    ) -> MainWindow:
        """A shown, started window signed in as ``principal`` (the duty operator by default)."""
        settings = Settings(language=language, status_poll_s=0.2)
        create_application(settings)
        window = MainWindow(
            settings,
            Services(store or district_store, principal or principal_of_role()),
            wall_feeds=kwargs.pop("wall_feeds", []),
            stream_urls=kwargs.pop("stream_urls", []),
            probe=kwargs.pop("probe", None),
            **kwargs,
        )
        qtbot.addWidget(window)
        window.show()
        window.start()
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.stop()


@pytest.fixture
def open_wall(qtbot: QtBot) -> Iterator[Callable[..., QtVideoWall]]:
    """Shown video walls, every player stopped after the test. ``pointer_away`` parks the mouse
    outside the wall, so a tour under test does not pause for a pointer resting on a tile."""
    walls: list[QtVideoWall] = []

    def open_(size: tuple[int, int] | None = None, *, pointer_away: bool = False) -> QtVideoWall:
        widget = QtVideoWall()
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        if pointer_away:
            QCursor.setPos(widget.mapToGlobal(widget.rect().bottomRight()) + widget.rect().bottomRight())
        walls.append(widget)
        return widget

    yield open_
    for widget in walls:
        widget.stop_all()
