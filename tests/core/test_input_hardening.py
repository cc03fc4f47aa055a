"""Hostile input in every form and search field of the account and case services: oversized text,
bytes that are not UTF-8, lone surrogates, NUL and control characters get a clear ``InvalidInput``
and change nothing. SQL text is refused where the field has a strict shape (usernames, roles,
statuses, actions); in free text (search, reasons) it is just text — stored and matched literally,
because every query is parameterised — which the tests prove by the tables surviving."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.principal import Principal
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.case_service import CaseService
from commandcenter.services.user_service import UserService
from commandcenter.testing.accounts import CASE_TIME as NOW, FAST_HASHING, PASSWORD, make_user, new_case
from commandcenter.testing.demo_district import DemoDistrict

SQL = ["' OR '1'='1", "admin'--", "'; DROP TABLE users; --", "1; DELETE FROM cases"]
BAD_TEXT: list[object] = ["x" * 100_000, b"\xff\xfe\xfa", "abc\ud800def", "a\x00b", "\x1b[31mred", 42]
OPERATOR = Principal(1, "operator1", "值班员", UserRole.OPERATOR, None)


def _snapshot(store: Store) -> list[object]:
    return [
        store.execute_raw(f"SELECT * FROM {table} ORDER BY 1") for table in ("users", "cases", "case_events")
    ]


Field = Callable[[object], object]


def _account_fields(store: Store) -> dict[str, Field]:
    auth = Authenticator(store, hashing=FAST_HASHING)
    admin = Principal(1, "admin", "管理员", UserRole.ADMIN, None)
    users = UserService(store, admin, hashing=FAST_HASHING)
    return {
        "login username": lambda v: auth.login(v, PASSWORD),
        "login password": lambda v: auth.login("admin", v),
        "new password": lambda v: auth.change_password("admin", PASSWORD, v),
        "create username": lambda v: users.create_user(v, "新用户", "operator", None, "pass-word-123"),
        "create display name": lambda v: users.create_user("new.user", v, "operator", None, "pass-word-123"),
        "create role": lambda v: users.create_user("new.user", "新用户", v, None, "pass-word-123"),
        "reset username": lambda v: users.reset_password(v),
        "unlock username": lambda v: users.unlock(v),
    }


STRICT = ["login username", "create username", "create role", "reset username", "unlock username"]
FREE = ["login password", "new password", "create display name"]
ACCOUNT_CASES = [(f, v) for f in STRICT for v in BAD_TEXT + SQL] + [(f, v) for f in FREE for v in BAD_TEXT]


@pytest.fixture(scope="module")
def account_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One SQLite store for the module: validation happens before any SQL, so the engine does not
    matter here (the login tests run both engines)."""
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('accounts') / 'a.sqlite'}")
    make_user(store, "admin", UserRole.ADMIN)
    make_user(store, "operator1")
    yield store
    store.close()


@pytest.mark.parametrize(("field", "value"), ACCOUNT_CASES, ids=[f"{f}-{v!r:.20}" for f, v in ACCOUNT_CASES])
def test_account_fields_refuse_bad_input_and_change_nothing(
    account_store: Store, field: str, value: object
) -> None:
    before = _snapshot(account_store)
    with pytest.raises(InvalidInput, match="invalid input"):
        _account_fields(account_store)[field](value)
    assert _snapshot(account_store) == before


def _case_fields(district: DemoDistrict, case_id: int) -> dict[str, Field]:
    cases = CaseService(district.store, OPERATOR, clock=lambda: NOW)
    return {
        "search text": lambda v: cases.list_cases(v),
        "status filter": lambda v: cases.list_cases("", v),
        "reason": lambda v: cases.transition(case_id, 1, "不予立案", v),
        "payload note": lambda v: cases.transition(case_id, 1, "立案", "", {"note": v}),
        "action": lambda v: cases.transition(case_id, 1, v, "理由"),
        "case id": lambda v: cases.get_case(v),  # type: ignore[arg-type]
    }


CASE_FIELDS = ["search text", "status filter", "reason", "payload note", "action", "case id"]
NUMBERS_ALLOWED = {"payload note", "case id"}
CASE_CASES = [(f, v) for f in CASE_FIELDS for v in BAD_TEXT if not (f in NUMBERS_ALLOWED and v == 42)]
CASE_CASES += [("case id", v) for v in (-1, 0, 2**70, True, "1", "1 OR 1=1")]


@pytest.mark.parametrize(("field", "value"), CASE_CASES, ids=[f"{f}-{v!r:.20}" for f, v in CASE_CASES])
def test_case_fields_refuse_bad_input_and_change_nothing(
    district: DemoDistrict, field: str, value: object
) -> None:
    case_id = new_case(district, 1)
    before = _snapshot(district.store)
    with pytest.raises(InvalidInput, match="invalid input"):
        _case_fields(district, case_id)[field](value)
    assert _snapshot(district.store) == before


@pytest.mark.parametrize("value", SQL)
def test_sql_in_free_text_is_only_text(district: DemoDistrict, value: str) -> None:
    cases = CaseService(district.store, OPERATOR, clock=lambda: NOW)
    assert cases.list_cases(value) == []  # no case contains it; the query did not change meaning
    with pytest.raises(InvalidInput):
        cases.list_cases("", value)  # status has a closed vocabulary
    with pytest.raises(InvalidInput):
        cases.transition(new_case(district, 1), 1, value, "理由")
    case_id = new_case(district, 1)
    snapshot = cases.transition(case_id, 1, "不予立案", value)
    assert snapshot.status == "不予立案"
    stored = district.store.execute_raw(f"SELECT note FROM case_events WHERE case_id = {case_id} ORDER BY id")
    assert stored[-1] == (value,)
    assert district.store.execute_raw("SELECT COUNT(*) FROM users")[0][0] > 0


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_like_wildcards_in_search_are_literal(district: DemoDistrict, wildcard: str) -> None:
    cases = CaseService(district.store, OPERATOR, clock=lambda: NOW)
    assert cases.list_cases(wildcard) == []  # no number or address holds one; unescaped, all would match
