"""Everything the case detail view shows, read in one call off the UI thread: the case, its timeline,
its reporters (merged duplicates) and its photos split into before and after for 核查's comparison."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.domain.cases import BoardCase, CaseEventRecord, PhotoRecord, ReporterRecord
from commandcenter.domain.kinds import PhotoStage
from commandcenter.domain.workflow import Transition, available_actions
from commandcenter.domain.workflow_errors import CaseNotFound
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.reports import photos_of, reporters_of
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store


@dataclass(frozen=True)
class CaseDetail:
    case: BoardCase
    timeline: list[CaseEventRecord]
    reporters: list[ReporterRecord]
    before: list[PhotoRecord]
    after: list[PhotoRecord]
    actions: list[Transition]  # what the case's status allows now

    @property
    def citizen_feedback(self) -> list[str]:
        return [f"{r.reporter}：{r.feedback}" for r in self.reporters if r.feedback]


def load_case_detail(store: Store, case_id: int) -> CaseDetail:
    """Raises ``CaseNotFound`` or ``DatabaseUnavailable``."""
    rows = board_rows(store, [case_id])
    if not rows:
        raise CaseNotFound(case_id)
    photos = photos_of(store, case_id)
    return CaseDetail(
        rows[0],
        case_timeline(store, case_id),
        reporters_of(store, case_id),
        [photo for photo in photos if photo.stage == PhotoStage.REPORTED],
        [photo for photo in photos if photo.stage == PhotoStage.DISPOSED],
        available_actions(rows[0].status),
    )
