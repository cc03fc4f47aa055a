"""``commandcenter users …`` as IT scripts run it, on real SQLite files (and once on PostgreSQL): the
first administrator of an empty install signs in, refusals are one line with exit 2 and store nothing,
and every change is audited under ``cli:<OS user>``."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.errors import AccessError, AccountDisabled, AccountLocked, PasswordChangeRequired
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cli import main
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.district.models import Office
from commandcenter.persistence.store import Store

GOOD = "Erqi-admin-2026"
TAKEN = "输入无效（username）：用户名 root 已被占用 / invalid input (username): the name root is taken"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


Run = Callable[..., tuple[int, str, str]]
Add = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``commandcenter ARGS`` with ``stdin`` piped in, as the OS user ``it-zhang``."""
    monkeypatch.setenv("LOGNAME", "it-zhang")

    def run_(*args: str, stdin: str = "", terminal: bool = False) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", Terminal(stdin) if terminal else io.StringIO(stdin))
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cc.sqlite'}"


@pytest.fixture
def add(run: Run, url: str) -> Add:
    """``users add NAME --role ROLE [OPTIONS] --password-stdin`` on ``url`` with ``password`` piped."""

    def add_(name: str, role: str, *options: str, password: str = GOOD, on: str = "") -> tuple[int, str, str]:
        return run(
            "users",
            "add",
            name,
            "--role",
            role,
            *options,
            "--password-stdin",
            "--url",
            on or url,
            stdin=password,
        )

    return add_


def _columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) == "W" else 1 for char in text)


def _login(url: str, name: str, password: str) -> UserRole:
    store = Store.open(url)
    try:
        return Authenticator(store).login(name, password).role
    finally:
        store.close()


def test_the_first_admin_of_a_brand_new_file_signs_in(add: Add, url: str) -> None:
    code, out, err = add("root", "admin", password=f"{GOOD}\n")  # no `db upgrade`: no file yet
    assert code == 0, err
    assert "created user root (admin)" in out
    assert _login(url, "root", GOOD) is UserRole.ADMIN


def test_a_weak_password_is_one_line_and_stores_nothing(run: Run, add: Add, url: str) -> None:
    code, _, err = add("root", "admin", password="short\n")
    assert code == 2
    assert err.splitlines() == ["错误 error: 密码至少 10 位 / the password needs at least 10 characters"]
    assert not Path(url.removeprefix("sqlite:///")).exists()  # not even an empty database
    assert run("db", "upgrade", "--url", url)[0] == 0
    code, _, err = add("root", "admin", password="root-12345")
    assert (code, "must not contain the username" in err) == (2, True)
    store = Store.open(url)
    try:
        assert account_queries.list_accounts(store) == []
    finally:
        store.close()


def test_a_duplicate_and_an_office_user_without_office_are_refused(run: Run, add: Add, url: str) -> None:
    assert add("root", "admin")[0] == 0
    code, _, err = add("root", "operator")
    assert (code, err.splitlines()[-1]) == (2, "错误 error: " + TAKEN)
    code, _, err = add("wang", "office")
    assert (code, "office users need --office" in err) == (2, True)
    code, _, err = add("wang", "office", "--office", "京广路")
    assert (code, "no office '京广路'" in err) == (2, True)
    assert len(run("users", "list", "--url", url)[1].splitlines()) == 2  # the header and root


def test_office_users_by_code_or_name_and_the_list(run: Run, add: Add, url: str) -> None:
    _add_office(url, "410103001", "淮河路街道")
    code, out, err = add("wang", "office", "--office", "410103001", "--display-name", "王五")
    assert code == 0, err
    assert "(office, 淮河路街道)" in out
    assert add("li", "operator")[0] == 0
    assert run("users", "set-role", "li", "--role", "office", "--office", "淮河路街道", "--url", url)[0] == 0
    code, out, _ = run("users", "list", "--url", url)
    assert [line.split() for line in out.splitlines()[1:]] == [
        ["wang", "王五", "office", "淮河路街道", "yes", "no"],
        ["li", "li", "office", "淮河路街道", "yes", "no"],
    ]
    wang, li = out.splitlines()[1:]
    assert _columns(wang[: wang.index("office")]) == _columns(li[: li.index("office")])  # 王五 is 4 wide


def test_disable_enable_reset_unlock_are_audited_under_the_os_user(run: Run, add: Add, url: str) -> None:
    add("li", "operator")
    assert run("users", "disable", "li", "--url", url)[0] == 0
    with pytest.raises(AccountDisabled):
        _login(url, "li", GOOD)
    assert run("users", "enable", "li", "--url", url)[0] == 0
    assert _login(url, "li", GOOD) is UserRole.OPERATOR
    code, out, _ = run("users", "reset-password", "li", "--url", url)
    temporary = out.strip()
    assert (code, len(temporary) >= 10) == (0, True)
    with pytest.raises(PasswordChangeRequired):
        _login(url, "li", temporary)
    _lock_out(url, "li")
    with pytest.raises(AccountLocked):
        _login(url, "li", temporary)
    assert run("users", "unlock", "li", "--url", url)[0] == 0
    with pytest.raises(PasswordChangeRequired):  # unlocked: the right password gets as far as the change
        _login(url, "li", temporary)
    store = Store.open(url)
    try:
        changes = [r for r in AuditTrail(store).recent() if r.actor == "cli:it-zhang"]
    finally:
        store.close()
    assert sorted((r.action, r.details.get("change", "")) for r in changes) == sorted(
        [
            (AuditAction.USER_CHANGE, "create"),
            (AuditAction.USER_CHANGE, "active"),
            (AuditAction.USER_CHANGE, "active"),
            (AuditAction.PASSWORD_RESET, ""),
            (AuditAction.USER_CHANGE, "unlock"),
        ]
    )
    assert {r.target for r in changes} == {"user:li"}


def test_a_piped_reset_password_and_must_change(run: Run, add: Add, url: str) -> None:
    add("li", "operator", "--must-change")
    with pytest.raises(PasswordChangeRequired):
        _login(url, "li", GOOD)
    reset = ("users", "reset-password", "li", "--password-stdin", "--url", url)
    code, out, err = run(*reset, stdin="Another-pass-9\r\n")
    assert (code, out, "must change the password" in err) == (0, "", True)
    with pytest.raises(PasswordChangeRequired):
        _login(url, "li", "Another-pass-9")


def test_no_password_without_a_terminal_or_a_pipe(run: Run, url: str) -> None:
    code, _, err = run("users", "add", "root", "--role", "admin", "--url", url)
    assert (code, "--password-stdin" in err) == (2, True)


def test_a_terminal_asks_twice(run: Run, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([GOOD, GOOD + "x", GOOD, GOOD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, _, err = run("users", "add", "root", "--role", "admin", "--url", url, terminal=True)
    assert (code, "the two passwords differ" in err) == (2, True)
    assert run("users", "add", "root", "--role", "admin", "--url", url, terminal=True)[0] == 0
    assert _login(url, "root", GOOD) is UserRole.ADMIN


@pytest.mark.postgres
def test_db_upgrade_then_users_add_on_postgresql(run: Run, add: Add, pg_url: str) -> None:
    assert run("db", "upgrade", "--url", pg_url)[0] == 0
    code, _, err = add("root", "admin", on=pg_url)
    assert code == 0, err
    assert _login(pg_url, "root", GOOD) is UserRole.ADMIN
    assert add("root", "admin", on=pg_url)[0] == 2


def _add_office(url: str, code: str, name: str) -> None:
    ring = [[113.6, 34.7], [113.7, 34.7], [113.7, 34.8], [113.6, 34.7]]
    bbox = {"min_lon": 113.6, "max_lon": 113.7, "min_lat": 34.7, "max_lat": 34.8}
    store = Store.open(url)
    try:
        with store.engine.begin() as connection:
            connection.execute(
                insert(Office).values(
                    code=code,
                    name=name,
                    kind="街道",
                    center_lon=113.65,
                    center_lat=34.75,
                    boundary=ring,
                    **bbox,
                )
            )
    finally:
        store.close()


def _lock_out(url: str, name: str) -> None:
    """Five wrong passwords in a row: the account locks (``LockoutPolicy``'s default)."""
    store = Store.open(url)
    try:
        for _ in range(5):
            with pytest.raises(AccessError):
                Authenticator(store).login(name, "wrong-password-1")
    finally:
        store.close()


def test_a_department_is_set_listed_and_cleared(run: Run, add: Add, url: str) -> None:
    code, out, err = add("aiwei", "supervisor", "--department", "爱卫办")
    assert code == 0, err
    assert "(supervisor, 爱卫办)" in out
    assert run("users", "list", "--url", url)[1].splitlines()[1].split()[3] == "爱卫办"
    assert run("users", "set-department", "aiwei", "社管办", "--url", url)[0] == 0
    assert run("users", "list", "--url", url)[1].splitlines()[1].split()[3] == "社管办"
    code, out, _ = run("users", "set-department", "aiwei", "", "--url", url)
    assert (code, "department of aiwei: —" in out) == (0, True)
    assert (
        len(run("users", "list", "--url", url)[1].splitlines()[1].split()) == 5
    )  # no department column text
    code, _, err = run("users", "set-department", "aiwei", "部" * 41, "--url", url)
    assert (code, "longer than 40" in err) == (2, True)
