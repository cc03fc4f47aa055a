"""What can be wrong with a settings document, as keys and facts (the dialog and the CLI word them).

A problem names the setting by its document key (``"ack_timeout_minutes"``,
``"escalation.office.wait_minutes"``, ``"calendar.years.2026.holidays.3"``), what is wrong with it
(``Fault``) and the facts a sentence needs (the allowed range, the clashing date) — never an English
sentence: the core returns keys, widgets translate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Fault(StrEnum):
    NOT_A_VALUE = "not_a_value"  # the document holds something of the wrong kind (facts: the value)
    OUT_OF_RANGE = "out_of_range"  # facts: lowest, highest
    START_NOT_BEFORE_END = "start_not_before_end"  # a shift or a period, a holiday's first/last day
    PERIODS_OVERLAP = "periods_overlap"  # facts: where the later one starts
    NO_PERIODS = "no_periods"  # a working day needs at least one period
    LEVEL_TWICE = "level_twice"  # facts: the level
    BUREAU_REQUIRED = "bureau_required"  # the bureau must be the last rung and switched on
    YEAR_TWICE = "year_twice"  # facts: the year
    OUTSIDE_YEAR = "outside_year"  # a holiday of year Y neither starts nor ends in Y; facts: year
    TOO_LONG = "too_long"  # a holiday of more than MAX_HOLIDAY_DAYS days; facts: the limit
    NAME_MISSING = "name_missing"
    DAY_OFF_AND_WORKED = "day_off_and_worked"  # facts: the date
    NOT_A_URL = "not_a_url"  # the media template needs a scheme it can play (facts: the schemes)
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"  # facts: the placeholder
    DEVICE_MISSING = "device_missing"  # the media template names no {device}


@dataclass(frozen=True)
class SettingsProblem:
    key: str
    fault: Fault
    facts: tuple[str, ...] = ()


class InvalidSettings(ValueError):
    """The document was refused; ``problems`` lists every reason at once (nothing was written)."""

    def __init__(self, problems: Sequence[SettingsProblem]) -> None:
        listed = "; ".join(f"{p.key}: {p.fault.value} {' '.join(p.facts)}".strip() for p in problems)
        super().__init__(f"设置无效 invalid settings: {listed}")
        self.problems = tuple(problems)
