"""Case rules: extra checks an office or the district runs on every accepted report (the 五里堡 三会
rule, "stalls near a school are urgent"), applied inside ``CaseIntake`` so every source — citizen app,
hotline, gateway, simulator, map alerts — gets them and none can skip them.

A rule reads the ``ScreeningResult`` and answers with ``RuleVerdict``s: notes the operator reads beside
the case (stored with its first event) and overrides intake applies — the urgency, the responsible
office (属地 by name), a preferred assignee offered first. Providers are registered by their owner
(a plugin host registers one provider for all its plugins' rules) and isolated: a provider that raises
is logged and reported to its ``on_fault`` callback, and the report goes on without it — a broken rule
never loses a citizen's report.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from commandcenter.cases.screening import ScreeningResult

log = logging.getLogger(__name__)

URGENCIES = (1, 2, 3)  # 1 urgent .. 3 routine, as ``cases.urgency``


@dataclass(frozen=True)
class RuleVerdict:
    """What one rule says about one report. ``rule`` names it for the record ("wulibao_sanhui/学校")."""

    rule: str
    notes: tuple[str, ...] = ()
    urgency: int | None = None
    office_name: str | None = None
    assignee_staff_id: int | None = None


RuleProvider = Callable[[ScreeningResult], Sequence[RuleVerdict]]


class CaseRuleSet:
    """The rule providers in force, by owner; thread-safe (intake runs on workers, plugins load on
    another thread)."""

    def __init__(self) -> None:
        self._providers: dict[str, RuleProvider] = {}
        self._lock = threading.Lock()

    def register(self, owner: str, provider: RuleProvider) -> None:
        """Add or replace ``owner``'s provider."""
        with self._lock:
            self._providers[owner] = provider

    def unregister(self, owner: str) -> None:
        with self._lock:
            self._providers.pop(owner, None)

    def owners(self) -> list[str]:
        with self._lock:
            return sorted(self._providers)

    def apply(self, result: ScreeningResult) -> list[RuleVerdict]:
        """Every provider's verdicts on ``result``; a provider that raises contributes nothing."""
        with self._lock:
            providers = list(self._providers.items())
        verdicts: list[RuleVerdict] = []
        for owner, provider in providers:
            try:
                verdicts.extend(provider(result))
            except Exception:
                log.exception("案件规则 %s 出错，已跳过 (case rules of %s failed; skipped)", owner, owner)
        return verdicts


@dataclass(frozen=True)
class AppliedRules:
    """The verdicts folded into what intake writes: the last urgency, office and assignee named win,
    the notes of all are kept in order, each prefixed with its rule."""

    notes: tuple[str, ...] = ()
    urgency: int | None = None
    office_name: str | None = None
    assignee_staff_id: int | None = None


def fold(verdicts: Sequence[RuleVerdict]) -> AppliedRules:
    notes: list[str] = []
    urgency = office = assignee = None
    for verdict in verdicts:
        notes.extend(f"{verdict.rule}：{note}" for note in verdict.notes)
        if verdict.urgency in URGENCIES:
            urgency = verdict.urgency
        elif verdict.urgency is not None:
            notes.append(f"{verdict.rule}：忽略无效的紧急程度 {verdict.urgency!r}")
        office = verdict.office_name or office
        assignee = verdict.assignee_staff_id if verdict.assignee_staff_id is not None else assignee
    return AppliedRules(tuple(notes), urgency, office, assignee)
