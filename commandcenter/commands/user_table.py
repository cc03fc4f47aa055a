"""``users list`` as a plain-text table that lines up in a terminal with Chinese names in it.

A Chinese character takes two terminal columns (East Asian width "W"/"F"), so padding by ``len``
would push every column after a display name like 张三 out of line; the width here counts columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime

from commandcenter.domain.accounts import UserAccount

HEADERS = (
    "用户名 username",
    "姓名 display name",
    "角色 role",
    "镇办 office",
    "部门 department",
    "启用 active",
    "锁定 locked",
)


def user_rows(
    accounts: Sequence[UserAccount], office_names: Mapping[int, str], now: datetime
) -> list[tuple[str, ...]]:
    """One row of text per account; a lock that has run out is no lock."""
    rows: list[tuple[str, ...]] = []
    for account in accounts:
        office = (
            "" if account.office_id is None else office_names.get(account.office_id, str(account.office_id))
        )
        locked = account.locked_until is not None and account.locked_until > now
        until = f"until {account.locked_until:%Y-%m-%d %H:%M}Z" if locked else "no"
        rows.append(
            (
                account.username,
                account.display_name,
                account.role,
                office,
                account.department or "",
                "yes" if account.active else "no",
                until,
            )
        )
    return rows


def format_table(rows: Sequence[Sequence[str]], headers: Sequence[str] = HEADERS) -> str:
    widths = [max(_width(cell) for cell in column) for column in zip(headers, *rows, strict=False)]
    lines = [headers, *rows]
    return "\n".join(
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in lines
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1 for char in text)
