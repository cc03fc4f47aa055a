"""A signed-in session: locks after inactivity, and asks for the password again before sensitive
actions when the last authentication is older than the re-auth window.

Qt-free and clock-driven: the UI reports activity (``touch``) and polls ``should_lock`` from a timer;
tests move a fake clock instead of waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.errors import ReauthRequired, SessionLocked
from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction


class Session:
    def __init__(
        self,
        principal: Principal,
        authenticator: Authenticator | None,
        *,
        lock_after: timedelta | None = timedelta(minutes=15),
        reauth_window: timedelta = timedelta(minutes=5),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``authenticator`` None: a session that cannot be unlocked by password (the demo's
        auto-login; it never locks because ``lock_after`` is None there)."""
        self.principal = principal
        self._authenticator = authenticator
        self.lock_after = lock_after
        self.reauth_window = reauth_window
        self._clock = clock or (lambda: datetime.now(UTC))
        now = self._clock()
        self._last_activity = now
        self._last_auth = now
        self.locked = False

    def touch(self) -> None:
        """The person did something (key, mouse): the inactivity timer starts over."""
        if not self.locked:
            self._last_activity = self._clock()

    def should_lock(self) -> bool:
        if self.locked or self.lock_after is None:
            return self.locked
        return self._clock() - self._last_activity >= self.lock_after

    def lock(self) -> None:
        if not self.locked:
            self.locked = True
            self._record(AuditAction.SESSION_LOCKED)

    def unlock(self, password: object) -> None:
        """Password check with the same lockout as a login; raises on failure, stays locked."""
        self._verify(password)
        self.locked = False
        self._last_activity = self._last_auth = self._clock()
        self._record(AuditAction.SESSION_UNLOCKED)

    def require_recent_auth(self) -> None:
        """Call before a sensitive action; ``ReauthRequired`` means: prompt, then ``reauthenticate``."""
        if self.locked:
            raise SessionLocked()
        if self._clock() - self._last_auth > self.reauth_window:
            raise ReauthRequired()

    def reauthenticate(self, password: object) -> None:
        self._verify(password)
        self._last_auth = self._last_activity = self._clock()

    def _verify(self, password: object) -> None:
        if self._authenticator is None:
            raise ReauthRequired()
        self._authenticator.verify(self.principal, password)

    def _record(self, action: AuditAction) -> None:
        if self._authenticator is not None:
            self._authenticator.audit.record(self.principal.username, action, self.principal.username)
