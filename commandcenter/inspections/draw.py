"""The random draw of inspection groups for one round.

Rules a draw keeps: every target office gets one group of ``group_size`` inspectors; nobody is in
two groups of the round; nobody inspects their own office; and no two inspectors who already shared
a group in the pairing window (``used_pairs``, from the window's earlier rounds) share one again.

The draw is reproducible: the same pool, targets, used pairs, size and ``seed`` give the same groups
(the round stores its seed, pool and targets for an audit to replay it). It builds groups at random,
most constrained office first, and starts over on a dead end (``attempts`` times, all from the one
seeded generator). When the pool cannot satisfy the rules, ``DrawError`` says which and why.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from commandcenter.domain.inspections import Inspector

Pair = tuple[int, int]  # two inspector ids, smaller first
ATTEMPTS = 400


class DrawProblem(StrEnum):
    BAD_SIZE = "bad_size"  # a group of fewer than one
    NO_TARGETS = "no_targets"
    TOO_FEW = "too_few"  # fewer active inspectors than groups × size
    OWN_OFFICE = "own_office"  # an office with too few inspectors from elsewhere
    PAIRINGS = "pairings"  # no draw avoids every pairing already used in the window


class DrawError(ValueError):
    """The pool cannot satisfy the rules; ``problem`` says which, the message (中文 / English) why."""

    def __init__(self, problem: DrawProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class DrawnGroup:
    target_office_id: int
    member_ids: tuple[int, ...]  # in the order drawn


def pair(first: int, second: int) -> Pair:
    return (first, second) if first < second else (second, first)


def pairs_of(members: Sequence[int]) -> set[Pair]:
    return {pair(a, b) for index, a in enumerate(members) for b in members[index + 1 :]}


def draw_groups(
    pool: Sequence[Inspector],
    targets: Sequence[int],
    group_size: int,
    seed: int,
    used_pairs: Collection[Pair] = frozenset(),
    *,
    office_names: Mapping[int, str] | None = None,
    attempts: int = ATTEMPTS,
) -> tuple[DrawnGroup, ...]:
    """One group per target office (in ``targets`` order), drawn from the active inspectors of ``pool``."""
    names = office_names or {}
    active = sorted((inspector for inspector in pool if inspector.active), key=lambda i: i.id)
    offices = sorted(set(targets))
    _check_feasible(active, offices, group_size, names)
    used = frozenset(used_pairs)
    rng = random.Random(seed)
    for _ in range(attempts):
        drawn = _attempt(active, offices, group_size, used, rng)
        if drawn is not None:
            return tuple(DrawnGroup(office, drawn[office]) for office in offices)
    raise DrawError(
        DrawProblem.PAIRINGS,
        f"在本考核窗口内不重复搭档的前提下无法组成 {len(offices)} 个 {group_size} 人督查组"
        f"（已用搭档 {len(used)} 对，在岗督查员 {len(active)} 人），请扩充督查员库或缩小组规模 / "
        f"no draw of {len(offices)} groups of {group_size} avoids the {len(used)} pairings already "
        f"used in this window ({len(active)} active inspectors): add inspectors or draw smaller groups",
    )


def _check_feasible(
    active: Sequence[Inspector], offices: Sequence[int], size: int, names: Mapping[int, str]
) -> None:
    if size < 1:
        raise DrawError(DrawProblem.BAD_SIZE, "每组至少 1 人 / a group has at least one inspector")
    if not offices:
        raise DrawError(DrawProblem.NO_TARGETS, "没有被督查的镇办 / no office to inspect")
    needed = size * len(offices)
    if len(active) < needed:
        raise DrawError(
            DrawProblem.TOO_FEW,
            f"督查员不足：{len(offices)} 个镇办各需 {size} 人，共需 {needed} 人，在岗仅 {len(active)} 人 / "
            f"too few inspectors: {len(offices)} offices × {size} need {needed}, {len(active)} active",
        )
    for office in offices:
        outside = sum(1 for inspector in active if inspector.office_id != office)
        if outside < size:
            name = names.get(office, str(office))
            raise DrawError(
                DrawProblem.OWN_OFFICE,
                f"{name}：本镇办以外的在岗督查员仅 {outside} 人，不足一组 {size} 人 / "
                f"{name}: only {outside} active inspectors from elsewhere, a group needs {size}",
            )


def _attempt(
    active: Sequence[Inspector], offices: Sequence[int], size: int, used: frozenset[Pair], rng: random.Random
) -> dict[int, tuple[int, ...]] | None:
    """One randomized greedy pass; None on a dead end."""
    home = {inspector.id: inspector.office_id for inspector in active}
    free = [inspector.id for inspector in active]
    eligible = {office: sum(1 for i in active if i.office_id != office) for office in offices}
    order = sorted(offices, key=lambda office: (eligible[office], rng.random()))
    drawn: dict[int, tuple[int, ...]] = {}
    for office in order:
        members: list[int] = []
        for _ in range(size):
            candidates = [
                candidate
                for candidate in free
                if home[candidate] != office and all(pair(candidate, m) not in used for m in members)
            ]
            if not candidates:
                return None
            chosen = rng.choice(candidates)
            members.append(chosen)
            free.remove(chosen)
        drawn[office] = tuple(members)
    return drawn
