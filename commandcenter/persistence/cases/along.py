"""What a caller of intake writes in the same transaction as the case, the merge or the 待甄别 item
(``CaseIntake.receive(..., along=…)``): the Open311 filing settles its request there, so a case and
the answer its client is owed commit together or neither does — no case is left behind a request
still ``pending`` by a gateway that died between two commits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection


@dataclass(frozen=True)
class Written:
    """What intake has just written in this transaction."""

    case_id: int | None = None  # the new case, or the open case a report was merged into
    review_id: int | None = None  # the 待甄别 item
    merged: bool = False


AlongWith = Callable[[Connection, Written], None]  # raising rolls intake's write back too
