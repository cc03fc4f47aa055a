"""Why an account action did not happen, Chinese first then English, so the login dialog and the
service callers can show the message as is. One module so the UI catches every refusal from one import.
"""

from __future__ import annotations

from datetime import datetime


class AccessError(Exception):
    """Base of every refusal raised by ``commandcenter.accounts`` and ``commandcenter.services``."""


class AuthenticationFailed(AccessError):
    """Wrong username or password. Deliberately the same message for both, so a guesser cannot tell
    which usernames exist."""

    def __init__(self) -> None:
        super().__init__("用户名或密码错误 / wrong username or password")


class AccountLocked(AccessError):
    """Too many failed logins; the account opens again at ``until`` (UTC)."""

    def __init__(self, until: datetime, now: datetime) -> None:
        minutes = max(1, -(-int((until - now).total_seconds()) // 60))
        super().__init__(
            f"登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试 / "
            f"too many failed logins: account locked, try again in {minutes} min"
        )
        self.until = until
        self.remaining_minutes = minutes


class AccountDisabled(AccessError):
    def __init__(self) -> None:
        super().__init__("账户已停用，请联系系统管理员 / account disabled: ask an administrator")


class PasswordChangeRequired(AccessError):
    """The password was reset by an administrator (or never set): choose a new one before working."""

    def __init__(self, username: str) -> None:
        super().__init__(f"用户 {username} 须先修改密码 / {username} must change the password first")
        self.username = username


class PasswordPolicyError(AccessError):
    """The new password does not meet the policy; the message says which rule."""


class FirstRunOver(AccessError):
    """The first administrator is made only while nobody can sign in; someone (another workstation,
    the command line) made a user who can meanwhile."""

    def __init__(self) -> None:
        super().__init__(
            "数据库中已有可登录的用户，请直接登录 / the database already has a user who can sign in: sign in"
        )


class PermissionDenied(AccessError):
    """The principal may not do this. Raised by the core services, not only hidden in the UI."""

    def __init__(self, chinese: str, english: str) -> None:
        super().__init__(f"无权限：{chinese} / permission denied: {english}")


class ReauthRequired(AccessError):
    """A sensitive action needs the password again (the session's re-auth window has passed)."""

    def __init__(self) -> None:
        super().__init__("敏感操作，请重新输入密码 / sensitive action: enter your password again")


class SessionLocked(AccessError):
    def __init__(self) -> None:
        super().__init__("会话已锁定，请解锁 / session locked: unlock it first")


class InvalidInput(AccessError, ValueError):
    """A form or search field was refused before anything was read or written."""

    def __init__(self, field: str, chinese: str, english: str) -> None:
        super().__init__(f"输入无效（{field}）：{chinese} / invalid input ({field}): {english}")
        self.field = field
