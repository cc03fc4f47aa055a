"""Helpers for tests that need someone signed in: cheap argon2 parameters (the real cost is the
benchmark's business, not every test's), a user made in one call, a principal of any role, and the
``Services`` a screen gets for that principal."""

from __future__ import annotations

from datetime import UTC, datetime

from commandcenter.accounts.passwords import HashParameters, PasswordHashing
from commandcenter.accounts.principal import Principal
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.domain.cases import NewCase
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.demo_district import DemoDistrict

FAST_HASHING = PasswordHashing(HashParameters(time_cost=1, memory_kib=8_192, parallelism=1))
PASSWORD = "correct-horse-7"
CASE_TIME = datetime(2026, 5, 12, 2, 30, tzinfo=UTC)  # just after the demo district's "now"


def make_user(
    store: Store,
    username: str,
    role: UserRole = UserRole.OPERATOR,
    office_id: int | None = None,
    password: str = PASSWORD,
    *,
    must_change: bool = False,
) -> int:
    """An active user with ``password``; ``must_change`` as an admin reset would leave it."""
    user_id = account_queries.create_user(
        store, username, username.title(), role.value, office_id, FAST_HASHING.hash(password)
    )
    account_queries.update_security(store, user_id, must_change_password=must_change)
    return user_id


def new_case(district: DemoDistrict, office_id: int, now: datetime = CASE_TIME) -> int:
    """A fresh case in 受理 (version 1) in ``office_id`` of the demo district."""
    code = sorted(district.categories)[0]
    report = NewCase(code, "市民上报", "测试案件", "测试地址", 113.63, 34.74, "测试", office_id=office_id)
    return create_case(district.store, report, now=now)


def principal_of_role(
    role: UserRole = UserRole.OPERATOR,
    *,
    username: str | None = None,
    office_id: int | None = None,
    user_id: int = 0,
    department: str | None = None,
) -> Principal:
    """A signed-in person of ``role`` (an office user needs ``office_id``, a department user
    ``department``); no user row is needed for reading and acting — the audit log records the name."""
    name = username or {UserRole.OPERATOR: "operator1"}.get(role, f"test-{role.name.lower()}")
    return Principal(user_id, name, name.title(), role, office_id, department)


def services_for(
    store: Store,
    role: UserRole = UserRole.OPERATOR,
    *,
    office_id: int | None = None,
    username: str | None = None,
    case_rules: CaseRuleSet | None = None,
    department: str | None = None,
) -> Services:
    """What a screen gets for a principal of ``role`` on ``store``."""
    who = principal_of_role(role, username=username, office_id=office_id, department=department)
    return Services(store, who, case_rules=case_rules)
