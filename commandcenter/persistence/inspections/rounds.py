"""Reads and writes of drawn rounds, their groups and the groups' findings; and the findings of a
period as the assessment counts them (``finding_facts``: each with its office, the round's kind and
its case's number and status)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, insert, select, text

from commandcenter.domain.inspections import (
    FindingFact,
    InspectionFinding,
    InspectionGroup,
    InspectionKind,
    InspectionRound,
)
from commandcenter.persistence.access import as_utc, read_one, read_rows, reading, writing
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.inspections.models import (
    InspectionFindingRow,
    InspectionGroupRow,
    InspectionRoundRow,
)
from commandcenter.persistence.store import Store

_GROUP = (
    InspectionGroupRow.id,
    InspectionGroupRow.round_id,
    InspectionGroupRow.target_office_id,
    InspectionGroupRow.member_ids,
    InspectionGroupRow.starts_on,
    InspectionGroupRow.ends_on,
)
_ROUND = (
    InspectionRoundRow.id,
    InspectionRoundRow.period,
    InspectionRoundRow.kind,
    InspectionRoundRow.window,
    InspectionRoundRow.seed,
    InspectionRoundRow.group_size,
    InspectionRoundRow.pool_ids,
    InspectionRoundRow.target_ids,
    InspectionRoundRow.drawn_at,
    InspectionRoundRow.drawn_by,
)


def _group(row: Sequence[object]) -> InspectionGroup:
    id_, round_id, office, members, starts, ends = row
    return InspectionGroup(int(id_), int(round_id), int(office), tuple(members), starts, ends)  # type: ignore[arg-type, call-overload]


def window_groups(store: Store, window: str, *, before: int | None = None) -> list[tuple[int, ...]]:
    """The members of every group drawn in the pairing window so far (or before round ``before``)."""
    statement = (
        select(InspectionGroupRow.member_ids)
        .join(InspectionRoundRow, InspectionRoundRow.id == InspectionGroupRow.round_id)
        .where(InspectionRoundRow.window == window)
    )
    if before is not None:
        statement = statement.where(InspectionRoundRow.id < before)
    return [tuple(members) for (members,) in read_rows(store, statement)]


_DRAW_LOCK = 0x647263  # "drc": PostgreSQL's advisory lock id for storing a draw


def store_round(
    store: Store,
    drawn: InspectionRound,
    groups: Sequence[tuple[int, tuple[int, ...]]],
    starts_on: date,
    ends_on: date,
    *,
    window_groups_seen: int,
) -> int | None:
    """The round and its groups ((target office, members)) in one transaction; the new round's id, or
    None (nothing stored) when the window holds other groups than the ``window_groups_seen`` the draw
    avoided — another draw was stored meanwhile. Draws take turns (PostgreSQL: an advisory lock;
    SQLite: one writer at a time), so two desks can never both store a pairing the other just used."""
    values = {
        "period": drawn.period,
        "kind": drawn.kind.value,
        "window": drawn.window,
        "seed": drawn.seed,
        "group_size": drawn.group_size,
        "pool_ids": list(drawn.pool_ids),
        "target_ids": list(drawn.target_ids),
        "drawn_at": drawn.drawn_at,
        "drawn_by": drawn.drawn_by,
    }
    with writing(store) as connection:
        if store.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DRAW_LOCK})
        in_window = (
            select(func.count())
            .select_from(InspectionGroupRow)
            .join(InspectionRoundRow, InspectionRoundRow.id == InspectionGroupRow.round_id)
            .where(InspectionRoundRow.window == drawn.window)
        )
        if connection.execute(in_window).scalar_one() != window_groups_seen:
            return None
        round_id = int(
            connection.execute(
                insert(InspectionRoundRow).returning(InspectionRoundRow.id), values
            ).scalar_one()
        )
        rows = [
            {
                "round_id": round_id,
                "target_office_id": office,
                "member_ids": list(members),
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
            for office, members in groups
        ]
        if rows:
            connection.execute(insert(InspectionGroupRow), rows)
    return round_id


def rounds(
    store: Store, period: str | None = None, *, limit: int = 50, round_id: int | None = None
) -> list[InspectionRound]:
    """The newest rounds first (of one period, or the one round, if given), each with its groups."""
    statement = select(*_ROUND).order_by(InspectionRoundRow.id.desc()).limit(limit)
    if period is not None:
        statement = statement.where(InspectionRoundRow.period == period)
    if round_id is not None:
        statement = statement.where(InspectionRoundRow.id == round_id)
    with reading(store) as connection:
        found = list(connection.execute(statement))
        ids = [row[0] for row in found]
        groups: dict[int, list[InspectionGroup]] = {id_: [] for id_ in ids}
        if ids:
            member_rows = connection.execute(
                select(*_GROUP).where(InspectionGroupRow.round_id.in_(ids)).order_by(InspectionGroupRow.id)
            )
            for row in member_rows:
                group = _group(row)
                groups[group.round_id].append(group)
    return [
        InspectionRound(
            id=row[0],
            period=row[1],
            kind=InspectionKind(row[2]),
            window=row[3],
            seed=int(row[4]),
            group_size=row[5],
            pool_ids=tuple(row[6]),
            target_ids=tuple(row[7]),
            drawn_at=as_utc(row[8]),
            drawn_by=row[9],
            groups=tuple(groups[row[0]]),
        )
        for row in found
    ]


def group_with_kind(store: Store, group_id: int) -> tuple[InspectionGroup, InspectionKind, str] | None:
    """A group with its round's kind and period, or None."""
    statement = (
        select(*_GROUP, InspectionRoundRow.kind, InspectionRoundRow.period)
        .join(InspectionRoundRow, InspectionRoundRow.id == InspectionGroupRow.round_id)
        .where(InspectionGroupRow.id == group_id)
    )
    row = read_one(store, statement)
    return None if row is None else (_group(row[:6]), InspectionKind(row[6]), row[7])


def add_finding(
    store: Store,
    group_id: int,
    *,
    office_id: int | None,
    case_id: int | None,
    review_id: int | None,
    summary: str,
    by: str,
    at: datetime,
) -> int:
    values = {
        "group_id": group_id,
        "office_id": office_id,
        "case_id": case_id,
        "review_id": review_id,
        "summary": summary,
        "recorded_at": at,
        "recorded_by": by,
    }
    with writing(store) as connection:
        statement = insert(InspectionFindingRow).returning(InspectionFindingRow.id)
        return int(connection.execute(statement, values).scalar_one())


def findings_of_group(store: Store, group_id: int) -> list[InspectionFinding]:
    row = InspectionFindingRow
    statement = (
        select(
            row.id,
            row.group_id,
            row.office_id,
            row.case_id,
            row.review_id,
            row.summary,
            row.recorded_at,
            row.recorded_by,
        )
        .where(row.group_id == group_id)
        .order_by(row.id)
    )
    return [
        InspectionFinding(*found[:6], as_utc(found[6]), found[7]) for found in read_rows(store, statement)
    ]


def finding_facts(store: Store, start: datetime, end: datetime) -> list[FindingFact]:
    """The findings recorded in [start, end) that became cases, with what the assessment needs."""
    finding = InspectionFindingRow
    statement = (
        select(finding.office_id, InspectionRoundRow.kind, Case.number, Case.status, finding.recorded_at)
        .join(InspectionGroupRow, InspectionGroupRow.id == finding.group_id)
        .join(InspectionRoundRow, InspectionRoundRow.id == InspectionGroupRow.round_id)
        .join(Case, Case.id == finding.case_id)
        .where(finding.recorded_at >= start, finding.recorded_at < end, finding.office_id.is_not(None))
        .order_by(finding.id)
    )
    facts = []
    for office, kind, number, status, at in read_rows(store, statement):
        assert office is not None  # the query keeps only findings with an office
        facts.append(FindingFact(office, InspectionKind(kind), number, status, as_utc(at)))
    return facts
