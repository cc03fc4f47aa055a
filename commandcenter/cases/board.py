"""The live case board, Qt-free: the open cases, their counters, and the order an operator works them.

The queue widget and the pop-up are views of this model. It is fed whole rows (``BoardCase``) from
the store; a row whose case has left the open statuses is dropped, so the board holds exactly the
work still to do. Ordering is by urgency as a dispatcher reads it: what is already late first, then
what falls due within the hour, then what nobody has been sent to yet, then the category's urgency
and the nearest deadline.

On a workstation the board follows the district's settings (``settings``: the 签收 timeout and the
working calendar of due-soon), asked at each question, so an administrator's change shows in the
next redraw; without settings it keeps the values it was built with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from commandcenter.cases.escalation import DEFAULT_ACK_TIMEOUT
from commandcenter.domain.calendar import DeadlineState, WorkingCalendar, deadline_state
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.settings import SettingsSource

DUE_SOON = timedelta(hours=1)
AWAITING_DISPATCH = frozenset({CaseStatus.RECEIVED.value, CaseStatus.FILED.value})
_STATE_RANK = {DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1, DeadlineState.NORMAL: 2}
_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)
SortKey = tuple[int, int, int, datetime, int]


@dataclass(frozen=True)
class BoardCounters:
    open: int
    unassigned: int  # 受理/立案 with nobody dispatched yet
    due_within_hour: int
    overdue: int
    unacknowledged: int  # dispatched, not signed for within the acknowledgement timeout


@dataclass(frozen=True)
class BoardChange:
    """What one ``apply`` did: the pop-up announces ``arrived``, the queue redraws."""

    arrived: tuple[BoardCase, ...]  # open cases the board had not seen
    updated: tuple[BoardCase, ...]
    removed: tuple[int, ...]  # ids that left the board (closed, rejected, voided)


class CaseBoard:
    def __init__(
        self,
        calendar: WorkingCalendar | None = None,
        ack_timeout: timedelta = DEFAULT_ACK_TIMEOUT,
        *,
        settings: SettingsSource | None = None,
    ) -> None:
        self._calendar = calendar
        self._ack_timeout = ack_timeout
        self._settings = settings
        self._cases: dict[int, BoardCase] = {}

    @property
    def ack_timeout(self) -> timedelta:
        return self._ack_timeout if self._settings is None else self._settings().ack_timeout

    @property
    def calendar(self) -> WorkingCalendar | None:
        """Due-soon counts working time in this calendar (None: wall-clock time)."""
        if self._settings is None or self._calendar is not None:
            return self._calendar
        return self._settings().working_calendar()

    def __len__(self) -> int:
        return len(self._cases)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._cases

    def get(self, case_id: int) -> BoardCase | None:
        return self._cases.get(case_id)

    def replace(self, rows: Iterable[BoardCase]) -> None:
        """Load the whole board (start, resync): nothing is announced as new."""
        self._cases = {row.id: row for row in rows if row.is_open}

    def apply(self, rows: Iterable[BoardCase], asked: Iterable[int] = ()) -> BoardChange:
        """Take fresh rows of the named cases. An id in ``asked`` that came back without a row has
        left this desk's view (moved to another office, or deleted) and leaves the board too."""
        arrived: list[BoardCase] = []
        updated: list[BoardCase] = []
        removed: list[int] = []
        rows = list(rows)
        for case_id in set(asked) - {row.id for row in rows}:
            if self._cases.pop(case_id, None) is not None:
                removed.append(case_id)
        for row in rows:
            known = row.id in self._cases
            if not row.is_open:
                if known:
                    del self._cases[row.id]
                    removed.append(row.id)
                continue
            if known and self._cases[row.id] == row:
                continue  # the same case heard twice (its row and its event): nothing changed
            self._cases[row.id] = row
            (updated if known else arrived).append(row)
        return BoardChange(tuple(arrived), tuple(updated), tuple(removed))

    def state_of(self, row: BoardCase, now: datetime) -> DeadlineState:
        """挂账 (suspended with approval) stops the clock: such a case is never late on the board."""
        if row.status == CaseStatus.SUSPENDED:
            return DeadlineState.NORMAL
        return deadline_state(now, row.deadline_at, DUE_SOON, self.calendar)

    def unacknowledged_for(self, row: BoardCase, now: datetime) -> timedelta | None:
        """How long a dispatched case has waited for 签收 beyond ``ack_timeout`` (None when it has
        not, or is not waiting): the queue then suggests escalating (路长 → 镇办 → 区城管局)."""
        if row.status != CaseStatus.DISPATCHED or row.dispatched_at is None:
            return None
        waited = now - row.dispatched_at
        return waited if waited > self.ack_timeout else None

    def sort_key(self, row: BoardCase, now: datetime) -> SortKey:
        """Smaller is more urgent; views that insert one row keep the same order as ``ordered``."""
        waiting = 0 if row.status in AWAITING_DISPATCH else 1
        deadline = row.deadline_at or _FAR_FUTURE
        return (_STATE_RANK[self.state_of(row, now)], waiting, row.urgency, deadline, -row.id)

    def ordered(self, now: datetime) -> list[BoardCase]:
        return sorted(self._cases.values(), key=lambda row: self.sort_key(row, now))

    def counters(self, now: datetime) -> BoardCounters:
        states = [self.state_of(row, now) for row in self._cases.values()]
        unassigned = sum(
            1 for row in self._cases.values() if row.status in AWAITING_DISPATCH and row.assignee_id is None
        )
        return BoardCounters(
            open=len(self._cases),
            unassigned=unassigned,
            due_within_hour=states.count(DeadlineState.DUE_SOON),
            overdue=states.count(DeadlineState.OVERDUE),
            unacknowledged=sum(1 for row in self._cases.values() if self.unacknowledged_for(row, now)),
        )
