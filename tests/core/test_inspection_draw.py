"""The random draw of 督查 groups: the property over a year of weekly draws (no repeated pairing within
its quarter, nobody on their own office, every office covered), reproducibility from the seed, and a
clear error for each way a pool cannot satisfy the rules. hypothesis is not installed: the property
runs as a seeded loop over many random pools, each pool's seed named in the failure."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from commandcenter.domain.inspections import Inspector, PairingWindow
from commandcenter.inspections.draw import DrawError, DrawProblem, Pair, draw_groups, pairs_of
from commandcenter.inspections.windows import window_label

POOLS = 40


def random_pool(rng: random.Random, *, roomy: bool = True) -> tuple[list[Inspector], list[int], int]:
    """A roomy pool has at least 2.5 times the pairings a quarter's 14 weekly rounds use (and 1.6 times
    the people a round needs); a tight one may run out before the quarter ends."""
    offices = list(range(1, rng.randint(3, 18) + 1))
    size = rng.choice((2, 2, 3))
    count = int(size * len(offices) * rng.uniform(1.6, 3.0)) + 1
    needed_pairs = 14 * len(offices) * size * (size - 1) // 2
    while roomy and count * (count - 1) // 2 < 2.5 * needed_pairs:
        count += 1
    pool = [
        Inspector(
            id=100 + n,
            name=f"督查员{n}",
            office_id=None if rng.random() < 0.3 else rng.choice(offices),
            active=rng.random() > 0.05,
        )
        for n in range(count)
    ]
    return pool, offices, size


def weekly_draws(
    pool: list[Inspector], offices: list[int], size: int, seed: int, *, roomy: bool = True
) -> None:
    """52 weekly rounds, each checked against the rules and the pairings of its quarter so far; a
    tight pool may refuse a week (``DrawError``, nothing drawn), never break a rule."""
    monday = date.fromisocalendar(2026, 1, 1)
    used: dict[str, set[Pair]] = {}
    homes = {inspector.id: inspector.office_id for inspector in pool}
    for week in range(52):
        window = window_label(monday + timedelta(weeks=week), PairingWindow.QUARTER)
        earlier = used.setdefault(window, set())
        try:
            groups = draw_groups(pool, offices, size, seed * 1000 + week, earlier)
        except DrawError as refused:
            if roomy or refused.problem is not DrawProblem.PAIRINGS:
                raise
            continue
        assert sorted(group.target_office_id for group in groups) == sorted(offices)
        seen: set[int] = set()
        for group in groups:
            assert len(group.member_ids) == size
            assert not seen & set(group.member_ids), "an inspector in two groups of one round"
            seen |= set(group.member_ids)
            assert all(homes[m] != group.target_office_id for m in group.member_ids), "own office"
            fresh = pairs_of(group.member_ids)
            assert not fresh & earlier, f"week {week + 1}: pairing repeated within {window}"
            earlier |= fresh


@pytest.mark.parametrize("pool_seed", range(POOLS))
def test_a_year_of_weekly_draws_never_repeats_a_pairing_or_sends_anyone_home(pool_seed: int) -> None:
    rng = random.Random(pool_seed)
    pool, offices, size = random_pool(rng)
    weekly_draws(pool, offices, size, pool_seed)


@pytest.mark.parametrize("pool_seed", range(1000, 1000 + POOLS // 2))
def test_a_tight_pool_refuses_a_week_rather_than_break_a_rule(pool_seed: int) -> None:
    pool, offices, size = random_pool(random.Random(pool_seed), roomy=False)
    weekly_draws(pool, offices, size, pool_seed, roomy=False)


def test_the_same_seed_draws_the_same_groups_and_another_seed_others() -> None:
    pool, offices, size = random_pool(random.Random(7))
    first = draw_groups(pool, offices, size, 12345)
    assert draw_groups(list(reversed(pool)), list(reversed(offices)), size, 12345) == first
    assert any(draw_groups(pool, offices, size, seed) != first for seed in range(5))


def pool_of(*homes: int | None) -> list[Inspector]:
    return [Inspector(id=n + 1, name=f"员{n}", office_id=home) for n, home in enumerate(homes)]


def test_too_few_inspectors_is_refused_with_the_numbers() -> None:
    with pytest.raises(DrawError) as refused:
        draw_groups(pool_of(None, None, None), [1, 2], 2, 1)
    assert refused.value.problem is DrawProblem.TOO_FEW
    assert "共需 4 人，在岗仅 3 人" in str(refused.value)


def test_an_office_whose_inspectors_are_all_its_own_is_named() -> None:
    with pytest.raises(DrawError) as refused:
        draw_groups(pool_of(1, 1, 1, 2), [1, 2], 2, 1, office_names={1: "嵩山路街道"})
    assert refused.value.problem is DrawProblem.OWN_OFFICE
    assert str(refused.value).startswith("嵩山路街道：本镇办以外的在岗督查员仅 1 人")


def test_a_window_whose_pairings_are_used_up_is_refused() -> None:
    pool = pool_of(None, None, None, None)
    used = {(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)}
    with pytest.raises(DrawError) as refused:
        draw_groups(pool, [1], 2, 1, used)
    assert refused.value.problem is DrawProblem.PAIRINGS
    assert "已用搭档 6 对" in str(refused.value)
    assert draw_groups(pool, [1], 2, 1, used - {(2, 4)}) == (
        draw_groups(pool, [1], 2, 1, used - {(2, 4)})[0],
    )
    assert set(draw_groups(pool, [1], 2, 1, used - {(2, 4)})[0].member_ids) == {2, 4}


def test_inactive_inspectors_are_not_drawn() -> None:
    pool = [*pool_of(None, None), Inspector(id=9, name="离岗", office_id=None, active=False)]
    groups = draw_groups(pool, [5], 2, 3)
    assert set(groups[0].member_ids) == {1, 2}
    with pytest.raises(DrawError):
        draw_groups(pool, [5], 3, 3)
