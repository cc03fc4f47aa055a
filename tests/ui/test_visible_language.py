"""What an operator reads is in the language the UI runs in. The running main window on the seed
district — and what it opens: case detail, new-case pop-up, map hover cards, legend and right-click
menu, camera tree, track playback, alert list, wall toolbar menus and the save-view dialog, category
editor, plugin manager, the district-data dialog (its check run), the settings dialog, 报表 and the
领导观摩 briefing screen (as a leader), status bar tooltips — is read widget by widget
(``screen_words``): label, button, menu and action texts, tooltips, placeholders, window, dock and
tab titles, combo items, table and tree headers, the first rows' cells and cell tooltips.

``test_translations`` only sees what lupdate extracts: a ``tr()`` inside an f-string's braces, a
``translate()`` of a variable, a sentence composed in the core or a label passed through without
``tr()`` never reach the .ts and pass it. This test reads the screen instead, so they fail here.

The rules:

* **zh_CN** — no Latin word of two letters or more, except the short allow-list in
  ``screen_words.ALLOWED_LATIN`` (units such as km/h, fps, kbit/s; names such as CommandCenter,
  GB/T 28181, TDM, libVLC). A token holding a digit (camera code, plate, case number, layout
  "2x2", time), URLs/paths (the database shown in the status bar), monitor names and plugin
  manifest names are data.
* **en** — no Chinese except *domain data*. The district's records are Chinese whatever the UI
  language: office, road, segment, person, category and camera names, addresses, case
  descriptions, reporters' sources, alert texts as the rules stored them — in short every text
  value stored in the database the window reads — plus the case workflow's vocabulary (statuses
  and actions such as 受理, 立案, 派遣: the GB/T 30428 terms the case log stores) and the names
  in plugin manifests. So a run of Chinese characters passes when it occurs in one of those
  values; anything the shell or the core *words* (a state, a countdown, a reason, a unit) fails.
  (A single character such as 米 may hide inside some address; the words that matter are longer.)
* Plugins' own panels, cards and menu entries are their authors' words (docs/PLUGINS.md) and are
  not read; the shell's frame around them (the plugin manager, the "Office modules" dock) is.
* What a healthy demo shows is read; refusals and error lines (workflow, accounts, database) are
  one bilingual line, 中文 / English, by the house rule, and are not part of this scan.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot
from screen_words import ScreenReader, Seen, chinese_runs, english_words

from commandcenter.domain.cameras import CameraFeed
from commandcenter.domain.kinds import CaseStatus, UnitKind, UserRole
from commandcenter.domain.settings import DEFAULT_SETTINGS
from commandcenter.domain.workflow import TRANSITIONS
from commandcenter.mapping.unit_frame import KINDS, Load, MotionState
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.testing.accounts import services_for
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes
from ui.briefing.qt_briefing_window import QtBriefingWindow
from ui.district.qt_district_dialog import QtDistrictDialog
from ui.main_window import MainWindow
from ui.reports.qt_report_dialog import QtReportDialog
from ui.settings.qt_settings_dialog import QtSettingsDialog

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 30_000
FEEDS = [
    CameraFeed("CAM-T-0001", "CAM-T-0001"),  # no stream: the tile says "offline"
    CameraFeed("CAM-T-0002", "CAM-T-0002", sub_url="http://127.0.0.1:9/never.ts"),  # port 9: refused
]


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    """Everything the window reads in the background has arrived."""
    qtbot.waitUntil(
        lambda: (
            window.cases.model.rowCount() > 0
            and len(window.map.units.frame) > 0
            and window.map.vectors.data is not None
            and len(window.camera_tree.cameras) > 0
            and window.status.last_snapshot is not None
            and window.desk.advice.ready
            and window.plugins.host is not None
        ),
        timeout=WAIT_MS,
    )


def _hover_cards(window: MainWindow) -> Iterator[Seen]:
    """The hover card over one unit of every kind, state and load the map has."""
    frame, pointer = window.map.units.frame, window.map.pointer
    shown: set[tuple[int, int, int]] = set()
    for index in range(len(frame)):
        key = (int(frame.kind[index]), int(frame.state[index]), int(frame.load[index]))
        if key in shown:
            continue
        shown.add(key)
        x, y = float(frame.x[index]), float(frame.y[index])
        window.map.view_box.setRange(xRange=(x - 300, x + 300), yRange=(y - 300, y + 300))
        QApplication.processEvents()
        pointer._hover(window.map.view_box.mapViewToScene(QPointF(x, y)))
        assert pointer.card.isVisible(), f"no card over unit {frame.labels[index]}"
        yield "map hover card", pointer.card.text()
    kinds = {KINDS[kind] for kind, _state, _load in shown}
    assert kinds == set(UnitKind), "the demo shows every kind of unit"
    assert {Load.LOADED, Load.EMPTY} <= {load for _k, _s, load in shown}
    assert MotionState.MOVING in {state for _k, state, _l in shown}


def _map_extras(window: MainWindow, reader: ScreenReader) -> Iterator[Seen]:
    """The right-click menu and the "nearest patrollers" tip, around an on-duty patroller."""
    frame = window.map.units.frame
    at = int(np.flatnonzero(frame.kind == KINDS.index(UnitKind.PATROLLER))[0])
    x, y = float(frame.x[at]), float(frame.y[at])
    menu = window.map.pointer.open_context_menu(x, y, window.map.mapToGlobal(QPoint(40, 40)))
    yield from reader.menu(menu)
    menu.close()
    window._show_nearest_patrollers(float(frame.lon[at]), float(frame.lat[at]))
    yield "nearest patrollers tip", QToolTip.text()
    QToolTip.hideText()


def _open_everything(qtbot: QtBot, window: MainWindow, store: Store) -> list[QWidget]:
    """Open what the demo data lets an operator open; returns the extra top-level windows."""
    waiting = next(
        window.cases.model.case_at(row)
        for row in range(window.cases.model.rowCount())
        if window.cases.model.case_at(row).assignee_id is None
    )
    window.desk.cases_arrived.emit([waiting])  # the pop-up as for a new case
    qtbot.waitUntil(lambda: window.popup.isVisible() and bool(window.popup.choices), timeout=WAIT_MS)
    detail = window.open_case(window.cases.model.case_at(0))
    qtbot.waitUntil(lambda: detail.detail is not None and detail.timeline.rowCount() > 0, timeout=WAIT_MS)
    editor = window.open_category_editor()
    qtbot.waitUntil(lambda: editor.table.rowCount() > 0, timeout=WAIT_MS)
    window.plugins.show_manager()
    manager = window.plugins.manager
    assert manager is not None
    qtbot.waitUntil(lambda: manager.table.rowCount() > 0, timeout=WAIT_MS)
    save_dialog = window.wall_views.open_save_dialog()
    district = QtDistrictDialog(services_for(store, UserRole.ADMIN), window.runner)  # all three tabs
    assert district.check_tab is not None
    district.check_tab.run()
    qtbot.waitUntil(
        lambda: district.check_tab is not None and district.check_tab.report is not None, timeout=WAIT_MS
    )
    settings = QtSettingsDialog(services_for(store, UserRole.ADMIN).settings, window.runner)
    qtbot.waitUntil(settings.save_button.isEnabled, timeout=WAIT_MS)
    window.camera_tree.view.expandToDepth(1)
    trucks = [
        int(unit)
        for unit, kind in zip(window.map.units.frame.ids, window.map.units.frame.kind, strict=True)
        if KINDS[kind] is UnitKind.MUCK_TRUCK
    ][:2]
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    for unit in trucks:
        record_positions(
            store, scripted_fixes(unit, start, [Drive(600, 30, 90), Park(900), Drive(600, 30, 180)])
        )
    window.track_dock.raise_()
    window.tracks.load(trucks, start, start + timedelta(hours=1))
    qtbot.waitUntil(lambda: window.tracks.rows.count() >= 4, timeout=WAIT_MS)
    window.alert_dock.raise_()
    qtbot.waitUntil(lambda: any(tile.state.value != "idle" for tile in window.wall.tiles), timeout=WAIT_MS)
    leader = services_for(store, UserRole.LEADER)
    reports = QtReportDialog(leader.reports, window.runner)
    briefing = QtBriefingWindow(leader, window.runner, refresh_s=600, video=False, live_map=False)
    briefing.start()
    qtbot.waitUntil(lambda: briefing.figures is not None, timeout=WAIT_MS)
    return [detail, editor, manager, save_dialog, window.popup, district, settings, reports, briefing]


def _screen(qtbot: QtBot, window: MainWindow, store: Store) -> list[Seen]:
    _ready(qtbot, window)
    extra = _open_everything(qtbot, window, store)
    plugins = window.plugins
    reader = ScreenReader(
        skip_widgets=[*plugins.panel_docks.values(), plugins.cards],
        skip_actions=[
            *plugins.actions.values(),
            *(d.toggleViewAction() for d in plugins.panel_docks.values()),
        ],
    )
    seen = [*_hover_cards(window), *_map_extras(window, reader), *reader.window(window)]
    for top in extra:
        seen += reader.window(top)
    return [(where, text) for where, text in seen if text.strip()]


def _data_words(window: MainWindow) -> frozenset[str]:
    """Latin words the data brings: monitor names (Send to monitor) and plugin manifest names."""
    names = [screen.name() for screen in QApplication.screens()]
    assert window.plugins.host is not None
    names += [record.name for record in window.plugins.host.records()]
    return frozenset(word for name in names for word in re.findall(r"[A-Za-z]{2,}", name))


def _domain_text(database: Path, window: MainWindow) -> str:
    """Every text value stored in the database, the workflow's vocabulary and plugin names, joined."""
    values: set[str] = {status.value for status in CaseStatus}
    values |= {transition.action for transition in TRANSITIONS}
    values |= {h.name for year in DEFAULT_SETTINGS.calendar.years for h in year.holidays}  # the notice's
    assert window.plugins.host is not None
    values |= {record.name for record in window.plugins.host.records()}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                name, kind = column[1], str(column[2]).upper()
                if any(text in kind for text in ("CHAR", "TEXT", "CLOB", "JSON")):
                    stored = {
                        row[0]
                        for row in connection.execute(f'SELECT DISTINCT "{name}" FROM "{table}"')
                        if row[0]
                    }
                    values |= stored
                    if "JSON" in kind:  # JSON escapes Chinese: the strings inside are the data
                        values |= {text for value in stored for text in _json_strings(value)}
    return "\n".join(str(value) for value in values)


def _json_strings(value: str) -> list[str]:
    """Every string inside a stored JSON document (a 待甄别 item's reasons, an event's payload …)."""
    try:
        pending: list[object] = [json.loads(value)]
    except ValueError:
        return []
    found: list[str] = []
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def _report(findings: list[tuple[str, str, list[str]]]) -> str:
    lines = sorted({f"{where}: {words} in {text!r}" for where, text, words in findings})
    return f"{len(lines)} texts:\n" + "\n".join(lines)


@pytest.mark.slow
def test_the_chinese_ui_shows_no_english_words(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window("zh_CN", title_suffix="demo", wall_feeds=FEEDS)
    seen = _screen(qtbot, window, district_store)
    assert len(seen) > 500, "the scan read the windows"
    data = _data_words(window)
    findings = [(where, text, words) for where, text in seen if (words := english_words(text, data))]
    assert not findings, "English in the zh_CN UI — " + _report(findings)


@pytest.mark.slow
def test_the_english_ui_shows_no_chinese_outside_domain_data(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store, district_file: Path
) -> None:
    window = open_window("en", title_suffix="demo", wall_feeds=FEEDS)
    seen = _screen(qtbot, window, district_store)
    assert len(seen) > 500, "the scan read the windows"
    domain = _domain_text(district_file, window)
    findings = [(where, text, runs) for where, text in seen if (runs := chinese_runs(text, domain))]
    assert not findings, "Chinese UI words in the en UI — " + _report(findings)
