"""The ``credit`` section of the settings document: its JSON form and its checks.

Kept beside the record it describes (``domain.credit``) so the settings modules add one line each:
``to_document`` writes ``credit_document``, the reader converts with ``credit_rules`` (a wrong kind
of value is a ``NOT_A_VALUE`` problem under ``credit``), ``validate`` adds ``credit_problems``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from commandcenter.domain.credit import DEFAULT_THRESHOLDS, CreditRules, CreditThreshold, ViolatorKind
from commandcenter.domain.settings_problems import Fault, SettingsProblem

LIMITS: dict[str, tuple[int, int]] = {
    "count": (0, 100),
    "points": (0, 1000),
    "window_months": (1, 120),
    "violation_months": (1, 120),
    "listing_months": (1, 120),
}


def credit_document(rules: CreditRules) -> dict[str, Any]:
    return {
        "thresholds": [
            {"kind": t.kind.value, "count": t.count, "points": t.points, "window_months": t.window_months}
            for t in rules.thresholds
        ],
        "violation_months": rules.violation_months,
        "listing_months": rules.listing_months,
    }


def credit_rules(raw: object) -> CreditRules:
    """The rules of a document's ``credit`` value; a missing key takes its default, a value of the
    wrong kind raises (``TypeError``/``ValueError``/``KeyError``)."""
    if not isinstance(raw, Mapping):
        raise TypeError("not an object")
    default = CreditRules()
    thresholds = raw.get("thresholds")
    return CreditRules(
        thresholds=DEFAULT_THRESHOLDS if thresholds is None else tuple(_threshold(t) for t in thresholds),
        violation_months=_integer(raw.get("violation_months", default.violation_months)),
        listing_months=_integer(raw.get("listing_months", default.listing_months)),
    )


def _threshold(raw: Mapping[str, Any]) -> CreditThreshold:
    kind = ViolatorKind(raw["kind"])
    d = CreditThreshold(kind)
    return CreditThreshold(
        kind,
        count=_integer(raw.get("count", d.count)),
        points=_integer(raw.get("points", d.points)),
        window_months=_integer(raw.get("window_months", d.window_months)),
    )


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def credit_problems(rules: CreditRules) -> list[SettingsProblem]:
    """Every problem of the credit section: limits, a kind twice, a threshold with both limbs off."""
    problems: list[SettingsProblem] = []
    for key in ("violation_months", "listing_months"):
        _in_range(problems, f"credit.{key}", getattr(rules, key), key)
    seen: set[ViolatorKind] = set()
    for threshold in rules.thresholds:
        where = f"credit.thresholds.{threshold.kind.value}"
        if threshold.kind in seen:
            problems.append(SettingsProblem(where, Fault.LEVEL_TWICE, (threshold.kind.value,)))
        seen.add(threshold.kind)
        for key in ("count", "points", "window_months"):
            _in_range(problems, f"{where}.{key}", getattr(threshold, key), key)
        if threshold.count == 0 and threshold.points == 0:
            problems.append(
                SettingsProblem(f"{where}.count", Fault.OUT_OF_RANGE, ("1", str(LIMITS["count"][1])))
            )
    return problems


def _in_range(problems: list[SettingsProblem], key: str, value: int, limits: str) -> None:
    low, high = LIMITS[limits]
    if not low <= value <= high:
        problems.append(SettingsProblem(key, Fault.OUT_OF_RANGE, (str(low), str(high))))
