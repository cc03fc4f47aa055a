"""Input hardening for every form and search field the services accept.

Queries are always parameterised, so SQL text in a field is harmless to the database — but fields
are also shown, logged and exported, so they are refused early with a clear ``InvalidInput`` when
they are oversized, not text, not valid UTF-8 (bytes that do not decode, lone surrogates), or carry
NUL/control characters. Usernames are stricter: ASCII letters, digits and ``._-`` only, which rules
out quotes, comments and spaces outright.
"""

from __future__ import annotations

import re
import unicodedata

from commandcenter.accounts.errors import InvalidInput

USERNAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,39}")
LIMITS = {"username": 40, "display_name": 40, "search": 100, "reason": 500, "note": 2000, "password": 128}
_ALLOWED_CONTROL = {"\n", "\t"}  # multi-line notes and reasons


def clean_text(value: object, field: str, *, limit: int | None = None, required: bool = False) -> str:
    """The value as trimmed text, or ``InvalidInput`` saying what is wrong with it."""
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidInput(field, "不是有效的 UTF-8 文本", "not valid UTF-8 text") from error
    if not isinstance(value, str):
        raise InvalidInput(field, "应为文本", "expected text")
    limit = limit or LIMITS.get(field, 500)
    if len(value) > limit:
        raise InvalidInput(field, f"超过 {limit} 个字符", f"longer than {limit} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInput(field, "含有无效字符（孤立代理项）", "contains a lone surrogate") from error
    for char in value:
        if char in _ALLOWED_CONTROL:
            continue
        if char == "\x00" or unicodedata.category(char) in {"Cc", "Cs", "Co"}:
            raise InvalidInput(field, "含有控制字符", f"contains control character U+{ord(char):04X}")
    value = value.strip()
    if required and not value:
        raise InvalidInput(field, "不能为空", "must not be empty")
    return value


def clean_username(value: object) -> str:
    text = clean_text(value, "username", required=True)
    if not USERNAME_RE.fullmatch(text):
        raise InvalidInput(
            "username",
            "只能使用字母、数字和 . _ -（2–40 位）",
            "letters, digits and . _ - only (2–40 characters)",
        )
    return text


def clean_password(value: object) -> str:
    """Passwords are not trimmed (spaces count) but must be bounded, valid text without control
    characters (no keyboard types them; they only come from scripts probing the parser)."""
    if not isinstance(value, str):
        raise InvalidInput("password", "应为文本", "expected text")
    if len(value) > LIMITS["password"]:
        raise InvalidInput(
            "password", f"超过 {LIMITS['password']} 个字符", f"longer than {LIMITS['password']}"
        )
    for char in value:
        if unicodedata.category(char) in {"Cc", "Cs", "Co"}:
            raise InvalidInput("password", "含有控制字符或无效字符", f"contains U+{ord(char):04X}")
    return value
