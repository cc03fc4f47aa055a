"""The demo's accounts: every demo user gets the documented password ``demo-<username>`` at the real
argon2 cost, and the demo signs in as the duty operator without a prompt."""

from __future__ import annotations

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.demo_accounts import assign_demo_passwords, demo_password, demo_principal
from commandcenter.accounts.passwords import PasswordHashing
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.testing.demo_district import DemoDistrict


def test_demo_users_log_in_with_the_documented_password(district: DemoDistrict) -> None:
    assert assign_demo_passwords(district.store) == 31  # 23 people + one per department (8)
    assert assign_demo_passwords(district.store) == 0  # idempotent: nobody is left without one
    accounts = account_queries.list_accounts(district.store)
    hashing = PasswordHashing()
    assert all(
        account.password_hash and not hashing.needs_rehash(account.password_hash) for account in accounts
    )
    auth = Authenticator(district.store)
    office_user = next(a for a in accounts if a.role == UserRole.OFFICE)
    principal = auth.login(office_user.username, demo_password(office_user.username))
    assert principal.role is UserRole.OFFICE
    assert principal.office_id == office_user.office_id


def test_the_demo_signs_in_as_the_duty_operator(district: DemoDistrict) -> None:
    principal = demo_principal(district.store)
    assert principal is not None
    assert (principal.username, principal.role) == ("operator1", UserRole.OPERATOR)
