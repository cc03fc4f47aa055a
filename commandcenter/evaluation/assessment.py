"""差异化考核: each office's score for a week (周通报), a month (月奖惩) or a year (年考评), made
comparable across offices of different size, difficulty and load, ranked and graded.

Per office, from its period indicators (``indicators``) and the district's ``AssessmentSettings``:

    rates      = 按期结案率 × W_on_time + 结案率 × W_closure + (1 − 返工率) × W_rework   (0–100)
    deductions = per_overdue_open × 超期未处置 + per_reworked × 返工 + Σ extra points (督查, 督办 …)
    normalised = clamp(rates − deductions × S̄ / S, 0, 100)       S: the office's segments,
                                                                 S̄: the mean over the offices
    volume     = 1 + volume_weight × clamp(c / c̄ − 1, −1, 1)      c: 受理 per segment, c̄: their mean
    final      = clamp(normalised × difficulty × volume, 0, 100)

so a large office is not punished for having more roads to go wrong on (its deductions count per
segment, as a small one's), a hard one (old town, markets: ``difficulty`` > 1) and a busy one (more
cases per segment) get their due. ``score`` is the plain 综合指标值 the indicator table shows. An
office with nothing due has no score and no grade, and ranks last. Grades come from the settings'
bands (优/良/中/差). The month's money is ``rewards``; freezing to JSON is ``frozen``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace

from commandcenter.domain.assessment_settings import AssessmentSettings
from commandcenter.domain.indicators import CaseFacts
from commandcenter.evaluation.deductions import ExtraDeduction, by_office
from commandcenter.evaluation.indicators import Indicators
from commandcenter.evaluation.periods import Period, PeriodKind
from commandcenter.evaluation.rewards import monthly_rewards
from commandcenter.evaluation.score import ScoreWeights, composite_score


@dataclass(frozen=True)
class OfficeInfo:
    office_id: int
    name: str
    segments: int


@dataclass(frozen=True)
class OfficeAssessment:
    office_id: int
    office: str
    rank: int
    grade: str  # "" without a score
    segments: int | None = None  # None: hidden (another office's row for an office user)
    counts: Mapping[str, int] | None = None  # the indicators' counts (受理 received, 应结案 due …)
    score: float | None = None  # 综合指标值 as the indicator table shows it
    rates: float | None = None
    deductions: float | None = None
    normalised: float | None = None
    difficulty: float | None = None
    volume: float | None = None
    final: float | None = None
    reward_cny: int | None = None  # the month's reward (> 0) or penalty (< 0); None for a week/year
    extra: tuple[ExtraDeduction, ...] = ()


@dataclass(frozen=True)
class Assessment:
    kind: PeriodKind
    period: str  # its label: 2026-11, 2026-W47, 2026
    rows: list[OfficeAssessment]  # by rank
    monthly_base_cny: int = 0
    published_by: str = ""  # set once published: the figures are then the frozen ones
    published_at: str = ""
    supervision: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # 督办 per 责任单位

    def row_of(self, office_id: int) -> OfficeAssessment | None:
        return next((row for row in self.rows if row.office_id == office_id), None)


def assess(
    facts: Iterable[CaseFacts],
    period: Period,
    offices: Sequence[OfficeInfo],
    settings: AssessmentSettings,
    extra: Iterable[ExtraDeduction] = (),
) -> Assessment:
    """The period's assessment of ``offices`` (cases of other offices are ignored)."""
    counts = {office.office_id: Indicators() for office in offices}
    for case in facts:
        if case.office_id in counts:
            counts[case.office_id].add(case, period)
    extras = by_office(extra)
    sized = [office for office in offices if office.segments > 0]
    mean_segments = sum(o.segments for o in sized) / len(sized) if sized else 1.0
    load = {o.office_id: counts[o.office_id].received / o.segments for o in sized}
    mean_load = sum(load.values()) / len(load) if load else 0.0
    rows = [
        _office_row(
            office,
            counts[office.office_id],
            extras.get(office.office_id, []),
            settings,
            mean_segments,
            load.get(office.office_id),
            mean_load,
        )
        for office in offices
    ]
    rows.sort(key=lambda row: (row.final is None, -(row.final or 0.0), row.office))
    rewards: Mapping[int, int] = {}
    if period.kind is PeriodKind.MONTH:
        rewards = monthly_rewards({row.office_id: row.final for row in rows}, settings)
    ranked = [
        replace(row, rank=rank, reward_cny=rewards.get(row.office_id))
        for rank, row in enumerate(rows, start=1)
    ]
    base = settings.monthly_base_cny if period.kind is PeriodKind.MONTH else 0
    return Assessment(period.kind, period.label, ranked, base)


def _office_row(
    office: OfficeInfo,
    counts: Indicators,
    extra: list[ExtraDeduction],
    settings: AssessmentSettings,
    mean_segments: float,
    load: float | None,
    mean_load: float,
) -> OfficeAssessment:
    weights = ScoreWeights(settings.on_time_weight, settings.closure_weight, settings.rework_weight, 0.0, 0.0)
    rates = composite_score(counts, weights)
    deductions = (
        settings.per_overdue_open * counts.overdue_open
        + settings.per_reworked * counts.reworked
        + sum(item.points for item in extra)
    )
    difficulty = settings.difficulty_of(office.name)
    volume = 1.0
    if load is not None and mean_load > 0:
        volume += settings.volume_weight * max(-1.0, min(1.0, load / mean_load - 1.0))
    normalised = final = None
    if rates is not None:
        scale = mean_segments / office.segments if settings.normalise_by_segments and office.segments else 1.0
        normalised = _clamp(rates - deductions * scale)
        final = round(_clamp(normalised * difficulty * volume), 2)
        normalised = round(normalised, 2)
    plain = composite_score(counts, settings_weights(settings))
    return OfficeAssessment(
        office.office_id,
        office.name,
        0,
        settings.grade_of(final),
        office.segments,
        asdict(counts),
        None if plain is None else round(plain, 2),
        None if rates is None else round(rates, 2),
        round(deductions, 2),
        normalised,
        difficulty,
        round(volume, 4),
        final,
        None,
        tuple(extra),
    )


def settings_weights(settings: AssessmentSettings) -> ScoreWeights:
    """The 综合指标值's weights and deductions as the district set them."""
    return ScoreWeights(
        settings.on_time_weight,
        settings.closure_weight,
        settings.rework_weight,
        settings.per_overdue_open,
        settings.per_reworked,
    )


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def positions_only(row: OfficeAssessment) -> OfficeAssessment:
    """Another office's row as an office user sees it: its place, name and grade, no figures."""
    return OfficeAssessment(row.office_id, row.office, row.rank, row.grade)


def office_names(offices: Sequence[OfficeInfo]) -> Mapping[int, str]:
    return {office.office_id: office.name for office in offices}
