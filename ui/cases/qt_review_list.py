"""待甄别: the operator's list of reports screening could not place, beside the case queue.

The dock's tab carries the pending count ("待甄别 3"), polled on a worker every few seconds (one small
read; the change feed carries case ids only), so an item waiting is seen where the operator works.
The table shows when and whence each item came, why screening could not place it, the category and
text as reported and the reporter (a phone masked); the selected item's decision is
``QtReviewDecision``. Every call runs on the background runner; a refusal or a lost race is shown in
words and the list reloads. Office users are not given the list (``ReviewService.offered``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.categories import CategoryRecord
from commandcenter.domain.reviews import PendingReviews, ReviewItem, mask_phone
from commandcenter.services.hub import Services
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cases.qt_review_decision import QtReviewDecision
from ui.cases.review_words import reasons_detail, reasons_text, refusal_text
from ui.district_time import minute_text

POLL_S = 5.0
REASON_COLUMN = 2


class QtReviewList(QWidget):
    count_changed = Signal(int)
    decided = Signal(int)  # the item's id, after an accept or a reject was stored

    def __init__(
        self,
        services: Services,
        runner: BackgroundRunner,
        *,
        poll_s: float = POLL_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewList")
        self._review = services.review
        self._categories = services.categories
        self._runner = runner
        self.items: dict[int, ReviewItem] = {}
        self.count = 0
        self.title = QLabel(self)
        self.status = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Received"),
                self.tr("Source"),
                self.tr("Reason"),
                self.tr("Category as reported"),
                self.tr("Description"),
                self.tr("Reporter"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        self.decision = QtReviewDecision(self)
        self.decision.set_decidable(self._review.may_decide())
        self.decision.accept_requested.connect(self.accept)
        self.decision.reject_requested.connect(self.reject)
        self._arrange()
        self._show_count(0)
        self._poll = BackgroundPoll(
            runner, poll_s, self._review.pending, self._show, self._failed, parent=self
        )

    def _arrange(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        # The decision pane (map, fields, buttons) scrolls: its height must not set the bottom dock
        # area's minimum, or the wall above shrinks for a tab that is mostly in the background.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.decision)
        split.addWidget(scroller)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addWidget(self.status, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(bar)
        column.addWidget(split, 1)

    def start(self) -> None:
        self._runner.submit(self._categories.categories, self._categories_loaded)
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def reload(self) -> None:
        self._poll.poll_now()

    def badge(self) -> str:
        """待甄别 3: what the dock's tab says."""
        if self.count == 0:
            return self.tr("To review")
        return self.tr("To review %1").replace("%1", str(self.count))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else list(self.items)[rows[0].row()]

    def select(self, review_id: int) -> None:
        if review_id in self.items:
            self.table.selectRow(list(self.items).index(review_id))

    # ------------------------------------------------------------------ results on the Qt thread
    def _categories_loaded(self, categories: list[CategoryRecord]) -> None:
        self.decision.set_categories(categories)

    def _show(self, pending: PendingReviews) -> None:
        self._show_count(pending.count)
        ids = [item.id for item in pending.items]
        if ids == list(self.items):
            return  # nothing new: keep the selection and what the operator is typing
        chosen = self.selected_id()
        self.items = {item.id: item for item in pending.items}
        self.table.blockSignals(True)
        self.table.setRowCount(len(ids))
        for row, item in enumerate(pending.items):
            self._fill(row, item)
        self.table.clearSelection()
        self.table.blockSignals(False)
        if chosen in self.items:
            self.select(chosen)
        else:
            self.decision.show_item(None)

    def _fill(self, row: int, item: ReviewItem) -> None:
        reporter = item.reporter
        if item.reporter_phone:
            reporter = f"{reporter} {mask_phone(item.reporter_phone)}".strip()
        cells = [
            minute_text(item.received_at),
            item.source,
            reasons_text(item.reasons),
            item.category_code,
            item.description,
            reporter,
        ]
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if column == REASON_COLUMN:
                cell.setToolTip(reasons_detail(item.reasons))
            self.table.setItem(row, column, cell)

    def _show_count(self, count: int) -> None:
        self.count = count
        self.title.setText(self.badge())
        self.count_changed.emit(count)

    def _failed(self, error: Exception) -> None:
        self.status.setText(refusal_text(error))

    def _selected(self) -> None:
        review_id = self.selected_id()
        self.decision.show_item(None if review_id is None else self.items.get(review_id))

    # ------------------------------------------------------------------ decisions
    def accept(self, review_id: int, code: str, lon: float | None, lat: float | None, note: str) -> None:
        review = self._review
        self._runner.submit(
            lambda: review.accept(review_id, code, lon, lat, note), self._accepted, self._refused
        )

    def reject(self, review_id: int, reason: str) -> None:
        review = self._review
        self._runner.submit(lambda: review.reject(review_id, reason), self._rejected, self._refused)

    def _accepted(self, item: ReviewItem) -> None:
        self.status.setText(self.tr("Accepted as case %1").replace("%1", str(item.case_id)))
        self._decided(item)

    def _rejected(self, item: ReviewItem) -> None:
        self.status.setText(self.tr("Rejected; the reporter is told the reason"))
        self._decided(item)

    def _decided(self, item: ReviewItem) -> None:
        self.decided.emit(item.id)
        self.reload()

    def _refused(self, error: Exception) -> None:
        self.status.setText(refusal_text(error))  # stays when the item leaves the list
        self.decision.show_refusal(refusal_text(error))
        self.reload()  # another operator may have decided it: the list shows what is left


def place_review_list(
    window: QMainWindow, services: Services, runner: BackgroundRunner, beside: QDockWidget
) -> QtReviewList | None:
    """The 待甄别 dock, tabbed beside ``beside`` (the case queue), its tab naming the pending count;
    None for a principal who does not see the list (office users)."""
    if not services.review.offered():
        return None
    reviews = QtReviewList(services, runner, parent=window)
    dock = QDockWidget(reviews.badge(), window)
    dock.setObjectName("reviewDock")
    # Not closable: what waits here must stay where the operator sees it (and the View menu is the window's).
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    dock.setWidget(reviews)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(beside, dock)
    reviews.count_changed.connect(lambda _count: dock.setWindowTitle(reviews.badge()))
    return reviews
