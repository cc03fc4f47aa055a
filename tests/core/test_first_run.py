"""The first administrator from the GUI's first-run dialog, through ``Workspace`` on both databases:
only while nobody can sign in, checked in the insert itself, audited as ``first-run:<OS user>``."""

from __future__ import annotations

import pytest

from commandcenter.accounts.errors import PasswordPolicyError
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.store import Store
from commandcenter.services.errors import FirstRunOver, InvalidInput
from commandcenter.services.workspace import Workspace

GOOD = "Erqi-admin-2026"


@pytest.fixture
def workspace(store: Store, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("LOGNAME", "it-zhang")
    return Workspace(store)  # the ``store`` fixture closes it


def test_an_empty_database_makes_its_first_administrator_once(workspace: Workspace, store: Store) -> None:
    assert workspace.needs_first_administrator()
    workspace.create_first_administrator("it.admin", "信息科", GOOD)
    assert not workspace.needs_first_administrator()
    principal = workspace.authenticator().login("it.admin", GOOD)  # a final password: no change asked
    assert (principal.username, principal.role.value, principal.display_name) == (
        "it.admin",
        "admin",
        "信息科",
    )
    with pytest.raises(FirstRunOver):
        workspace.create_first_administrator("second.admin", "第二位", GOOD)
    assert [a.username for a in account_queries.list_accounts(store)] == ["it.admin"]
    made = [r for r in AuditTrail(store).recent() if r.action == AuditAction.USER_CHANGE.value]
    assert [(r.actor, r.target) for r in made] == [("first-run:it-zhang", "user:it.admin")]


def test_the_check_is_in_the_insert_not_only_before_it(workspace: Workspace, store: Store) -> None:
    """Two workstations both saw "nobody"; the slower one's insert itself refuses (the service
    does not ask ``needs_first_administrator`` first: only the insert's own condition can refuse)."""
    assert workspace.needs_first_administrator()
    other = Workspace(store)
    other.create_first_administrator("quick.admin", "快的", GOOD)
    with pytest.raises(FirstRunOver):
        workspace.create_first_administrator("slow.admin", "慢的", GOOD)
    assert [a.username for a in account_queries.list_accounts(store)] == ["quick.admin"]


def test_a_user_who_cannot_sign_in_does_not_end_the_first_run(workspace: Workspace, store: Store) -> None:
    """A disabled account (or one without a password) lets nobody in: the first run is still offered."""
    workspace.create_first_administrator("old.admin", "旧管理员", GOOD)
    old = account_queries.find_account(store, "old.admin")
    assert old is not None
    account_queries.update_user(store, old.id, active=False)
    assert workspace.needs_first_administrator()
    workspace.create_first_administrator("new.admin", "新管理员", GOOD)
    assert not workspace.needs_first_administrator()


def test_refused_fields_store_nothing(workspace: Workspace, store: Store) -> None:
    with pytest.raises(PasswordPolicyError):
        workspace.create_first_administrator("it.admin", "信息科", "short")
    with pytest.raises(InvalidInput):
        workspace.create_first_administrator("it admin!", "信息科", GOOD)
    with pytest.raises(InvalidInput):
        workspace.create_first_administrator("it.admin", "", GOOD)
    assert workspace.needs_first_administrator()
    assert account_queries.list_accounts(store) == []
