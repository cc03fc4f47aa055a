"""The case desk: the Qt side of the live case board — what the queue, the pop-up and the offline
banner are views of.

Data path: the database commits → the change feed (LISTEN/NOTIFY on PostgreSQL, ``data_version``
polling on SQLite) calls ``_heard`` on ITS thread → the ids are parked in a queue and the thread
bridge (``ui/thread_bridge.py``) wakes the Qt thread → ONE background fetch of exactly those rows
(``board_rows(ids)``) → ``CaseBoard.apply`` → signals. While a fetch runs, further ids accumulate
and go in the next fetch: a burst of 1,000 cases becomes a handful of batched reads and a handful
of repaints, never 1,000. A resync (the feed reconnected) reloads the whole board.

Dispatches go through the ``DispatchOutbox``: the click returns at once, the worker retries while
the database is away, and the offline banner follows ``online_changed``.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from datetime import UTC, datetime, timedelta
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from commandcenter.accounts.principal import Principal
from commandcenter.cases.board import BoardChange, CaseBoard
from commandcenter.cases.dispatch import DispatchOutcome, DispatchRequest, DispatchResult, Step
from commandcenter.cases.dispatch_outbox import DispatchOutbox
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.recommend import Recommendation, shift_at
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.units import UnitPosition
from commandcenter.paths import data_dir
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.change_feed import Change, ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cases.qt_mini_map import MiniMapScene
from ui.thread_bridge import ThreadBridge

log = logging.getLogger(__name__)
_RESYNC = -1  # parked in the queue instead of an id: reload everything
POSITIONS_REFRESH_S = 15.0
FETCH_RETRY_MS = 2_000


class CaseDesk(QObject):
    board_changed = Signal()  # cases changed or left, or the board was reloaded: views redraw
    cases_arrived = Signal(list)  # list[BoardCase] new open cases, oldest first (queue, pop-up)
    online_changed = Signal(bool)  # the database answers (dispatch outbox and change feed)
    dispatch_finished = Signal(bool, str)  # succeeded?, message for the operator
    dispatch_queued = Signal()

    def __init__(
        self,
        store: Store,
        runner: BackgroundRunner,
        *,
        operator: str,
        principal: Principal | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.operator = operator
        # With a signed-in user every step goes through the permission-checking, audited service.
        self.service = CaseService(store, principal) if principal is not None else None
        self.board = CaseBoard()
        self.intake: CaseIntake | None = None  # built in the background; recommendations wait for it
        self._runner = runner
        self._feed: ChangeFeed | None = None
        self._outbox = DispatchOutbox(
            store, journal=data_dir() / "dispatch-outbox.json", step=self._service_step()
        )
        self._bridge = ThreadBridge(self)
        self._heard_ids: queue.SimpleQueue[int] = queue.SimpleQueue()
        self._outcomes: queue.SimpleQueue[tuple[bool, str] | bool] = queue.SimpleQueue()
        self._pending: set[int] = set()
        self._reload_pending = True
        self._fetching = False
        self._fetch_offline = False
        self._started = False
        self._feed_lock = threading.Lock()
        self.fetches = 0  # how many board reads ran: bursts must coalesce (tests and bench read it)
        # Recommendations rank patrollers by live position: refresh the index's copy now and then.
        self._positions = BackgroundPoll(
            runner, POSITIONS_REFRESH_S, partial(latest_positions, store), self._positions_read, parent=self
        )

    def _service_step(self) -> Step | None:
        service = self.service
        if service is None:
            return None
        return lambda case_id, version, action, reason, payload: service.transition(
            case_id, version, action, reason, payload
        )

    # ------------------------------------------------------------------ life cycle
    def start(self) -> None:
        """Load the board, then follow the change feed (started off the Qt thread: it connects)."""
        self._started = True
        self._outbox.online.connect(self._park_outcome)
        self._outbox.finished.connect(self._outbox_finished)
        self._outbox.failed.connect(lambda failure: self._park_outcome((False, failure[1])))
        self._outbox.start()
        self._runner.submit(self._start_feed, lambda _ok: self._wake())
        self._runner.submit(lambda: CaseIntake.from_store(self.store), self._intake_ready)

    def stop(self) -> None:
        if not self._started:
            return
        self._positions.stop()
        with self._feed_lock:  # a feed still being started in the background is stopped too
            self._started = False
            feed, self._feed = self._feed, None
        if feed is not None:
            feed.stop()
        self._outbox.stop()

    def _start_feed(self) -> bool:
        """Worker thread. Under the lock, so ``stop`` cannot slip in between and leave a feed running."""
        with self._feed_lock:
            if not self._started:
                return False
            feed = open_change_feed(self.store)
            feed.events.connect(self._heard)
            feed.status.connect(self._park_outcome)
            self._feed = feed
            return feed.start()

    def _intake_ready(self, intake: CaseIntake) -> None:
        self.intake = intake
        self._positions.start()
        self.board_changed.emit()  # the pop-up can now show recommendations

    def _positions_read(self, positions: list[UnitPosition]) -> None:
        if self.intake is not None:
            self.intake.index.update_positions(positions)

    # ------------------------------------------------------------------ feed thread → Qt thread
    def _heard(self, change: Change) -> None:
        """Runs on the feed's thread: park and wake, nothing else."""
        self._heard_ids.put(_RESYNC if change.is_resync or change.case_id is None else change.case_id)
        self._wake()

    def _park_outcome(self, outcome: tuple[bool, str] | bool) -> None:
        self._outcomes.put(outcome)
        self._wake()

    def _wake(self) -> None:
        self._bridge.post(self._drain)  # in a burst, the first drain takes all; the others find nothing

    def _drain(self) -> None:
        while True:
            try:
                outcome = self._outcomes.get_nowait()
            except queue.Empty:
                break
            if isinstance(outcome, bool):
                self.online_changed.emit(outcome)
            else:
                self.dispatch_finished.emit(*outcome)
        while True:
            try:
                case_id = self._heard_ids.get_nowait()
            except queue.Empty:
                break
            if case_id == _RESYNC:
                self._reload_pending = True
            else:
                self._pending.add(case_id)
        self._fetch()

    # ------------------------------------------------------------------ fetching
    def _fetch(self) -> None:
        if self._fetching or not self._started or not (self._reload_pending or self._pending):
            return
        if self._reload_pending:
            self._reload_pending, self._pending = False, set()
            job, handler = (lambda: board_rows(self.store)), self._reloaded
        else:
            ids, self._pending = self._pending, set()
            job, handler = (lambda: board_rows(self.store, ids)), self._refreshed
        self._fetching = self._runner.submit(job, handler, self._fetch_failed)
        self.fetches += 1

    def _reloaded(self, rows: list[BoardCase]) -> None:
        self._fetch_succeeded()
        self.board.replace(rows)
        self.board_changed.emit()
        self._fetch()

    def _refreshed(self, rows: list[BoardCase]) -> None:
        self._fetch_succeeded()
        change: BoardChange = self.board.apply(rows)
        if change.updated or change.removed:  # arrivals alone are announced below, cheaper to show
            self.board_changed.emit()
        if change.arrived:
            self.cases_arrived.emit(sorted(change.arrived, key=lambda row: row.id))
        self._fetch()

    def _fetch_failed(self, error: Exception) -> None:
        log.warning("case board refresh failed, reloading in %.0f s: %s", FETCH_RETRY_MS / 1000, error)
        self._fetching = False
        self._reload_pending = True
        if not self._fetch_offline:
            self._fetch_offline = True
            self.online_changed.emit(False)
        QTimer.singleShot(FETCH_RETRY_MS, self, self._fetch)

    def _fetch_succeeded(self) -> None:
        self._fetching = False
        if self._fetch_offline:
            self._fetch_offline = False
            self.online_changed.emit(True)

    # ------------------------------------------------------------------ actions
    def recommendations(self, case: BoardCase) -> list[Recommendation]:
        """In-memory (the district index): cheap enough for the Qt thread (≈1 ms, see bench/cases.py)."""
        if self.intake is None:
            return []
        try:
            return self.intake.recommend_for_case(case, datetime.now(UTC))
        except (KeyError, ValueError) as error:  # a category or segment added since the index was built
            log.warning("no recommendation for case %s: %s", case.number, error)
            return []

    def escalation_suggestion(self, case: BoardCase) -> str | None:
        """Who should hold a dispatched case nobody signed for in time: one level up the chain
        (路长 → 镇办 → 区城管局) per elapsed acknowledgement timeout; None when it is not late."""
        now = datetime.now(UTC)
        if self.intake is None or case.dispatched_at is None or not self.board.unacknowledged_for(case, now):
            return None
        return self.intake.escalation_for_case(case, case.dispatched_at, now, self.board.ack_timeout).label

    def nearest_patrollers_text(self, lon: float, lat: float) -> str:
        """ "Nearest patrollers" for the map's context menu: on-duty city managers with a live fix."""
        if self.intake is None:
            return ""
        now = datetime.now(UTC)
        hits = self.intake.index.nearest_patrollers(
            lon, lat, now=now, max_fix_age=timedelta(minutes=5), shift=shift_at(now).value, limit=5
        )
        return (
            "；".join(f"{hit.staff.name} {hit.distance_m:.0f} 米" for hit in hits)
            or "附近 3 公里内无在岗城市管理员"
        )

    def mini_map_scene(self, case: BoardCase, choices: list[Recommendation]) -> MiniMapScene:
        """The case, its segment and the live positions of the people offered (in-memory only)."""
        index = self.intake.index if self.intake is not None else None
        segment: list[list[float]] = []
        people: list[tuple[str, float, float]] = []
        if index is not None:
            if case.segment_id is not None:
                with contextlib.suppress(KeyError):
                    segment = index.segment(case.segment_id).geometry
            for choice in choices:
                position = index.position_of(choice.staff)
                if position is not None:
                    people.append((choice.staff.name, position.lon, position.lat))
        return MiniMapScene(case.lon, case.lat, segment, people)

    def dispatch(self, case: BoardCase, staff_id: int, staff_name: str) -> DispatchRequest:
        """Queue a dispatch (returns at once); ``dispatch_finished`` tells how it ended."""
        request = DispatchRequest(case.id, staff_id, staff_name, self.operator)
        self._outbox.submit(request)
        self.dispatch_queued.emit()
        return request

    def pending_dispatches(self) -> list[DispatchRequest]:
        return self._outbox.pending()

    def _outbox_finished(self, result: DispatchResult) -> None:
        self._park_outcome((result.outcome is DispatchOutcome.DISPATCHED, result.message))
