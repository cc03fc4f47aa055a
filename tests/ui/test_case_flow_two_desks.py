"""One case all the way, across two real desks on PostgreSQL: the centre's operator takes a call in
the 新建案件 form (Ctrl+N's form, through intake), dispatches it from the pop-up; the 镇办 user's own
desk receives it, signs for it (签收), starts (处置), adds the after-photo and reports it done (反馈);
the operator verifies (核查) with before and after side by side and closes it (结案). Each step is
the signed-in user's own, through ``services/``, and leaves its audit row; both queues drop the case."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.audit.trail import AuditTrail
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Staff
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district
from ui.background import BackgroundRunner
from ui.cases.arrival_chime import ArrivalChime
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_detail import QtCaseDetail
from ui.cases.qt_case_popup import QtCasePopup
from ui.cases.qt_case_queue import QtCaseQueue
from ui.cases.qt_new_case_form import QtNewCaseForm

WAIT_MS = 20_000


@dataclass
class Workstation:
    services: Services
    host: QWidget
    runner: BackgroundRunner
    desk: CaseDesk
    queue: QtCaseQueue
    popup: QtCasePopup

    def close(self) -> None:
        self.queue.stop()
        self.desk.stop()
        self.runner.shutdown()


def _workstation(qtbot: QtBot, services: Services) -> Workstation:
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    desk = CaseDesk(services, runner, parent=host)
    queue = QtCaseQueue(desk, host)
    popup = QtCasePopup(desk, anchor=host, chime=ArrivalChime(enabled=False))
    host.show()
    desk.start()
    queue.start()
    return Workstation(services, host, runner, desk, queue, popup)


@pytest.fixture
def two_desks(
    qtbot: QtBot, qapp: QApplication, pg_url: str
) -> Iterator[tuple[Store, Workstation, Workstation]]:
    store = Store.open(pg_url)
    tables = minimal_district()
    road_chief = {
        "id": 2,
        "code": "LZ0001",
        "name": "李路长",
        "role": "路长",
        "office_id": 1,
        "segment_id": 1,
    }
    tables[Staff].append(road_chief | {"shift": "白班", "phone": "13800000001", "unit_id": None})
    replace_all(store, tables)  # the 路长 answers for the segment at any hour: the pop-up has a choice
    centre = _workstation(qtbot, services_for(store, username="operator1"))
    office = _workstation(
        qtbot, services_for(store, UserRole.OFFICE, office_id=1, username="office410103008")
    )
    qtbot.waitUntil(lambda: centre.desk.advice.ready, timeout=WAIT_MS)
    yield store, centre, office
    centre.close()
    office.close()
    store.close()


def _photo(folder: Path, name: str, colour: str) -> str:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path), "JPEG")
    return str(path)


def _detail(qtbot: QtBot, station: Workstation, case_id: int) -> QtCaseDetail:
    detail = QtCaseDetail(station.services.cases, station.runner, case_id, station.host)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=WAIT_MS)
    return detail


def _step(qtbot: QtBot, detail: QtCaseDetail, action: str, status: CaseStatus) -> None:
    """Click the step's button as the user does and wait until the reloaded detail shows the status."""

    def buttons() -> dict[str, QPushButton]:
        return {button.text(): button for button in detail.findChildren(QPushButton) if button.isVisible()}

    qtbot.waitUntil(lambda: action in buttons(), timeout=WAIT_MS)  # shown once the layout settles
    buttons()[action].click()
    qtbot.waitUntil(
        lambda: detail.detail is not None and detail.detail.case.status == status, timeout=WAIT_MS
    )


def test_phone_intake_to_closing_across_the_centre_and_the_office_desk(
    qtbot: QtBot, two_desks: tuple[Store, Workstation, Workstation], tmp_path: Path
) -> None:
    store, centre, office = two_desks
    # 呼叫中心受理: the call in the form, with the citizen's photo
    form = QtNewCaseForm(centre.services.intake, centre.runner, centre.host)
    qtbot.addWidget(form)
    form.show()
    form.set_point(113.6105, 34.7102)
    form.categories.edit.setText("S0501")
    qtbot.waitUntil(lambda: bool(form.categories.found), timeout=WAIT_MS)
    qtbot.keyClick(form.categories.edit, Qt.Key.Key_Return)
    form.description.setPlainText("路口有人摆摊，占用盲道")
    form.reporter.setText("李先生")
    form.phone.setText("13912345678")
    form.photos.add_files([_photo(tmp_path, "before.jpg", "#cc3333")])
    qtbot.waitUntil(lambda: len(form.photos.photos()) == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(form.filed, timeout=WAIT_MS) as filed:
        form.submit_button.click()
    case_id = filed.args[0].case_id
    assert case_id is not None

    # 派遣 from the centre's pop-up, one click on the first recommendation
    qtbot.waitUntil(
        lambda: bool(centre.popup.current and centre.popup.current.id == case_id), timeout=WAIT_MS
    )
    assert centre.popup.choices, "nobody offered"
    with qtbot.waitSignal(centre.desk.dispatch_finished, timeout=WAIT_MS) as dispatched:
        centre.popup.dispatch_choice(0)
    assert dispatched.args[0] is True, dispatched.args

    # the 镇办's own desk: it arrives there, signed for, handled, after-photo, reported done
    qtbot.waitUntil(
        lambda: bool((case := office.desk.board.get(case_id)) and case.status == CaseStatus.DISPATCHED),
        timeout=WAIT_MS,
    )
    handler = _detail(qtbot, office, case_id)
    _step(qtbot, handler, "签收", CaseStatus.ACKNOWLEDGED)
    _step(qtbot, handler, "处置", CaseStatus.DISPOSING)
    [after_button] = [adder for adder in handler.photo_adders if adder.objectName() == "addAfterPhoto"]
    after_button.add_files([_photo(tmp_path, "after.jpg", "#33aa55")])
    qtbot.waitUntil(lambda: bool(handler.detail and handler.detail.after), timeout=WAIT_MS)
    _step(qtbot, handler, "反馈", CaseStatus.FEEDBACK)

    # 核查 at the centre: before and after side by side, then 结案
    checker = _detail(qtbot, centre, case_id)
    _step(qtbot, checker, "核查", CaseStatus.VERIFYING)
    qtbot.waitUntil(
        lambda: not checker.before.pixmap().isNull() and not checker.after.pixmap().isNull(), timeout=WAIT_MS
    )
    _step(qtbot, checker, "结案", CaseStatus.CLOSED)
    for station in (centre, office):
        qtbot.waitUntil(lambda station=station: case_id not in station.desk.board, timeout=WAIT_MS)

    audit = [
        (r.actor, r.action, r.target) for r in AuditTrail(store).recent() if r.target == f"case:{case_id}"
    ]
    assert [(actor, action) for actor, action, _ in audit] == [
        ("operator1", "case_filed"),
        ("operator1", "transition"),  # 立案
        ("operator1", "dispatch"),  # 派遣
        ("office410103008", "transition"),  # 签收
        ("office410103008", "transition"),  # 处置
        ("office410103008", "photo_attached"),
        ("office410103008", "transition"),  # 反馈
        ("operator1", "transition"),  # 核查
        ("operator1", "transition"),  # 结案
    ]
