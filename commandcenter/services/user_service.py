"""User management, administrators only, each change audited and — when a ``Session`` is given —
only within the re-auth window (``Session.require_recent_auth``): creating an admin or resetting a
password is exactly what a walk-up attacker at an unlocked desk would try.

The GUI's administrator and the command line (``commandcenter users …``, acting as
``accounts.principal.command_line_principal``) go through the same methods, so both are checked and
audited alike.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime

from commandcenter.accounts.errors import FirstRunOver, InvalidInput
from commandcenter.accounts.passwords import PasswordHashing, PasswordPolicy
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.session import Session
from commandcenter.accounts.validation import clean_password, clean_text, clean_username
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.accounts import UserAccount
from commandcenter.domain.district import OfficeRecord
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts import users as account_queries
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.district.departments import department_named
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded


class UserService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        session: Session | None = None,
        hashing: PasswordHashing | None = None,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, principal, audit=audit, clock=clock)
        self.session = session
        self.hashing = hashing or PasswordHashing()

    def may_manage(self) -> bool:
        """Whether to offer user management at all (the service refuses anyway, audited)."""
        return self.principal.can(Permission.MANAGE_USERS)

    def list_users(self) -> list[UserAccount]:
        self._require(Permission.MANAGE_USERS, "users")
        return account_queries.list_accounts(self.store)

    def create_user(
        self,
        username: object,
        display_name: object,
        role: object,
        office_id: int | None,
        password: object,
        *,
        must_change: bool = True,
        first: bool = False,
        department: object = None,
    ) -> int:
        """A new active user. ``must_change`` (the GUI's way: the admin hands the initial password
        over) makes them choose their own at first login; the command line may set a final one.
        ``first`` (the first-run dialog) stores nothing and raises ``FirstRunOver`` once any user
        can sign in, checked in the insert itself."""
        name, display = clean_username(username), clean_text(display_name, "display_name", required=True)
        user_role, initial = _role(role), clean_password(password)
        unit = _department(department)
        self._sensitive(f"user:{name}")
        _check_office(user_role, office_id)
        self._check_department(user_role, unit)
        PasswordPolicy().check(initial, name)
        if account_queries.find_account(self.store, name) is not None:
            raise InvalidInput("username", f"用户名 {name} 已被占用", f"the name {name} is taken")
        try:
            user_id = account_queries.create_user(
                self.store,
                name,
                display,
                user_role.value,
                office_id,
                self.hashing.hash(initial),
                must_change=must_change,
                only_if_nobody_signs_in=first,
                department=unit,
            )
        except account_queries.SomeoneCanSignIn as error:
            raise FirstRunOver() from error
        except ValueError as error:  # taken meanwhile, or the office does not exist
            raise InvalidInput(
                "username", "用户名已存在或镇办不存在", "the name is taken or the office does not exist"
            ) from error
        details = {"change": "create", "role": user_role.value, "department": unit}
        self._record(AuditAction.USER_CHANGE, f"user:{name}", details)
        return user_id

    def reset_password(self, username: object, password: object = None) -> str:
        """A temporary password to hand over in person (generated unless ``password`` is given,
        which must meet the policy); the user must change it at next login."""
        account = self._target(username)
        if password is None:
            temporary = secrets.token_urlsafe(9) + "-1a"
        else:
            temporary = clean_password(password)
            PasswordPolicy().check(temporary, account.username)
        account_queries.set_password_hash(
            self.store, account.id, self.hashing.hash(temporary), must_change=True, now=self.clock()
        )
        self._record(AuditAction.PASSWORD_RESET, f"user:{account.username}")
        return temporary

    def find_office(self, name_or_code: object) -> OfficeRecord:
        """The office a user is assigned to, named by its code (``410103001``) or its name."""
        wanted = clean_text(name_or_code, "office", limit=80, required=True)
        self._require(Permission.MANAGE_USERS, f"office:{wanted}")
        offices = district_queries.offices(self.store)
        found = next((o for o in offices if o.code == wanted), None) or next(
            (o for o in offices if o.name == wanted), None
        )
        if found is None:
            raise InvalidInput("office", f"镇办「{wanted}」不存在", f"no office '{wanted}'")
        return found

    def office_names(self) -> dict[int, str]:
        """Office id → name, for listing users by their office."""
        self._require(Permission.MANAGE_USERS, "offices")
        return {office.id: office.name for office in district_queries.offices(self.store)}

    def set_role(self, username: object, role: object, office_id: int | None) -> None:
        account, user_role = self._target(username), _role(role)
        _check_office(user_role, office_id)
        self._check_department(user_role, account.department)  # set the department first, then the role
        try:
            account_queries.update_user(
                self.store, account.id, role_code=user_role.value, office_id=office_id
            )
        except ValueError as error:
            raise InvalidInput("office_id", "镇办不存在", "the office does not exist") from error
        details = {"change": "role", "from": account.role, "to": user_role.value, "office_id": office_id}
        self._record(AuditAction.USER_CHANGE, f"user:{account.username}", details)

    def _check_department(self, role: UserRole, department: str | None) -> None:
        """A department user works the cases of a department the district has (``departments``)."""
        if role is not UserRole.DEPARTMENT:
            return
        if department is None or department_named(self.store, department) is None:
            raise InvalidInput(
                "department",
                "部门用户须指定本区已有的部门",
                "a department user needs one of the district's departments",
            )

    def set_department(self, username: object, department: object) -> None:
        """The department a user works for (爱卫办, 社管办 …); empty clears it. Audited from → to."""
        account, unit = self._target(username), _department(department)
        account_queries.update_user(self.store, account.id, department=unit)
        details = {"change": "department", "from": account.department, "to": unit}
        self._record(AuditAction.USER_CHANGE, f"user:{account.username}", details)

    def set_active(self, username: object, active: bool) -> None:
        account = self._target(username)
        if account.id == self.principal.user_id and not active:
            raise InvalidInput("username", "不能停用自己的账户", "you cannot disable your own account")
        account_queries.update_user(self.store, account.id, active=bool(active))
        self._record(
            AuditAction.USER_CHANGE, f"user:{account.username}", {"change": "active", "to": bool(active)}
        )

    def unlock(self, username: object) -> None:
        account = self._target(username)
        account_queries.update_security(self.store, account.id, failed_logins=0, locked_until=None)
        self._record(AuditAction.USER_CHANGE, f"user:{account.username}", {"change": "unlock"})

    def _target(self, username: object) -> UserAccount:
        name = clean_username(username)
        self._sensitive(f"user:{name}")
        account = account_queries.find_account(self.store, name)
        if account is None:
            raise InvalidInput("username", f"用户 {name} 不存在", f"no user {name}")
        return account

    def _sensitive(self, target: str) -> None:
        self._require(Permission.MANAGE_USERS, target)
        if self.session is not None:
            self.session.require_recent_auth()


def _department(value: object) -> str | None:
    """None and empty text both mean: no department."""
    if value is None:
        return None
    return clean_text(value, "department", limit=40) or None


def _role(value: object) -> UserRole:
    try:
        return UserRole(str(value))
    except ValueError as error:
        raise InvalidInput("role", "未知角色", "unknown role") from error


def _check_office(role: UserRole, office_id: object) -> None:
    if office_id is not None and (isinstance(office_id, bool) or not isinstance(office_id, int)):
        raise InvalidInput("office_id", "镇办编号无效", "invalid office id")
    if (role is UserRole.OFFICE) != (office_id is not None):
        raise InvalidInput(
            "office_id", "镇办用户须指定镇办，其他角色不可指定", "office users need an office; others none"
        )
