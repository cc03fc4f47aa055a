"""Which period a case counts in, for each indicator — the rules, one function each.

Every rule reads a ``CaseFacts`` (``domain.indicators``) and a ``Period`` (``periods``, on the
district's clock) and nothing else, so an assessment gives the same figures whenever it is run once
the period is over.

- **受理** counts in the period the report was received (``received_at``).
- **立案** counts with its 受理: a case received in the period that was filed (it left 受理 for the
  workflow: not 不予立案, not closed on the spot by 简易处置, not voided before it was dispatched), so
  立案率 = 立案数 / 受理数 compares the same reports.
- **派遣** counts in the period of the (last) dispatch (``dispatched_at``; 改派 and 升级 move it).
- **应结案** counts in the period its deadline falls: a dispatched case whose running deadline lies
  inside the period. The deadline is the workflow's own: the dispose deadline set by 派遣 and moved
  by each approved 延期, so a case filed on the 30th with a five-day limit counts next month, and an
  extended one in the period its extended deadline falls. 作废, 不予立案 and 简易处置 cases have no
  deadline and are in no period's 应结案.
- **挂账 time is excluded.** While an approved 挂账 holds a case its clock stops: the workflow clears
  the deadline at 挂账 and restarts it at 恢复办理, so a held case is in no period's 应结案 and is never
  超期未处置 at a moment inside an approved hold (``Hold`` intervals from ``case_requests`` and the
  恢复办理 step); once resumed it counts in the period its new deadline falls.
- **结案** is judged at the period's end: an 应结案 case closed (结案) by then. **按期** when it was
  closed no later than its deadline (extended by approved 延期). 结案率 and 按期结案率 divide by 应结案数.
- **返工率** = 返工案件数 / 结案数: closed cases that were sent back at 核查 at least once.
  **延期率** = 延期案件数 / 应结案数: 应结案 cases granted at least one 延期.
- **超期未处置** is a state at the period's end: dispatched, not ended by then, not held by a 挂账
  then, and its deadline already passed.
"""

from __future__ import annotations

from datetime import datetime

from commandcenter.domain.indicators import CaseFacts
from commandcenter.domain.kinds import CaseStatus
from commandcenter.evaluation.periods import Period

_S = CaseStatus
_NEVER_FILED = frozenset({_S.RECEIVED, _S.REJECTED})


def received_in(case: CaseFacts, period: Period) -> bool:
    return period.contains(case.received_at)


def was_filed(case: CaseFacts) -> bool:
    """Filed (立案) at some point: it left 受理 for the workflow (see the module's rule)."""
    if case.status in _NEVER_FILED:
        return False
    # 简易处置 on the spot, or voided before anyone was sent: never filed
    return not (case.status in (_S.CLOSED, _S.VOIDED) and case.dispatched_at is None)


def filed_in(case: CaseFacts, period: Period) -> bool:
    return received_in(case, period) and was_filed(case)


def dispatched_in(case: CaseFacts, period: Period) -> bool:
    return period.contains(case.dispatched_at)


def due_in(case: CaseFacts, period: Period) -> bool:
    """应结案 in ``period``: dispatched, and its running deadline falls inside it."""
    return case.dispatched_at is not None and period.contains(case.deadline_at)


def held_at(case: CaseFacts, moment: datetime) -> bool:
    """Inside an approved 挂账 at ``moment`` (the clock stopped)."""
    return any(hold.covers(moment) for hold in case.holds)


def open_at(case: CaseFacts, moment: datetime) -> bool:
    return case.received_at < moment and (case.ended_at is None or case.ended_at >= moment)


def closed_by(case: CaseFacts, moment: datetime) -> bool:
    return case.status == _S.CLOSED and case.ended_at is not None and case.ended_at < moment


def closed_in_time(case: CaseFacts, period: Period) -> bool:
    """结案 by the period's end and no later than its deadline (extended by approved 延期)."""
    if not closed_by(case, period.end) or case.deadline_at is None or case.ended_at is None:
        return False
    return case.ended_at <= case.deadline_at


def overdue_open_at(case: CaseFacts, moment: datetime) -> bool:
    """超期未处置 at ``moment``: dispatched, still open, not held, deadline passed."""
    return (
        case.dispatched_at is not None
        and case.deadline_at is not None
        and case.deadline_at < moment
        and open_at(case, moment)
        and not held_at(case, moment)
    )


def reworked(case: CaseFacts) -> bool:
    return case.rework_count > 0


def extended(case: CaseFacts) -> bool:
    return case.extension_count > 0
