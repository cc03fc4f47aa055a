"""Accounts and audit records: a user as the login and user management read it, one audit-log row, and
the result of checking the hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# The departments the seed's 网上联动 names, offered as suggestions (any other name may be typed).
KNOWN_DEPARTMENTS = ("区城管局", "爱卫办", "社管办", "住建局", "交警大队", "环保局", "市场监管局", "园林局")


@dataclass(frozen=True)
class UserAccount:
    id: int
    username: str
    display_name: str
    role: str  # UserRole
    office_id: int | None
    password_hash: str | None
    active: bool
    failed_logins: int
    locked_until: datetime | None
    must_change_password: bool
    department: str | None = None  # 爱卫办, 社管办 …: who the user works for besides an office


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    ts: datetime
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """``ok`` when every row hashes right, links to its predecessor and none is missing."""

    rows: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems
