"""``commandcenter users …``: user administration for IT scripts — how a real install gets its first
administrator (``db upgrade``, ``users add NAME --role admin``, then ``gui``).

Like PostgreSQL's ``createuser``, whoever holds the database's credentials may run it. It acts as
the command-line administrator (``cli:<OS user>``, ``accounts.principal.command_line_principal``)
through ``UserService``, so the permission checks and the audit rows are the GUI's. Passwords come
from a pipe or a terminal prompt (``commands.password_input``), never an argument, and are checked
against the policy before the database is even opened: a refused command creates nothing.
A refusal is one ``错误 error:`` line and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from commandcenter.accounts.errors import AccessError, InvalidInput
from commandcenter.accounts.passwords import PasswordPolicy
from commandcenter.accounts.principal import command_line_principal
from commandcenter.accounts.validation import clean_username
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.commands.password_input import PasswordInputError, read_password
from commandcenter.commands.user_table import format_table, user_rows
from commandcenter.config import Settings
from commandcenter.domain.kinds import UserRole
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.user_service import UserService

ROLES = [role.value for role in UserRole]
Action = Callable[[UserService, argparse.Namespace, str | None], None]


def add_users(commands: Any) -> None:
    users = commands.add_parser("users", help="create, list, disable, reset and re-role users (IT scripts)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = _action(actions, "add", "create a user (the first administrator of a new install)")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", help="姓名 shown in the window (default: the username)")
    add.add_argument("--office", help="镇办 name or code (required for --role office)")
    add.add_argument("--department", help="部门 the user works for, e.g. 爱卫办 (optional)")
    _password_stdin(add)
    add.add_argument(
        "--must-change", action="store_true", help="the user must choose a new password at first sign-in"
    )
    _url(actions.add_parser("list", help="username, display name, role, office, active, locked"))
    _action(actions, "disable", "stop a user from signing in (the account and its history stay)")
    _action(actions, "enable", "let a disabled user sign in again")
    reset = _action(actions, "reset-password", "set a one-time password (printed when none is given)")
    _password_stdin(reset)
    role = _action(actions, "set-role", "change a user's role (and office)")
    role.add_argument("--role", required=True, choices=ROLES)
    role.add_argument("--office", help="镇办 name or code (required for --role office)")
    department = _action(actions, "set-department", "set (or with '' clear) the department a user works for")
    department.add_argument("department", help="部门, e.g. 爱卫办; '' clears it")
    _action(actions, "unlock", "clear a lockout after too many failed sign-ins")


def _action(actions: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
    parser.add_argument("name", help="username")
    _url(parser)
    return parser


def _url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="database URL (default: the configured one)")


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )


def run_users(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("users", args.url, settings)  # a bad URL before any prompt
    try:
        password = _new_password(args)
        store = open_store(url)
        try:
            _ACTIONS[args.users_command](UserService(store, command_line_principal()), args, password)
        finally:
            store.close()
    except (AccessError, PasswordInputError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str | None:
    """The password the action sets, checked here too so a weak one never opens (or creates) the
    database; None for actions without one and for a reset that generates it."""
    if args.users_command == "add":
        name = clean_username(args.name)
        if (args.role == UserRole.OFFICE) != (args.office is not None):
            raise InvalidInput(
                "office", "镇办用户须加 --office，其他角色不可加", "office users need --office, others none"
            )
    elif args.users_command == "reset-password" and args.password_stdin:
        name = clean_username(args.name)
    else:
        return None
    password = read_password(args.password_stdin)
    PasswordPolicy().check(password, name)
    return password


def _add(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    office = None if args.office is None else users.find_office(args.office)
    users.create_user(
        args.name,
        args.display_name or args.name,
        args.role,
        None if office is None else office.id,
        password,
        must_change=args.must_change,
        department=args.department,
    )
    where = "".join(f", {part}" for part in (office.name if office else None, args.department) if part)
    then = "; 首次登录须修改密码 must change the password at first sign-in" if args.must_change else ""
    print(f"已创建用户 created user {args.name} ({args.role}{where}){then}")


def _list(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    rows = user_rows(users.list_users(), users.office_names(), datetime.now(UTC))
    print(format_table(rows))


def _disable(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    users.set_active(args.name, False)
    print(f"已停用 disabled {args.name}")


def _enable(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    users.set_active(args.name, True)
    print(f"已启用 enabled {args.name}")


def _reset_password(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    """A generated password goes alone on stdout (``PW=$(commandcenter users reset-password bob)``)."""
    temporary = users.reset_password(args.name, password)
    print(
        f"已重置 reset {args.name}: 下次登录须修改密码 must change the password at next sign-in",
        file=sys.stderr,
    )
    if password is None:
        print(temporary)


def _set_role(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    office = None if args.office is None else users.find_office(args.office)
    users.set_role(args.name, args.role, None if office is None else office.id)
    where = "" if office is None else f", {office.name}"
    print(f"已更改角色 role of {args.name}: {args.role}{where}")


def _set_department(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    users.set_department(args.name, args.department)
    print(f"已更改部门 department of {args.name}: {args.department or '—'}")


def _unlock(users: UserService, args: argparse.Namespace, password: str | None) -> None:
    users.unlock(args.name)
    print(f"已解锁 unlocked {args.name}")


_ACTIONS: dict[str, Action] = {
    "add": _add,
    "list": _list,
    "disable": _disable,
    "enable": _enable,
    "reset-password": _reset_password,
    "set-role": _set_role,
    "set-department": _set_department,
    "unlock": _unlock,
}
