"""The ``credit`` section of the district's settings document: written and read back, a document
without it takes the defaults, wrong kinds and out-of-range values are problems naming their key,
and a saved change is audited like every other setting."""

from __future__ import annotations

import dataclasses
import json

import pytest

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.credit import CreditRules, CreditThreshold, ViolatorKind
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.settings import DEFAULT_SETTINGS
from commandcenter.domain.settings_document import from_json, parse_json, to_json
from commandcenter.domain.settings_problems import Fault, InvalidSettings
from commandcenter.domain.settings_rules import validate
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for

TWO_IN_SIX = CreditRules(thresholds=(CreditThreshold(ViolatorKind.SHOP, count=2, points=0, window_months=6),))


def test_the_section_round_trips_and_defaults() -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS, credit=TWO_IN_SIX)
    assert from_json(to_json(settings)).credit == TWO_IN_SIX
    without = json.loads(to_json(DEFAULT_SETTINGS))
    del without["credit"]
    assert from_json(json.dumps(without)).credit == CreditRules()


def test_wrong_kinds_and_limits_are_named() -> None:
    document = json.loads(to_json(DEFAULT_SETTINGS))
    document["credit"]["listing_months"] = "twelve"
    settings, problems = parse_json(json.dumps(document))
    assert settings.credit == CreditRules()
    assert [p.key for p in problems] == ["credit"]
    document["credit"]["listing_months"] = 12
    document["credit"]["thresholds"][0]["kind"] = "alien"
    with pytest.raises(InvalidSettings):
        from_json(json.dumps(document))
    off = CreditThreshold(ViolatorKind.PLATE, count=0, points=0)
    bad = CreditRules(thresholds=(off, off), violation_months=0)
    problems = validate(dataclasses.replace(DEFAULT_SETTINGS, credit=bad))
    assert {(p.key, p.fault) for p in problems} == {
        ("credit.violation_months", Fault.OUT_OF_RANGE),
        ("credit.thresholds.plate", Fault.LEVEL_TWICE),
        ("credit.thresholds.plate.count", Fault.OUT_OF_RANGE),
    }


def test_a_saved_change_is_audited(store: Store) -> None:
    admin = services_for(store, UserRole.ADMIN)
    current = admin.settings.current()
    admin.settings.save(dataclasses.replace(current.settings, credit=TWO_IN_SIX), current.revision)
    entry = AuditTrail(store).recent(action=AuditAction.SETTING_CHANGE, limit=1)[0]
    assert "credit.thresholds" in entry.details["changes"]
    assert admin.settings.current().settings.credit == TWO_IN_SIX
