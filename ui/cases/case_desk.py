"""The case desk: the Qt side of the live case board — what the queue, the pop-up and the offline
banner are views of.

Data path: the database commits → the change feed (LISTEN/NOTIFY on PostgreSQL, ``data_version``
polling on SQLite) calls ``_heard`` on ITS thread → the ids are parked in a queue and the thread
bridge (``ui/thread_bridge.py``) wakes the Qt thread → ONE background fetch of exactly those rows
(``board_rows(ids)``) → ``CaseBoard.apply`` → signals. While a fetch runs, further ids accumulate
and go in the next fetch: a burst of 1,000 cases becomes a handful of batched reads and a handful
of repaints, never 1,000. A resync (the feed reconnected) reloads the whole board.

Every read and step goes through the signed-in principal's services: an office user's board holds
only their office's cases (``CaseService.board`` filters, so a case moved to another office leaves
it), and dispatches are the principal's own audited steps. Dispatches go through the
``DispatchOutbox``: the click returns at once, the worker retries while the database is away, and
the offline banner follows ``online_changed``. However a queued dispatch ends, the operator is told
in words (``dispatch_words``) on ``dispatch_finished``: dispatched, "already dispatched by 王五",
"voided by 王五", refused, or failed after an unexpected error; a damaged dispatch file set aside at
start is told on ``journal_damaged``. The outbox reports on its worker thread; the reports are
parked and worded on the Qt thread like the feed's ids. Recommendations and escalation hints come
from ``DispatchAdvice``, answered in memory.

The district's settings (签收 timeout, calendar, ladder, shifts, pop-up rules) are the services'
``LiveSettings``: the desk asks for the revision every few seconds on a worker and, when it moved,
redraws (``board_changed``) — the board, the advice and the pop-up read the new values at once.
"""

from __future__ import annotations

import logging
import queue
import threading
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from commandcenter.cases.board import BoardChange, CaseBoard
from commandcenter.cases.dispatch import (
    DispatchKind,
    DispatchOutcome,
    DispatchRequest,
    DispatchResult,
    dispatch_kind,
)
from commandcenter.cases.dispatch_journal import JournalDamage
from commandcenter.cases.dispatch_outbox import DispatchOutbox
from commandcenter.cases.escalation import EscalationStep
from commandcenter.cases.recommend import Recommendation
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.settings import DistrictSettings
from commandcenter.paths import data_dir
from commandcenter.services.changes import Change, ChangeFeed
from commandcenter.services.hub import Services
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cases.case_words import escalation_label
from ui.cases.dispatch_words import failure_text, journal_damage_text, result_text
from ui.cases.qt_mini_map import MiniMapScene
from ui.thread_bridge import ThreadBridge

log = logging.getLogger(__name__)
_RESYNC = -1  # parked in the queue instead of an id: reload everything
# What the outbox, the feed and the escalations report, parked for the Qt thread: online or not, a
# dispatch's end (its result, or its request and the reason it failed), an outcome already in words
# (succeeded?, text), a damaged journal.
Report = bool | DispatchResult | tuple[DispatchRequest, str] | tuple[bool, str] | JournalDamage
POSITIONS_REFRESH_S = 15.0
FETCH_RETRY_MS = 2_000


class CaseDesk(QObject):
    board_changed = Signal()  # cases changed or left, or the board was reloaded: views redraw
    cases_arrived = Signal(list)  # list[BoardCase] new open cases, oldest first (queue, pop-up)
    online_changed = Signal(bool)  # the database answers (dispatch outbox and change feed)
    dispatch_finished = Signal(bool, str)  # succeeded?, what happened in the UI's words
    journal_damaged = Signal(str)  # the queued-dispatch file had unreadable entries: set aside, said how
    dispatch_queued = Signal()

    def __init__(
        self, services: Services, runner: BackgroundRunner, *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.service = services.cases  # every read and step as the signed-in principal
        self.advice = services.advice  # loaded in the background; recommendations wait for it
        self.operator = services.principal.display_name
        self.live_settings = services.live_settings  # refreshed below, read by board, advice, pop-up
        self.board = CaseBoard(settings=self.live_settings.current)
        self._settings_revision = self.live_settings.revision
        self._runner = runner
        self._feed: ChangeFeed | None = None
        journal = data_dir() / f"dispatch-outbox-{services.principal.username}.json"
        self._outbox = DispatchOutbox(services.cases.dispatch, journal=journal)
        self._bridge = ThreadBridge(self)
        self._heard_ids: queue.SimpleQueue[int] = queue.SimpleQueue()
        self._outcomes: queue.SimpleQueue[Report] = queue.SimpleQueue()
        self._pending: set[int] = set()
        self._reload_pending = True
        self._fetching = False
        self._fetch_offline = False
        self._started = False
        self._feed_lock = threading.Lock()
        self.fetches = 0  # how many board reads ran: bursts must coalesce (tests and bench read it)
        # Recommendations rank patrollers by live position and follow base-data changes made on any
        # workstation: refresh the index now and then (a rebuild only when the district changed).
        self._positions = BackgroundPoll(
            runner, POSITIONS_REFRESH_S, self.advice.refresh, _ignore, parent=self
        )
        self._settings_poll = BackgroundPoll(
            runner, self.live_settings.poll_s, self._refresh_settings, self._settings_read, parent=self
        )

    # ------------------------------------------------------------------ life cycle
    def start(self) -> None:
        """Load the board, then follow the change feed (started off the Qt thread: it connects)."""
        self._started = True
        self._outbox.online.connect(self._park_outcome)
        self._outbox.finished.connect(self._park_outcome)
        self._outbox.failed.connect(self._park_outcome)
        self._outbox.journal_damaged.connect(self._park_outcome)
        self._outbox.start()
        self._settings_poll.start()
        self._runner.submit(self._start_feed, lambda _ok: self._wake())
        if self.services.reads_district:  # advice needs the district; a department desk does not advise
            rules = self.services.case_rules
            self._runner.submit(lambda: self.advice.load(rules), self._advice_ready)

    def stop(self) -> None:
        if not self._started:
            return
        self._positions.stop()
        self._settings_poll.stop()
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
            feed = self.services.open_change_feed()
            feed.events.connect(self._heard)
            feed.status.connect(self._park_outcome)
            self._feed = feed
            return feed.start()

    def settings(self) -> DistrictSettings:
        """The district's settings as this workstation last read them (no I/O)."""
        return self.live_settings.current()

    def _refresh_settings(self) -> int:
        """Worker thread: one integer read; the document only when it moved."""
        self.live_settings.refresh()
        return self.live_settings.revision

    def _settings_read(self, revision: int) -> None:
        if revision != self._settings_revision:
            self._settings_revision = revision
            self.board_changed.emit()  # counters, order and escalation hints under the new values

    def _advice_ready(self, _none: None) -> None:
        self._positions.start()
        self.board_changed.emit()  # the pop-up can now show recommendations

    # ------------------------------------------------------------------ feed thread → Qt thread
    def _heard(self, change: Change) -> None:
        """Runs on the feed's thread: park and wake, nothing else."""
        self._heard_ids.put(_RESYNC if change.is_resync or change.case_id is None else change.case_id)
        self._wake()

    def _park_outcome(self, outcome: Report) -> None:
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
            self._report(outcome)
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
            job, handler = self.service.board, self._reloaded
        else:
            ids, self._pending = self._pending, set()
            job, handler = partial(self.service.board, ids), partial(self._refreshed, ids)
        self._fetching = self._runner.submit(job, handler, self._fetch_failed)
        self.fetches += 1

    def _reloaded(self, rows: list[BoardCase]) -> None:
        self._fetch_succeeded()
        self.board.replace(rows)
        self.board_changed.emit()
        self._fetch()

    def _refreshed(self, asked: set[int], rows: list[BoardCase]) -> None:
        self._fetch_succeeded()
        change: BoardChange = self.board.apply(rows, asked)
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
        return self.advice.recommendations(case, datetime.now(UTC))

    def escalation_suggestion(self, case: BoardCase) -> str | None:
        """Who should hold a dispatched case nobody signed for in time: one level up the chain
        (路长 → 镇办 → 区城管局) per elapsed acknowledgement timeout; None when it is not late."""
        now = datetime.now(UTC)
        if not self.board.unacknowledged_for(case, now):
            return None
        step = self.advice.escalation(case, now, self.board.ack_timeout)
        return None if step is None else escalation_label(step)

    def nearest_patrollers_text(self, lon: float, lat: float) -> str:
        """ "Nearest patrollers" for the map's context menu: on-duty city managers with a live fix."""
        if not self.advice.ready:
            return ""
        hits = self.advice.nearest_patrollers(lon, lat, datetime.now(UTC))
        one = self.tr("%1 %2 m")
        named = [one.replace("%1", hit.staff.name).replace("%2", f"{hit.distance_m:.0f}") for hit in hits]
        return self.tr("; ").join(named) or self.tr("No city manager on duty within 3 km")

    def mini_map_scene(self, case: BoardCase, choices: list[Recommendation]) -> MiniMapScene:
        """The case, its segment and the live positions of the people offered (in-memory only)."""
        segment = [] if case.segment_id is None else self.advice.segment_geometry(case.segment_id)
        people: list[tuple[str, float, float]] = []
        for choice in choices:
            if choice.vehicle is not None:  # the crew is where its vehicle is
                position = self.advice.vehicle_position(choice.vehicle.unit_id)
                label = choice.vehicle.plate
            else:
                position, label = self.advice.position_of(choice.staff), choice.staff.name
            if position is not None:
                people.append((label, position.lon, position.lat))
        return MiniMapScene(case.lon, case.lat, segment, people)

    def dispatch(self, case: BoardCase, staff_id: int, staff_name: str) -> DispatchRequest:
        """Queue a dispatch — or a 改派 of a case handed out and not signed for, from the holder the
        operator saw — (returns at once); ``dispatch_finished`` tells how it ended."""
        reassign = dispatch_kind(case.status) is DispatchKind.REDISPATCH
        request = DispatchRequest(
            case.id,
            staff_id,
            staff_name,
            self.operator,
            reassign=reassign,
            from_staff_id=case.assignee_id if reassign else None,
        )
        self._outbox.submit(request)
        self.dispatch_queued.emit()
        return request

    def next_escalation(self, case: BoardCase) -> EscalationStep | None:
        """Who 升级 would hand the case to (in memory); None when it is not dispatched or at the top."""
        return self.advice.next_escalation(case, datetime.now(UTC))

    def escalate(self, case: BoardCase) -> None:
        """升级 one level up, on a worker as the principal's audited step; the outcome is said like a
        dispatch's (``dispatch_finished``) and the case comes back through the change feed."""
        step = self.next_escalation(case)
        if step is None:
            return
        said = self.tr("Escalated to %1").replace("%1", escalation_label(step))
        self._runner.submit(
            lambda: self.service.escalate(case.id, case.version, step),
            lambda _snapshot: self._park_outcome((True, said)),
            lambda error: self._park_outcome((False, str(error))),
        )

    def pending_dispatches(self) -> list[DispatchRequest]:
        return self._outbox.pending()

    def _report(self, outcome: Report) -> None:
        """Qt thread: a parked report as the signal the views follow, in the UI's words."""
        if isinstance(outcome, bool):
            self.online_changed.emit(outcome)
        elif isinstance(outcome, DispatchResult):
            label = outcome.number or self._case_label(outcome.request.case_id)
            succeeded = outcome.outcome is DispatchOutcome.DISPATCHED
            self.dispatch_finished.emit(succeeded, result_text(outcome, label))
        elif isinstance(outcome, JournalDamage):
            self.journal_damaged.emit(journal_damage_text(outcome))
        elif isinstance(outcome[0], DispatchRequest):
            request, reason = outcome
            self.dispatch_finished.emit(False, failure_text(self._case_label(request.case_id), reason))
        else:
            self.dispatch_finished.emit(*outcome)

    def _case_label(self, case_id: int) -> str:
        """The case's number when the board holds it, else its id."""
        case = self.board.get(case_id)
        return case.number if case is not None else f"#{case_id}"


def _ignore(_result: object) -> None:
    """The positions poll has nothing to show: the advice moved its own copy."""
