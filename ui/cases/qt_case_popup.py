"""The new-case pop-up: one window, never fifty; it never takes the keyboard from the operator.

A new case shows its category, place, mini-map, photo, dispatch deadline, how many people reported
it, and up to three recommended assignees as buttons: the first choice is one click, the second is
one click too. A burst queues behind the case shown ("N more"), most urgent first. The window is a
frameless tool window that shows without activating and accepts no focus, and it waits while a
mouse button is held (an operator dragging a camera or a map) instead of popping up under the hand.
Which arrivals pop up and ring is the district's notification rule (``settings().notifications``:
on/off, urgency, categories), read at each arrival; the rest reach the queue only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.cases.dispatch import DispatchKind, dispatch_kind
from commandcenter.cases.recommend import Recommendation
from commandcenter.domain.cases import BoardCase
from ui.cases.arrival_chime import ArrivalChime
from ui.cases.case_desk import CaseDesk
from ui.cases.case_table_model import countdown, local_time
from ui.cases.case_words import dispatch_reason
from ui.cases.qt_mini_map import QtMiniMap
from ui.throttle import Throttle

MAX_CHOICES = 3
BUSY_RETRY_MS = 250
FOLLOW_MS = 100
PHOTO_SIZE = (200, 150)


class QtCasePopup(QFrame):
    detail_requested = Signal(object)  # BoardCase
    nearest_cameras_requested = Signal(float, float)  # the shown case's place: 1 + N on the wall
    vehicle_requested = Signal(int)  # an offered enforcement vehicle's unit: its position and video

    def __init__(self, desk: CaseDesk, anchor: QWidget, chime: ArrivalChime | None = None) -> None:
        super().__init__(anchor)  # a Tool window of the main window: above it, deleted with it
        self.setObjectName("casePopup")
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.desk = desk
        self.anchor = anchor
        self.chime = chime or ArrivalChime()
        self.waiting: list[BoardCase] = []  # arrived, not yet shown; the shown one is ``current``
        self.current: BoardCase | None = None
        self.choices: list[Recommendation] = []
        self.enabled = True
        self._build()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(BUSY_RETRY_MS)
        self._retry.timeout.connect(self._present)
        desk.cases_arrived.connect(self.announce)
        self._follow = Throttle(FOLLOW_MS, self._board_changed, self)  # bursts: a few times a second
        desk.board_changed.connect(self._follow.poke)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("popupTitle")
        self.more = QLabel(self)
        self.more.setObjectName("popupMore")
        self.category = QLabel(self)
        self.category.setObjectName("popupCategory")
        self.place = QLabel(self)
        self.place.setWordWrap(True)
        self.deadline = QLabel(self)
        self.reporters = QLabel(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.rule_notes = QLabel(self)  # the office's case rules (plugins), as intake noted them
        self.rule_notes.setObjectName("popupRuleNotes")
        self.rule_notes.setWordWrap(True)
        self.photo = QLabel(self)
        self.photo.setObjectName("popupPhoto")
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mini_map = QtMiniMap(self)
        self.mini_map.setFixedSize(*PHOTO_SIZE)
        self.choice_buttons = [QPushButton(self) for _ in range(MAX_CHOICES)]
        for position, button in enumerate(self.choice_buttons):
            button.setObjectName("dispatchPrimary" if position == 0 else "dispatchAlternative")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, p=position: self.dispatch_choice(p))
        self.vehicle_button = QPushButton(self)  # 执法车: on the map and its video, one click
        self.vehicle_button.setObjectName("popupVehicle")
        self.vehicle_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.vehicle_button.clicked.connect(self._vehicle)
        self.cameras_button = QPushButton(self.tr("Nearest cameras"), self)
        self.cameras_button.setObjectName("popupCameras")
        self.cameras_button.clicked.connect(self._cameras)
        self.detail_button = QPushButton(self.tr("Details"), self)
        self.later_button = QPushButton(self.tr("Later"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        for button in (self.detail_button, self.cameras_button, self.later_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.detail_button.clicked.connect(self._detail)
        self.later_button.clicked.connect(self.dismiss)
        self.next_button.clicked.connect(self.next_case)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.more)
        pictures = QHBoxLayout()
        pictures.addWidget(self.photo)
        pictures.addWidget(self.mini_map)
        facts = QGridLayout()
        for row, widget in enumerate(
            (self.category, self.place, self.deadline, self.reporters, self.description, self.rule_notes)
        ):
            facts.addWidget(widget, row, 0)
        footer = QHBoxLayout()
        footer.addWidget(self.detail_button)
        footer.addWidget(self.cameras_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        footer.addWidget(self.later_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        column.addLayout(head)
        column.addLayout(pictures)
        column.addLayout(facts)
        for button in self.choice_buttons:
            column.addWidget(button)
        column.addWidget(self.vehicle_button)
        column.addLayout(footer)
        self.setFixedWidth(440)

    # ------------------------------------------------------------------ behaviour
    def announce(self, arrived: list[BoardCase]) -> None:
        """New cases: queue them (most urgent first), chime once, and show if nothing is shown."""
        if not self.enabled:
            return
        rules = self.desk.settings().notifications
        arrived = [case for case in arrived if rules.pops_up(case.category_code, case.urgency)]
        if not arrived:
            return
        known = {case.id for case in self.waiting}
        self.waiting.extend(case for case in arrived if case.id not in known)
        self._sort_waiting()
        if rules.sound:
            self.chime.ring()
        if self.current is None:
            self.next_case()
        else:
            self._update_more()

    def next_case(self) -> None:
        self.current = self.waiting.pop(0) if self.waiting else None
        if self.current is None:
            self.hide()
            return
        self._fill(self.current)
        self._present()
        if self.desk.settings().notifications.open_cameras:  # the district's rule: the wall follows
            self._cameras()

    def show_case(self, case: BoardCase) -> None:
        """Dispatch at any time: bring ``case`` (from the queue or the detail: dismissed with 稍后,
        returned, never shown — or handed out and not signed for, to 改派) into the pop-up now; the
        one shown so far goes back to the front of the waiting ones."""
        if not self.enabled or dispatch_kind(case.status) is None:
            return
        if self.current is not None and self.current.id != case.id:
            self.waiting.insert(0, self.current)
        self.waiting = [waiting for waiting in self.waiting if waiting.id != case.id]
        self._fill(self.desk.board.get(case.id) or case)
        self._present()

    def dismiss(self) -> None:
        """ "Later": the case stays in the queue; the pop-up moves on to the next new one."""
        self.next_case()

    def dispatch_choice(self, position: int) -> None:
        if self.current is None or position >= len(self.choices):
            return
        staff = self.choices[position].staff
        self.desk.dispatch(self.current, staff.id, staff.name)
        self.next_case()

    def _cameras(self) -> None:
        if self.current is not None:
            self.nearest_cameras_requested.emit(self.current.lon, self.current.lat)

    def _vehicle(self) -> None:
        vehicle = next((choice.vehicle for choice in self.choices if choice.vehicle is not None), None)
        if vehicle is not None:
            self.vehicle_requested.emit(vehicle.unit_id)

    def _detail(self) -> None:
        if self.current is not None:
            self.detail_requested.emit(self.current)

    def _sort_waiting(self) -> None:
        order = {case.id: rank for rank, case in enumerate(self.desk.board.ordered(datetime.now(UTC)))}
        self.waiting = [case for case in self.waiting if case.id in order]
        self.waiting.sort(key=lambda case: order[case.id])

    def _board_changed(self) -> None:
        """Cases dispatched elsewhere leave the pop-up too; the shown one is refreshed."""
        self._sort_waiting()
        if self.current is not None:
            fresh = self.desk.board.get(self.current.id)
            if fresh is None or _handled_elsewhere(self.current, fresh):
                self.next_case()
                return
            if fresh != self.current:
                self._fill(fresh)
        self._update_more()

    def _present(self) -> None:
        if self.current is None:
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:  # mid-drag: wait, don't jump in
            self._retry.start()
            return
        self.adjustSize()
        self.move(self._corner())
        self.show()
        self.raise_()

    def _corner(self) -> QPoint:
        window = self.anchor.window()
        screen = window.screen() or QGuiApplication.primaryScreen()
        area = window.frameGeometry() if window.isVisible() else screen.availableGeometry()
        return QPoint(area.right() - self.width() - 24, area.bottom() - self.height() - 48)

    # ------------------------------------------------------------------ content
    def _fill(self, case: BoardCase) -> None:
        now = datetime.now(UTC)
        self.current = case
        redispatch = dispatch_kind(case.status) is DispatchKind.REDISPATCH
        title = self.tr("Re-dispatch %1") if redispatch else self.tr("New case %1")
        self.title.setText(title.replace("%1", case.number))
        self.category.setText(f"{case.category_name} · {case.source} · {local_time(case.created_at)}")
        self.place.setText(
            " · ".join(part for part in (case.address, case.segment_name, case.office_name) if part)
        )
        deadline = local_time(case.deadline_at) if case.deadline_at else "—"
        self.deadline.setText(
            self.tr("Dispatch by %1 (%2)")
            .replace("%1", deadline)
            .replace("%2", countdown(case.deadline_at, now))
        )
        self.reporters.setText(self.tr("%1 reports merged").replace("%1", str(case.reporters)))
        self.reporters.setVisible(case.reporters > 1)
        self.description.setText(case.description)
        self.rule_notes.setText("\n".join(case.rule_notes))
        self.rule_notes.setVisible(bool(case.rule_notes))
        self._show_photo(case.photo_uri)
        offered = self.desk.recommendations(case)
        self.choices = [pick for pick in offered if pick.staff.id != case.assignee_id][:MAX_CHOICES]
        verb = self.tr("Re-dispatch to %1 · %2") if redispatch else self.tr("Dispatch to %1 · %2")
        for position, button in enumerate(self.choice_buttons):
            if position < len(self.choices):
                choice = self.choices[position]
                button.setText(
                    verb.replace("%1", choice.staff.name).replace(
                        "%2", dispatch_reason(choice, case.office_name)
                    )
                )
                button.show()
            else:
                button.hide()
        vehicle = next((choice.vehicle for choice in self.choices if choice.vehicle is not None), None)
        self.vehicle_button.setVisible(vehicle is not None)
        if vehicle is not None:
            self.vehicle_button.setText(self.tr("Show vehicle %1 and its video").replace("%1", vehicle.plate))
        self.mini_map.show_scene(self.desk.mini_map_scene(case, self.choices))
        self._update_more()

    def _show_photo(self, uri: str | None) -> None:
        pixmap = QPixmap(uri) if uri and Path(uri).is_file() else QPixmap()
        if pixmap.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
        else:
            self.photo.setPixmap(pixmap.scaled(*PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio))

    def _update_more(self) -> None:
        count = len(self.waiting)
        self.more.setText(self.tr("%1 more new").replace("%1", str(count)) if count else "")
        self.next_button.setVisible(count > 0)


def _handled_elsewhere(shown: BoardCase, fresh: BoardCase) -> bool:
    """The case the pop-up shows was dispatched, re-dispatched or signed for meanwhile (here or on
    another desk): there is nothing left to choose."""
    if dispatch_kind(fresh.status) is not dispatch_kind(shown.status):
        return True
    return fresh.assignee_id != shown.assignee_id
