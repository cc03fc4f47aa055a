"""Logging in, lockout and password change — every attempt recorded in the audit trail.

The rules: a wrong password and an unknown username get the same message (and the unknown one
still costs a hash, so timing does not tell them apart either); after ``max_failures`` wrong
passwords in a row the account locks for ``lock_minutes`` (stored, so every workstation sees it);
a user whose password was reset must choose a new one before working. A successful login upgrades
a hash made with old parameters. Single sign-on plugs in through ``SingleSignOn``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from commandcenter.accounts.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    PasswordChangeRequired,
    PasswordPolicyError,
)
from commandcenter.accounts.passwords import PasswordHashing, PasswordPolicy
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.validation import clean_password, clean_username
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.accounts import UserAccount
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.store import Store


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_minutes: int = 15


class SingleSignOn(Protocol):
    """An external identity provider (e.g. the city's unified login): turns a token into a username
    it vouches for, or None. Roles and office still come from our ``users`` table."""

    def username_for(self, token: str) -> str | None: ...


def principal_of(account: UserAccount) -> Principal:
    return Principal(
        account.id,
        account.username,
        account.display_name,
        UserRole(account.role),
        account.office_id,
        account.department,
    )


class Authenticator:
    def __init__(
        self,
        store: Store,
        *,
        hashing: PasswordHashing | None = None,
        policy: PasswordPolicy | None = None,
        lockout: LockoutPolicy | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.hashing = hashing or PasswordHashing()
        self.policy = policy or PasswordPolicy()
        self.lockout = lockout or LockoutPolicy()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.audit = AuditTrail(store, self.clock)
        self._dummy_hash: str | None = None

    def login(self, username: object, password: object) -> Principal:
        """The principal, or ``AuthenticationFailed`` / ``AccountLocked`` / ``AccountDisabled`` /
        ``PasswordChangeRequired`` / ``InvalidInput``."""
        account = self._check_password(clean_username(username), clean_password(password))
        if account.must_change_password:
            raise PasswordChangeRequired(account.username)
        self.audit.record(account.username, AuditAction.LOGIN_OK, account.username)
        return principal_of(account)

    def login_sso(self, provider: SingleSignOn, token: str) -> Principal:
        username = provider.username_for(token)
        account = None if username is None else account_queries.find_account(self.store, username)
        if account is None or not account.active:
            self.audit.record(username or "?", AuditAction.LOGIN_FAILED, username or "", {"via": "sso"})
            raise AuthenticationFailed()
        self.audit.record(account.username, AuditAction.LOGIN_OK, account.username, {"via": "sso"})
        return principal_of(account)

    def verify(self, principal: Principal, password: object) -> None:
        """Re-authentication (unlock screen, sensitive action): same counting and lockout as login."""
        self._check_password(principal.username, clean_password(password))

    def change_password(self, username: object, old_password: object, new_password: object) -> Principal:
        """Works also when a change is required (that is how a reset user gets in)."""
        account = self._check_password(clean_username(username), clean_password(old_password))
        new = clean_password(new_password)
        self.policy.check(new, account.username)
        if new == old_password:
            raise PasswordPolicyError(
                "新密码不能与旧密码相同 / the new password must differ from the old one"
            )
        account_queries.set_password_hash(
            self.store, account.id, self.hashing.hash(new), must_change=False, now=self.clock()
        )
        self.audit.record(account.username, AuditAction.PASSWORD_CHANGED, account.username)
        return principal_of(account)

    def _check_password(self, username: str, password: str) -> UserAccount:
        now = self.clock()
        account = account_queries.find_account(self.store, username)
        if account is None:
            self.hashing.verify(self._dummy(), password)  # same cost as a real check
            self.audit.record(username, AuditAction.LOGIN_FAILED, username, {"reason": "unknown user"})
            raise AuthenticationFailed()
        if account.locked_until is not None and account.locked_until > now:
            self.audit.record(username, AuditAction.LOGIN_LOCKED, username, {"until": account.locked_until})
            raise AccountLocked(account.locked_until, now)
        if not self.hashing.verify(account.password_hash, password):
            self._count_failure(account, now)
        if not account.active:
            self.audit.record(username, AuditAction.LOGIN_FAILED, username, {"reason": "disabled"})
            raise AccountDisabled()
        if account.failed_logins or account.locked_until is not None:
            account_queries.update_security(self.store, account.id, failed_logins=0, locked_until=None)
        if account.password_hash and self.hashing.needs_rehash(account.password_hash):
            account_queries.set_password_hash(
                self.store,
                account.id,
                self.hashing.hash(password),
                must_change=account.must_change_password,
                now=None,
            )
        return account

    def _count_failure(self, account: UserAccount, now: datetime) -> None:
        failures = account_queries.count_failure(self.store, account.id)
        if failures >= self.lockout.max_failures:
            until = now + timedelta(minutes=self.lockout.lock_minutes)
            account_queries.update_security(self.store, account.id, failed_logins=0, locked_until=until)
            self.audit.record(account.username, AuditAction.LOGIN_LOCKED, account.username, {"until": until})
            raise AccountLocked(until, now)
        self.audit.record(
            account.username,
            AuditAction.LOGIN_FAILED,
            account.username,
            {"reason": "password", "failures": failures},
        )
        raise AuthenticationFailed()

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self.hashing.hash("not-a-real-password")
        return self._dummy_hash
