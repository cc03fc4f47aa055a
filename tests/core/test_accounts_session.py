"""Sessions: lock after inactivity, unlock with the password (with lockout), re-auth before sensitive
actions — driven by a fake clock, never by waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.errors import AuthenticationFailed, ReauthRequired, SessionLocked
from commandcenter.accounts.session import Session
from commandcenter.audit import AuditAction
from commandcenter.config import load_settings
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.user_service import UserService
from commandcenter.testing.accounts import FAST_HASHING, PASSWORD, make_user


class Clock:
    now = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Store, Authenticator, Clock]:
    store = Store.open(f"sqlite:///{tmp_path / 's.sqlite'}")
    clock = Clock()
    make_user(store, "admin", UserRole.ADMIN)
    make_user(store, "operator1")
    return store, Authenticator(store, hashing=FAST_HASHING, clock=clock), clock


def test_the_session_locks_after_inactivity_and_unlocks_with_the_password(
    setup: tuple[Store, Authenticator, Clock],
) -> None:
    _store, auth, clock = setup
    session = Session(auth.login("operator1", PASSWORD), auth, lock_after=timedelta(minutes=10), clock=clock)
    clock.now += timedelta(minutes=9)
    session.touch()
    clock.now += timedelta(minutes=9)
    assert not session.should_lock()  # activity restarted the timer
    clock.now += timedelta(minutes=1)
    assert session.should_lock()
    session.lock()
    with pytest.raises(AuthenticationFailed):
        session.unlock("wrong-password-1")
    assert session.locked
    session.unlock(PASSWORD)
    assert not session.locked
    assert not session.should_lock()
    actions = [r.action for r in auth.audit.recent()]
    assert actions[-3:] == [
        AuditAction.SESSION_LOCKED,
        AuditAction.LOGIN_FAILED,
        AuditAction.SESSION_UNLOCKED,
    ]


def test_sensitive_actions_need_a_recent_password(setup: tuple[Store, Authenticator, Clock]) -> None:
    store, auth, clock = setup
    admin = auth.login("admin", PASSWORD)
    session = Session(admin, auth, reauth_window=timedelta(minutes=5), clock=clock)
    users = UserService(store, admin, session=session, hashing=FAST_HASHING)
    users.unlock("operator1")  # just logged in: fine
    clock.now += timedelta(minutes=6)
    with pytest.raises(ReauthRequired):
        users.reset_password("operator1")
    session.reauthenticate(PASSWORD)
    assert users.reset_password("operator1")
    session.lock()
    with pytest.raises(SessionLocked):
        users.unlock("operator1")


def test_a_session_without_lock_time_never_locks(setup: tuple[Store, Authenticator, Clock]) -> None:
    _store, auth, clock = setup
    session = Session(auth.login("operator1", PASSWORD), None, lock_after=None, clock=clock)
    clock.now += timedelta(days=1)
    assert not session.should_lock()


def test_the_lock_time_comes_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[session]\nlock_after_min = 3\nreauth_window_min = 1\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    assert (settings.session.lock_after_min, settings.session.reauth_window_min) == (3.0, 1.0)
