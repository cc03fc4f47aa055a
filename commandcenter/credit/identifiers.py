"""What a violator is known by, checked and normalised before anything is stored.

A plate, a 统一社会信用代码 and a shop's licence are public identifiers and are kept as written (upper
case, no spaces). A person's 身份证号 is personal data the list must not spread: it is masked here —
the first six and the last four characters kept (``410102********1234``) — and only the mask reaches
the database, the audit log or an export. A person is told apart by name and mask together.
"""

from __future__ import annotations

import re

from commandcenter.domain.credit import CreditRefused, ViolatorKind

_ID_NUMBER = re.compile(r"\d{17}[\dX]|\d{15}")
_MASKED = re.compile(r"\d{6}\*{4,8}[\dX]{4}")
_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
_PLATE = re.compile(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}")


class IdentifierRefused(CreditRefused):
    """The identifier cannot be one of its kind (the message is one bilingual line)."""

    def __init__(self, message: str) -> None:
        super().__init__("identifier", message)


def normalised(kind: ViolatorKind, identifier: str) -> str:
    """The identifier as stored: a person's ID number masked, the rest upper case without spaces.
    Raises ``IdentifierRefused`` for one that cannot be of its kind."""
    text = re.sub(r"\s+", "", identifier).upper()
    if kind is ViolatorKind.PERSON:
        if _ID_NUMBER.fullmatch(text):
            return mask_id_number(text)
        if _MASKED.fullmatch(text):
            return text
        raise IdentifierRefused(f"身份证号格式不正确 / not an ID number: {_shown(text)}")
    if kind is ViolatorKind.COMPANY and not _CREDIT_CODE.fullmatch(text):
        raise IdentifierRefused(f"统一社会信用代码应为18位 / not a unified social credit code: {text}")
    if kind is ViolatorKind.PLATE and not _PLATE.fullmatch(text):
        raise IdentifierRefused(f"车牌号格式不正确 / not a plate: {text}")
    if not text:
        raise IdentifierRefused("缺少标识（营业执照号） / the identifier (licence number) is missing")
    return text[:40]


def mask_id_number(number: str) -> str:
    """``410102199001011234`` → ``410102********1234``."""
    return f"{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}"


def _shown(text: str) -> str:
    """What a refusal may repeat of a would-be ID number: never all of it."""
    return mask_id_number(text) if len(text) > 10 else "…"
