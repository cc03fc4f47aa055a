"""Reads and writes of login accounts: the user row plus its ``account_security`` state.

Every function takes a ``Store`` and turns driver errors into ``DatabaseUnavailable``; the rules
(lockout policy, password policy, who may call what) live in ``commandcenter.accounts`` and
``commandcenter.services`` — this module only stores what they decided.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Integer,
    String,
    exc,
    exists,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from commandcenter.domain.accounts import UserAccount
from commandcenter.persistence.access import as_utc, reading, unavailable, writing
from commandcenter.persistence.accounts.models import AccountSecurity, User
from commandcenter.persistence.database import describe_error
from commandcenter.persistence.store import Store

_user, _security = User, AccountSecurity


def _account_select():  # type: ignore[no-untyped-def]
    return select(
        _user.id,
        _user.username,
        _user.display_name,
        _user.role_code,
        _user.office_id,
        _user.password_hash,
        _user.active,
        _security.failed_logins,
        _security.locked_until,
        _security.must_change_password,
        _user.department,
    ).outerjoin(_security, _security.user_id == _user.id)


def _account(row: tuple[Any, ...]) -> UserAccount:
    locked = None if row[8] is None else as_utc(row[8])
    return UserAccount(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        bool(row[6]),
        int(row[7] or 0),
        locked,
        bool(row[9]),
        row[10],
    )


def find_account(store: Store, username: str) -> UserAccount | None:
    with reading(store) as connection:
        row = connection.execute(_account_select().where(_user.username == username)).first()
    return None if row is None else _account(tuple(row))


def account_by_id(store: Store, user_id: int) -> UserAccount | None:
    with reading(store) as connection:
        row = connection.execute(_account_select().where(_user.id == user_id)).first()
    return None if row is None else _account(tuple(row))


def list_accounts(store: Store) -> list[UserAccount]:
    with reading(store) as connection:
        rows = connection.execute(_account_select().order_by(_user.id)).all()
    return [_account(tuple(row)) for row in rows]


class SomeoneCanSignIn(Exception):
    """``create_user(..., only_if_nobody_signs_in=True)`` found a user who can sign in: nothing stored."""


def _can_sign_in():  # type: ignore[no-untyped-def]
    return exists().where(_user.active.is_(True), _user.password_hash.is_not(None), _user.password_hash != "")


def anyone_can_sign_in(store: Store) -> bool:
    """Whether some active user has a password — False on a fresh install (the first-run case)."""
    with reading(store) as connection:
        return bool(connection.execute(select(_can_sign_in())).scalar())


def _ensure_security_row(connection: Connection, user_id: int) -> None:
    """Users made outside this module (the demo generator) have no row yet. ``ON CONFLICT DO NOTHING``
    (same syntax on both engines) lets two workstations' first failed logins race harmlessly."""
    insert_ = sqlite_insert if connection.dialect.name == "sqlite" else postgresql_insert
    connection.execute(
        insert_(_security)
        .values(user_id=user_id, failed_logins=0, must_change_password=False)
        .on_conflict_do_nothing(index_elements=[_security.user_id])
    )


def update_security(store: Store, user_id: int, **values: object) -> None:
    """Set login-state columns (failed_logins, locked_until, must_change_password, …)."""
    with writing(store) as connection:
        _ensure_security_row(connection, user_id)
        connection.execute(update(_security).where(_security.user_id == user_id).values(**values))


def count_failure(store: Store, user_id: int) -> int:
    """Add one failed login and return the new count; the increment happens in SQL so two
    workstations guessing at once both count."""
    with writing(store) as connection:
        _ensure_security_row(connection, user_id)
        connection.execute(
            update(_security)
            .where(_security.user_id == user_id)
            .values(failed_logins=_security.failed_logins + 1)
        )
        return int(
            connection.execute(
                select(_security.failed_logins).where(_security.user_id == user_id)
            ).scalar_one()
        )


def set_password_hash(
    store: Store, user_id: int, password_hash: str, *, must_change: bool, now: datetime | None
) -> None:
    """Store a new hash; ``now`` None keeps password_changed_at (a rehash is not a change)."""
    with writing(store) as connection:
        connection.execute(update(_user).where(_user.id == user_id).values(password_hash=password_hash))
        _ensure_security_row(connection, user_id)
        values: dict[str, object] = {"must_change_password": must_change}
        if now is not None:
            values.update(password_changed_at=now, failed_logins=0, locked_until=None)
        connection.execute(update(_security).where(_security.user_id == user_id).values(**values))


def create_user(
    store: Store,
    username: str,
    display_name: str,
    role: str,
    office_id: int | None,
    password_hash: str,
    *,
    must_change: bool = True,
    only_if_nobody_signs_in: bool = False,
    department: str | None = None,
) -> int:
    """A new active user; by default one who must change the initial password at first login.
    ``only_if_nobody_signs_in`` (the first administrator from the GUI) checks in the same statement
    that no user can sign in yet — PostgreSQL first locks ``users`` against concurrent writers, SQLite
    holds its one write lock — and raises ``SomeoneCanSignIn`` when one can, so two racing
    workstations make one administrator."""
    values = select(
        literal(username, String),
        literal(display_name, String),
        literal(role, String),
        literal(office_id, Integer),
        literal(password_hash, String),
        literal(True, Boolean),
        literal(department, String),
    )
    if only_if_nobody_signs_in:
        values = values.where(~_can_sign_in())
    columns = ["username", "display_name", "role_code", "office_id", "password_hash", "active", "department"]
    try:
        with store.engine.begin() as connection:
            if only_if_nobody_signs_in and connection.dialect.name == "postgresql":
                connection.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
            user_id = connection.execute(
                insert(_user).from_select(columns, values).returning(_user.id)
            ).scalar()
            if user_id is None:
                raise SomeoneCanSignIn(username)
            connection.execute(
                insert(_security).values(user_id=user_id, failed_logins=0, must_change_password=must_change)
            )
            return int(user_id)
    except exc.IntegrityError as error:
        raise ValueError(
            f"用户名 {username} 已存在或镇办不存在 / "
            f"username {username} is taken or the office does not exist"
        ) from error
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def update_user(store: Store, user_id: int, **values: object) -> None:
    """Change role_code / office_id / department / active / display_name of one user."""
    try:
        with store.engine.begin() as connection:
            connection.execute(update(_user).where(_user.id == user_id).values(**values))
    except exc.IntegrityError as error:
        raise ValueError(f"镇办或角色不存在 / unknown office or role: {describe_error(error)}") from error
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
