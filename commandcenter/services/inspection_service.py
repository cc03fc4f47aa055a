"""督查 (明察暗访) for the signed-in principal: the inspector pool, drawing a round of groups for a
period (preview, then confirm), the rounds, and the period's deductions for the assessment.

Who: ``MANAGE_INSPECTIONS`` (supervisors of the 督查 office, the command line's administrator) change
the pool and draw; ``VIEW_INSPECTIONS`` (leaders too) read. Office users have neither — a 暗访 group's
target must stay unknown to the office it visits. Every change is audited (the pool, each draw with
its seed). A draw's rules and its reproducibility live in ``inspections.draw``; recording what a group
found goes through intake (``services.inspection_findings``).
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.departments import DepartmentRecord
from commandcenter.domain.district import StaffSummary
from commandcenter.domain.inspections import (
    DrawPreview,
    InspectionKind,
    InspectionRound,
    Inspector,
    PairingWindow,
)
from commandcenter.domain.kinds import StaffRole
from commandcenter.evaluation.inspection_results import (
    InspectionDeductionRules,
    OfficeDeduction,
    inspection_deductions,
)
from commandcenter.evaluation.periods import parse_period
from commandcenter.inspections.draw import DrawError, DrawProblem, Pair, draw_groups, pairs_of
from commandcenter.inspections.windows import (
    first_day,
    kind_named,
    last_day,
    window_label,
    window_named,
    window_of_label,
)
from commandcenter.persistence.district.departments import departments
from commandcenter.persistence.district.queries import offices, staff_of
from commandcenter.persistence.inspections import pool as inspector_pool, rounds as inspection_rounds
from commandcenter.services.guard import Guarded

DEFAULT_GROUP_SIZE = 2
MAX_GROUP_SIZE = 6


@dataclass(frozen=True)
class InspectionOverview:
    """What the 督查 window shows: the pool, the offices by name, the newest rounds."""

    pool: tuple[Inspector, ...]
    offices: dict[int, str]
    rounds: tuple[InspectionRound, ...]


class InspectionService(Guarded):
    def may_view(self) -> bool:
        """Whether the window offers 督查 at all (asked without an audit row)."""
        return self.principal.can(Permission.VIEW_INSPECTIONS)

    def may_manage(self) -> bool:
        return self.principal.can(Permission.MANAGE_INSPECTIONS)

    def overview(self, period: str | None = None) -> InspectionOverview:
        self._require(Permission.VIEW_INSPECTIONS, "inspections")
        label = None if not period else parse_period(period).label
        return InspectionOverview(
            tuple(inspector_pool.inspectors(self.store)),
            self._office_names(),
            tuple(inspection_rounds.rounds(self.store, label)),
        )

    def candidates(self) -> tuple[list[StaffSummary], list[DepartmentRecord]]:
        """Who may join the pool: the district's staff and its departments."""
        self._require(Permission.MANAGE_INSPECTIONS, "inspectors")
        return staff_of(self.store, None), departments(self.store)

    def add_staff(self, staff_id: int) -> int:
        """A staff member joins the pool with their own office (never inspected by them)."""
        self._require(Permission.MANAGE_INSPECTIONS, "inspectors")
        found = inspector_pool.staff_member(self.store, int(staff_id))
        if found is None:
            raise InvalidInput("staff", "没有这名工作人员", "no such member of staff")
        if any(i.staff_id == staff_id for i in inspector_pool.inspectors(self.store)):
            raise InvalidInput("staff", "此人已在督查员库中", "already in the inspector pool")
        name, office = found
        return self._added(name, office, staff_id, None)

    def add_all_staff(self, role: str = StaffRole.INSPECTOR.value) -> int:
        """Every staff member of ``role`` (督查员 by default) not yet in the pool joins it; how many."""
        self._require(Permission.MANAGE_INSPECTIONS, "inspectors")
        present = {i.staff_id for i in inspector_pool.inspectors(self.store)}
        joining = [m for m in staff_of(self.store, None) if m.role == role and m.id not in present]
        for member in joining:
            self._added(member.name, member.office_id, member.id, None)
        return len(joining)

    def add_department_member(self, name: object, department_id: int, office_id: int | None = None) -> int:
        """A department's member joins the pool (``office_id``: an office they belong to, if any)."""
        self._require(Permission.MANAGE_INSPECTIONS, "inspectors")
        clean = clean_text(name, "name", limit=20, required=True)
        if not inspector_pool.department_exists(self.store, int(department_id)):
            raise InvalidInput("department", "没有这个部门", "no such department")
        if office_id is not None and office_id not in self._office_names():
            raise InvalidInput("office", "没有这个镇办", "no such office")
        return self._added(clean, office_id, None, int(department_id))

    def _added(self, name: str, office: int | None, staff: int | None, department: int | None) -> int:
        new_id = inspector_pool.add_inspector(
            self.store,
            name,
            office_id=office,
            staff_id=staff,
            department_id=department,
            by=self.principal.username,
            at=self.clock(),
        )
        details = {"change": "added", "office": office, "staff": staff, "department": department}
        self._record(AuditAction.INSPECTOR_CHANGE, f"inspector:{new_id}", details)
        return new_id

    def set_active(self, inspector_id: int, active: bool) -> None:
        self._require(Permission.MANAGE_INSPECTIONS, "inspectors")
        if not inspector_pool.set_active(self.store, int(inspector_id), bool(active)):
            raise InvalidInput("inspector", "没有这名督查员", "no such inspector")
        change = "activated" if active else "deactivated"
        self._record(AuditAction.INSPECTOR_CHANGE, f"inspector:{inspector_id}", {"change": change})

    def preview(
        self,
        period: str,
        kind: InspectionKind | str = InspectionKind.OPEN,
        *,
        group_size: int = DEFAULT_GROUP_SIZE,
        window: PairingWindow | str = PairingWindow.QUARTER,
        targets: Sequence[int] | None = None,
        seed: int | None = None,
    ) -> DrawPreview:
        """The groups a draw would make now (nothing stored). Raises ``DrawError`` saying why the pool
        cannot satisfy the rules, ``PeriodError`` or ``InvalidInput`` for bad arguments."""
        self._require(Permission.MANAGE_INSPECTIONS, "inspections")
        when = parse_period(period)
        how = kind_named(kind)
        pairing = window_named(window)
        if not 1 <= group_size <= MAX_GROUP_SIZE:
            raise InvalidInput("group_size", f"每组 1–{MAX_GROUP_SIZE} 人", f"1–{MAX_GROUP_SIZE} per group")
        names = self._office_names()
        chosen = sorted(set(names if targets is None else targets))
        unknown = [office for office in chosen if office not in names]
        if unknown:
            raise InvalidInput("targets", f"没有这些镇办：{unknown}", f"no such offices: {unknown}")
        label = window_label(first_day(when), pairing)
        pool = inspector_pool.inspectors(self.store, active_only=True)
        earlier = inspection_rounds.window_groups(self.store, label)
        used = {pair for members in earlier for pair in pairs_of(members)}
        drawn_seed = secrets.randbits(62) if seed is None else int(seed)
        groups = draw_groups(pool, chosen, group_size, drawn_seed, used, office_names=names)
        return DrawPreview(
            period=when.label,
            kind=how,
            window=label,
            seed=drawn_seed,
            group_size=group_size,
            pool_ids=tuple(inspector.id for inspector in pool),
            target_ids=tuple(chosen),
            groups=tuple((group.target_office_id, group.member_ids) for group in groups),
            starts_on=first_day(when),
            ends_on=last_day(when),
            window_groups=len(earlier),
        )

    def confirm(self, preview: DrawPreview) -> int:
        """Store the previewed round if a draw now, from its seed, still makes its groups (the pool
        or the window's pairings may have changed since: then ``DrawError``, draw again)."""
        again = self.preview(
            preview.period,
            preview.kind,
            group_size=preview.group_size,
            window=window_of_label(preview.window),
            targets=preview.target_ids,
            seed=preview.seed,
        )
        if again.groups != preview.groups or again.window != preview.window:
            raise _changed()
        drawn = InspectionRound(
            0, again.period, again.kind, again.window, again.seed, again.group_size,
            again.pool_ids, again.target_ids, self.clock(), self.principal.username,
        )  # fmt: skip
        round_id = inspection_rounds.store_round(
            self.store,
            drawn,
            again.groups,
            again.starts_on,
            again.ends_on,
            window_groups_seen=again.window_groups,
        )
        if round_id is None:  # another draw in this window was stored a moment ago
            raise _changed()
        details = {
            "period": again.period,
            "kind": again.kind.value,
            "window": again.window,
            "seed": again.seed,
            "group_size": again.group_size,
            "groups": len(again.groups),
        }
        self._record(AuditAction.INSPECTION_DRAW, f"inspection_round:{round_id}", details)
        return round_id

    def verify(self, round_id: int) -> bool:
        """Whether drawing the stored round again — its pool, targets, size and seed, the pairings of
        its window's earlier rounds — gives exactly its stored groups (an audit of the draw)."""
        self._require(Permission.VIEW_INSPECTIONS, f"inspection_round:{round_id}")
        found = inspection_rounds.rounds(self.store, round_id=int(round_id), limit=1)
        if not found:
            raise InvalidInput("round", "没有这一轮督查", "no such inspection round")
        drawn = found[0]
        pool = [i for i in inspector_pool.inspectors(self.store) if i.id in set(drawn.pool_ids)]
        pool = [dataclasses.replace(inspector, active=True) for inspector in pool]  # as at the draw
        used: set[Pair] = set()
        for members in inspection_rounds.window_groups(self.store, drawn.window, before=drawn.id):
            used |= pairs_of(members)
        try:
            again = draw_groups(pool, drawn.target_ids, drawn.group_size, drawn.seed, used)
        except DrawError:
            return False
        stored = sorted((group.target_office_id, group.member_ids) for group in drawn.groups)
        return sorted((group.target_office_id, group.member_ids) for group in again) == stored

    def deductions(
        self, period: str, rules: InspectionDeductionRules | None = None
    ) -> dict[int, OfficeDeduction]:
        """Office id → the points its period's findings cost (``evaluation.inspection_results``)."""
        self._require(Permission.VIEW_INSPECTIONS, "inspections")
        when = parse_period(period)
        return inspection_deductions(inspection_rounds.finding_facts(self.store, when.start, when.end), rules)

    def _office_names(self) -> dict[int, str]:
        return {office.id: office.name for office in offices(self.store)}


def _changed() -> DrawError:
    return DrawError(
        DrawProblem.PAIRINGS,
        "预览之后督查员库或本窗口的搭档已变化，请重新抽取 / the pool or the window's pairings changed "
        "since the preview: draw again",
    )
