"""Logging in on both databases: right and wrong passwords, lockout with its remaining time, rehash
when the hashing parameters change, password change with the policy, and an admin reset that forces
a change — every attempt leaves an audit row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.accounts.authenticator import Authenticator, LockoutPolicy
from commandcenter.accounts.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    InvalidInput,
    PasswordChangeRequired,
    PasswordPolicyError,
)
from commandcenter.accounts.passwords import HashParameters, PasswordHashing
from commandcenter.audit import AuditAction
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.store import Store
from commandcenter.services.user_service import UserService
from commandcenter.testing.accounts import FAST_HASHING, PASSWORD, make_user


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(store: Store, clock: Clock) -> Authenticator:
    return Authenticator(store, hashing=FAST_HASHING, lockout=LockoutPolicy(3, 15), clock=clock)


def _actions(auth: Authenticator) -> list[str]:
    return [record.action for record in auth.audit.recent()]


def test_right_password_logs_in_as_the_users_role(store: Store, auth: Authenticator) -> None:
    make_user(store, "operator1")
    principal = auth.login("operator1", PASSWORD)
    assert (principal.username, principal.role) == ("operator1", UserRole.OPERATOR)
    assert _actions(auth) == [AuditAction.LOGIN_OK]


def test_wrong_password_and_unknown_user_get_the_same_message(store: Store, auth: Authenticator) -> None:
    make_user(store, "operator1")
    with pytest.raises(AuthenticationFailed) as wrong:
        auth.login("operator1", "wrong-password-1")
    with pytest.raises(AuthenticationFailed) as unknown:
        auth.login("nobody", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "用户名或密码错误 / wrong username or password"
    assert _actions(auth) == [AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED]


def test_lockout_after_repeated_failures_says_how_long(
    store: Store, auth: Authenticator, clock: Clock
) -> None:
    make_user(store, "operator1")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            auth.login("operator1", "wrong-password-1")
    with pytest.raises(AccountLocked) as locked:
        auth.login("operator1", "wrong-password-1")
    assert "15 分钟" in str(locked.value)
    assert "15 min" in str(locked.value)
    clock.now += timedelta(minutes=10)
    with pytest.raises(AccountLocked) as still:  # even the right password waits
        auth.login("operator1", PASSWORD)
    assert still.value.remaining_minutes == 5
    clock.now += timedelta(minutes=5)
    assert auth.login("operator1", PASSWORD).username == "operator1"
    assert _actions(auth)[-3:] == [AuditAction.LOGIN_LOCKED, AuditAction.LOGIN_LOCKED, AuditAction.LOGIN_OK]


def test_a_success_resets_the_failure_count(store: Store, auth: Authenticator) -> None:
    user_id = make_user(store, "operator1")
    with pytest.raises(AuthenticationFailed):
        auth.login("operator1", "wrong-password-1")
    auth.login("operator1", PASSWORD)
    account = account_queries.account_by_id(store, user_id)
    assert account is not None
    assert account.failed_logins == 0


def test_a_disabled_account_is_refused(store: Store, auth: Authenticator) -> None:
    user_id = make_user(store, "operator1")
    account_queries.update_user(store, user_id, active=False)
    with pytest.raises(AccountDisabled):
        auth.login("operator1", PASSWORD)


def test_changed_parameters_rehash_on_login(store: Store, clock: Clock) -> None:
    user_id = make_user(store, "operator1")
    stronger = PasswordHashing(HashParameters(time_cost=2, memory_kib=8_192, parallelism=1))
    Authenticator(store, hashing=stronger, clock=clock).login("operator1", PASSWORD)
    account = account_queries.account_by_id(store, user_id)
    assert account is not None
    assert account.password_hash is not None
    assert "t=2" in account.password_hash
    assert not stronger.needs_rehash(account.password_hash)


def test_password_change_needs_the_old_password_and_meets_the_policy(
    store: Store, auth: Authenticator
) -> None:
    make_user(store, "operator1")
    with pytest.raises(AuthenticationFailed):
        auth.change_password("operator1", "not-the-old-1", "brand-new-pass-2")
    for weak, rule in [
        ("short-1", "at least 10"),
        ("onlyletterslong", "two of"),
        ("x-operator1-9", "username"),
    ]:
        with pytest.raises(PasswordPolicyError, match=rule):
            auth.change_password("operator1", PASSWORD, weak)
    auth.change_password("operator1", PASSWORD, "brand-new-pass-2")
    with pytest.raises(AuthenticationFailed):
        auth.login("operator1", PASSWORD)
    assert auth.login("operator1", "brand-new-pass-2").username == "operator1"


def test_admin_reset_forces_a_change_at_next_login(store: Store, auth: Authenticator) -> None:
    make_user(store, "admin", UserRole.ADMIN)
    make_user(store, "operator1")
    admin = auth.login("admin", PASSWORD)
    temporary = UserService(store, admin, hashing=FAST_HASHING).reset_password("operator1")
    with pytest.raises(PasswordChangeRequired):
        auth.login("operator1", temporary)
    auth.change_password("operator1", temporary, "brand-new-pass-2")
    assert auth.login("operator1", "brand-new-pass-2").username == "operator1"
    assert AuditAction.PASSWORD_RESET in _actions(auth)


def test_admins_manage_users_with_clear_refusals(store: Store, auth: Authenticator) -> None:
    make_user(store, "admin", UserRole.ADMIN)
    admin = auth.login("admin", PASSWORD)
    users = UserService(store, admin, hashing=FAST_HASHING)
    users.create_user("zhang.san", "张三", "supervisor", None, "first-pass-123")
    with pytest.raises(InvalidInput, match="taken"):
        users.create_user("zhang.san", "张三", "supervisor", None, "first-pass-123")
    with pytest.raises(InvalidInput, match="office users need an office"):
        users.create_user("li.si", "李四", "office", None, "first-pass-123")
    with pytest.raises(InvalidInput, match="office does not exist"):
        users.set_role("zhang.san", "office", 999_999)
    with pytest.raises(InvalidInput, match="cannot disable your own account"):
        users.set_active("admin", False)
    with pytest.raises(PasswordChangeRequired):  # a new user chooses their own password first
        auth.login("zhang.san", "first-pass-123")
    users.set_active("zhang.san", False)
    with pytest.raises(AccountDisabled):
        auth.change_password("zhang.san", "first-pass-123", "second-pass-456")
    assert [a.username for a in users.list_users()] == ["admin", "zhang.san"]
