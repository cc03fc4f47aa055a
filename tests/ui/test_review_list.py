"""The 待甄别 list in real widgets on the demo district: a report screening could not place appears
with its reason and a masked phone, the operator fixes category and place and accepts (a case
exists), rejects another with a reason, a leader only reads, and the main window shows the count on
the dock's tab."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.reviews import NewReview, ReviewStatus
from commandcenter.domain.screening import Rejection, RejectReason
from commandcenter.persistence.cases import reviews
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.district.queries import segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.demo_district import middle_of
from ui.background import BackgroundRunner
from ui.cases.qt_review_list import QtReviewList
from ui.district_time import minute_text
from ui.main_window import MainWindow

BEIJING = (116.404, 39.915)
OpenWindow = Callable[..., MainWindow]


class ReviewDesk:
    def __init__(self, store: Store, qtbot: QtBot, role: UserRole = UserRole.OPERATOR) -> None:
        self.store = store
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.host.resize(1200, 600)
        self.runner = BackgroundRunner(self.host)
        self.list = QtReviewList(services_for(store, role), self.runner, poll_s=0.2, parent=self.host)
        self.host.show()
        self.list.start()

    def decision_ready(self) -> bool:
        """The categories to choose from have arrived."""
        return self.list.decision.category.count() > 0

    def stop(self) -> None:
        self.list.stop()
        self.runner.shutdown()


@pytest.fixture
def pending(district_store: Store) -> tuple[int, int]:
    """One report from outside the district, and one with an unknown category and a phone (the demo's
    own two waiting reports set aside, so the list holds exactly these)."""
    district_store.execute_raw("DELETE FROM screening_reviews")
    report = IncomingReport("S0501", *BEIJING, reporter="王女士", description="门口占道", photos=("a.jpg",))
    outside = CaseIntake.from_store(district_store).receive(report, datetime.now(UTC)).review_id
    assert outside is not None
    lon, lat = middle_of(segment_shapes(district_store)[3])
    called = IncomingReport("X9999", lon, lat, reporter="李先生", description="井盖响", photos=("b.jpg",))
    reasons = (Rejection(RejectReason.UNKNOWN_CATEGORY, "类别代码 'X9999' 不在立结案标准中"),)
    unknown = reviews.add_review(district_store, NewReview(datetime.now(UTC), called, reasons, "13812345678"))
    return outside, unknown


@pytest.fixture
def desk(
    qtbot: QtBot, qapp: QApplication, district_store: Store, pending: tuple[int, int]
) -> Iterator[ReviewDesk]:
    opened = ReviewDesk(district_store, qtbot)
    qtbot.waitUntil(
        lambda: bool(opened.list.table.rowCount() == 2 and opened.decision_ready()), timeout=10_000
    )
    yield opened
    opened.stop()


def _cells(review_list: QtReviewList, row: int) -> list[str]:
    table = review_list.table
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]


def test_items_appear_with_reason_count_and_masked_phone(desk: ReviewDesk, pending: tuple[int, int]) -> None:
    review_list = desk.list
    assert review_list.count == 2
    assert review_list.title.text() == "To review 2"
    newest, older = _cells(review_list, 0), _cells(review_list, 1)
    assert newest[2:] == ["Unknown category", "X9999", "井盖响", "李先生 138****5678"]
    assert older[2:] == ["Outside the district", "S0501", "门口占道", "王女士"]
    received = [item.received_at for item in services_for(desk.store).review.pending().items]
    assert newest[0] == minute_text(received[0])  # on the district's clock, not the workstation's


def test_fix_category_and_place_then_accept_files_a_case(
    qtbot: QtBot, desk: ReviewDesk, district_store: Store, pending: tuple[int, int]
) -> None:
    outside, _unknown = pending
    decision = desk.list.decision
    desk.list.select(outside)
    assert decision.item is not None
    assert decision.item.id == outside
    decision.category.setCurrentIndex(decision.category.findData("S0501"))
    qtbot.mouseClick(decision.accept_button, Qt.MouseButton.LeftButton)  # the place is still Beijing
    qtbot.waitUntil(lambda: bool("Outside the district" in decision.message.text()))
    assert "stays in the list" in decision.message.text()
    lon, lat = middle_of(segment_shapes(district_store)[10])
    decision.fix_place(lon, lat)
    assert decision.place_state.text() == "Place corrected (WGS-84)"
    qtbot.mouseClick(decision.map, Qt.MouseButton.LeftButton, pos=decision.map.rect().center() + QPoint(3, 0))
    assert decision.lon.value() > lon  # a click east of the point moved it east
    assert decision.lat.value() == pytest.approx(lat, abs=1e-4)  # within a pixel or two
    lon = decision.lon.value()
    qtbot.mouseClick(decision.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desk.list.table.rowCount() == 1), timeout=10_000)
    item = reviews.review(district_store, outside)
    assert item.status is ReviewStatus.ACCEPTED
    assert item.case_id is not None
    [case] = board_rows(district_store, [item.case_id])
    assert case.category_code == "S0501"
    assert case.lon == pytest.approx(lon, abs=1e-6)
    assert desk.list.status.text() == f"Accepted as case {item.case_id}"
    assert desk.list.count == 1


def test_reject_needs_a_reason_and_stores_it(
    qtbot: QtBot, desk: ReviewDesk, district_store: Store, pending: tuple[int, int]
) -> None:
    _outside, unknown = pending
    decision = desk.list.decision
    desk.list.select(unknown)
    qtbot.mouseClick(decision.reject_button, Qt.MouseButton.LeftButton)
    assert decision.message.text() == "Write the reason the reporter will receive"
    decision.reason.setText("非城管事项，已转供水公司")
    qtbot.mouseClick(decision.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desk.list.table.rowCount() == 1), timeout=10_000)
    item = reviews.review(district_store, unknown)
    assert (item.status, item.decision_note) == (ReviewStatus.REJECTED, "非城管事项，已转供水公司")


def test_a_decision_lost_to_another_operator_is_said_in_words(
    qtbot: QtBot, desk: ReviewDesk, district_store: Store, pending: tuple[int, int]
) -> None:
    outside, _unknown = pending
    decision = desk.list.decision
    desk.list.select(outside)
    services_for(district_store, username="operator2").review.reject(outside, "重复")
    decision.reason.setText("不在辖区")
    qtbot.mouseClick(decision.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desk.list.table.rowCount() == 1))
    assert "operator2" in desk.list.status.text()
    assert reviews.review(district_store, outside).decision_note == "重复"


def test_a_leader_reads_but_may_not_decide(
    qtbot: QtBot, qapp: QApplication, district_store: Store, pending: tuple[int, int]
) -> None:
    leader = ReviewDesk(district_store, qtbot, UserRole.LEADER)
    try:
        qtbot.waitUntil(lambda: bool(leader.list.table.rowCount() == 2))
        leader.list.select(pending[0])
        assert not leader.list.decision.accept_button.isEnabled()
        assert not leader.list.decision.reject_button.isEnabled()
    finally:
        leader.stop()


def test_the_main_window_shows_the_count_on_the_dock(
    qtbot: QtBot, open_window: OpenWindow, pending: tuple[int, int]
) -> None:
    window = open_window(language="en")
    assert window.reviews is not None
    dock = window.reviews.parentWidget()
    qtbot.waitUntil(lambda: bool(dock is not None and dock.windowTitle() == "To review 2"), timeout=10_000)


def test_an_office_user_is_not_given_the_list(open_window: OpenWindow) -> None:
    window = open_window(language="en", principal=principal_of_role(UserRole.OFFICE, office_id=1))
    assert window.reviews is None
    assert window.findChild(QWidget, "reviewList") is None
