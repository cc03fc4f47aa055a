"""Permissions enforced in the core services, on the real demo district: for each role, each
forbidden action through the service API is refused with ``PermissionDenied`` — nothing changes and
the refusal is audited — and the allowed paths work (an office user only on their own office)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.accounts.permissions import ROLE_PERMISSIONS
from commandcenter.accounts.principal import Principal
from commandcenter.audit import AuditAction, AuditTrail
from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.persistence.store import Store
from commandcenter.services.admin_service import AdminService
from commandcenter.services.case_service import CaseService
from commandcenter.services.category_service import CategoryService
from commandcenter.services.district_service import DistrictService
from commandcenter.services.plugin_service import PluginService
from commandcenter.services.user_service import UserService
from commandcenter.testing.accounts import CASE_TIME, FAST_HASHING, new_case
from commandcenter.testing.demo_district import DemoDistrict

NOW = CASE_TIME
OWN, OTHER = 1, 2  # the office user's office and another one


def _principal(role: UserRole) -> Principal:
    office = OWN if role is UserRole.OFFICE else None
    return Principal(900 + list(UserRole).index(role), f"{role.value}-test", role.value, role, office)


@dataclass
class Services:
    cases: CaseService
    users: UserService
    admin: AdminService
    district: DistrictService
    plugins: PluginService
    categories: CategoryService
    own_case: int
    other_case: int


Attempt = Callable[[Services], object]


def _step(action: str, case: str = "own") -> Attempt:
    def attempt(s: Services) -> object:
        case_id = s.own_case if case == "own" else s.other_case
        return s.cases.transition(case_id, 1, action, "理由")

    attempt.__name__ = f"{action}@{case}"
    return attempt


def _named(name: str, attempt: Attempt) -> Attempt:
    attempt.__name__ = name
    return attempt


APPROVE = _named(
    "approve_extension", lambda s: s.cases.approve_extension(s.own_case, 1, "延期", "office1", "等材料")
)
USERS = _named("list_users", lambda s: s.users.list_users())
CREATE = _named(
    "create_user", lambda s: s.users.create_user("new.user", "新用户", "admin", None, "pass-word-123")
)
RESET = _named("reset_password", lambda s: s.users.reset_password("operator1"))
PLUGIN = _named(
    "set_plugin_rule",
    lambda s: s.plugins.set_rule(EnablementRule("jianzhong_kiosks", Scope.OFFICE, "建中街街道", False)),
)
CATEGORIES = _named("save_categories", lambda s: s.categories.save([]))
SETTING = _named("change_setting", lambda s: s.admin.change_setting("theme", "dark", "light"))
API_KEY = _named("create_api_key", lambda s: s.admin.create_api_key("hotline"))
EXPORT = _named("export", lambda s: s.admin.authorize_export("cases.csv", 10))
READ_OTHER = _named("get_other_office_case", lambda s: s.cases.get_case(s.other_case))
ADMIN_ONLY = [USERS, CREATE, RESET, PLUGIN, SETTING, API_KEY]
NOT_CATEGORY_MANAGERS = [CATEGORIES]  # 值班长 and administrators change the category table
OFFICE_STEPS = [_step(a) for a in ("签收", "退回", "处置", "反馈")]

FORBIDDEN: dict[UserRole, list[Attempt]] = {
    UserRole.OPERATOR: [
        APPROVE,
        _step("延期"),
        _step("挂账"),
        _step("作废"),
        _step("恢复办理"),
        _step("简易处置"),
        *OFFICE_STEPS,
        *ADMIN_ONLY,
        *NOT_CATEGORY_MANAGERS,
    ],
    UserRole.SUPERVISOR: [_step("简易处置"), *OFFICE_STEPS, *ADMIN_ONLY],
    UserRole.LEADER: [
        _step("立案"),
        _step("派遣"),
        _step("结案"),
        _step("作废"),
        APPROVE,
        _step("简易处置"),
        *OFFICE_STEPS,
        *ADMIN_ONLY,
        *NOT_CATEGORY_MANAGERS,
    ],
    UserRole.OFFICE: [
        _step("立案"),
        _step("派遣"),
        _step("结案"),
        _step("作废"),
        _step("延期"),
        APPROVE,
        _step("简易处置"),
        EXPORT,
        READ_OTHER,
        _step("签收", "other"),
        *ADMIN_ONLY,
        *NOT_CATEGORY_MANAGERS,
    ],
    UserRole.INSPECTOR: [
        _step("立案"),
        _step("派遣"),
        _step("签收"),
        APPROVE,
        _step("作废"),
        EXPORT,
        *ADMIN_ONLY,
        *NOT_CATEGORY_MANAGERS,
    ],
    UserRole.ADMIN: [
        _step("立案"),
        _step("派遣"),
        _step("签收"),
        APPROVE,
        _step("简易处置"),
        _step("作废"),
        EXPORT,
    ],
}
CASES = [(role, attempt) for role, attempts in FORBIDDEN.items() for attempt in attempts]


def _services(district: DemoDistrict, principal: Principal) -> Services:
    store = district.store
    return Services(
        CaseService(store, principal, clock=lambda: NOW),
        UserService(store, principal, hashing=FAST_HASHING),
        AdminService(store, principal),
        DistrictService(store, principal),
        PluginService(store, principal),
        CategoryService(store, principal),
        new_case(district, OWN),
        new_case(district, OTHER),
    )


def _case_versions(store: Store) -> list[tuple[object, ...]]:
    return store.execute_raw("SELECT id, version, status FROM cases ORDER BY id")


@pytest.mark.parametrize(("role", "attempt"), CASES, ids=[f"{r.value}-{a.__name__}" for r, a in CASES])
def test_each_role_is_refused_each_forbidden_action(
    district: DemoDistrict, role: UserRole, attempt: Attempt
) -> None:
    services = _services(district, _principal(role))
    before = (_case_versions(district.store), district.store.execute_raw("SELECT * FROM users ORDER BY id"))
    with pytest.raises(PermissionDenied, match=r"无权限.*permission denied"):
        attempt(services)
    after = (_case_versions(district.store), district.store.execute_raw("SELECT * FROM users ORDER BY id"))
    assert after == before
    last = AuditTrail(district.store).recent(limit=1)[0]
    assert (last.actor, last.action) == (f"{role.value}-test", AuditAction.ACCESS_DENIED)


def test_every_role_has_a_permission_set() -> None:
    assert set(ROLE_PERMISSIONS) == set(UserRole)


def test_an_office_user_reads_and_acts_only_on_their_office(district: DemoDistrict) -> None:
    services = _services(district, _principal(UserRole.OFFICE))
    operator = CaseService(district.store, _principal(UserRole.OPERATOR), clock=lambda: NOW)
    staff = next(s for s in DistrictService(district.store, _principal(UserRole.OFFICE)).staff())
    operator.transition(services.own_case, 1, "立案")
    operator.transition(services.own_case, 2, "派遣", payload={"assignee_staff_id": staff.id})
    assert services.cases.get_case(services.own_case).version == 3
    assert services.cases.transition(services.own_case, 3, "签收").status == "签收"
    listed = services.cases.list_cases(limit=1000)
    assert listed
    assert {row.office for row in listed} == {listed[0].office}
    assert services.other_case not in {row.id for row in listed}
    assert {s.office_id for s in services.district.segments()} == {OWN}
    assert {s.office_id for s in services.district.staff()} == {OWN}
    assert len(DistrictService(district.store, _principal(UserRole.LEADER)).segments()) > len(
        services.district.segments()
    )


def test_only_a_supervisor_approves_an_extension_requested_by_the_office(district: DemoDistrict) -> None:
    office = _services(district, _principal(UserRole.OFFICE))
    operator = CaseService(district.store, _principal(UserRole.OPERATOR), clock=lambda: NOW)
    supervisor = CaseService(district.store, _principal(UserRole.SUPERVISOR), clock=lambda: NOW)
    staff = office.district.staff()[0]
    operator.transition(office.own_case, 1, "立案")
    operator.transition(office.own_case, 2, "派遣", payload={"assignee_staff_id": staff.id})
    office.cases.transition(office.own_case, 3, "签收")
    snapshot = supervisor.approve_extension(office.own_case, 4, "延期", "office-test", "等待材料")
    assert snapshot.extension_count == 1
    approval = AuditTrail(district.store).recent(action=AuditAction.APPROVAL)[-1]
    assert approval.actor == "supervisor-test"
    assert approval.details["requested_by"] == "office-test"


def test_dispatch_and_transitions_are_audited(district: DemoDistrict) -> None:
    services = _services(district, _principal(UserRole.OPERATOR))
    services.cases.transition(services.own_case, 1, "立案")
    staff = services.district.staff()[0]
    services.cases.transition(services.own_case, 2, "派遣", payload={"assignee_staff_id": staff.id})
    kinds = [r.action for r in AuditTrail(district.store).recent(limit=2)]
    assert kinds == [AuditAction.TRANSITION, AuditAction.DISPATCH]
    assert AuditTrail(district.store).verify().ok


def test_office_scoping_holds_on_both_databases(store: Store) -> None:
    """The scoped SQL (office filter, escaped search, case lookup) on SQLite and PostgreSQL."""
    load_demo_data(store, scale=1, now=CASE_TIME)
    office = CaseService(store, _principal(UserRole.OFFICE), clock=lambda: NOW)
    own = office.list_cases(limit=1000)
    everyone = CaseService(store, _principal(UserRole.LEADER)).list_cases(limit=1000)
    assert own
    assert len(own) < len(everyone)
    assert {row.id for row in own} <= {row.id for row in everyone}
    other = next(
        row.id for row in everyone if row.id not in {mine.id for mine in own} and row.office is not None
    )
    with pytest.raises(PermissionDenied, match=f"case {other} belongs to another office"):
        office.get_case(other)
    assert office.get_case(own[0].id).id == own[0].id
    assert office.list_cases(own[0].number) == [own[0]]
    assert {s.office_id for s in DistrictService(store, _principal(UserRole.OFFICE)).staff()} == {OWN}
