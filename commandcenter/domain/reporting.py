"""A report an operator takes down (电话 a citizen's call, 来访 a walk-in) and the reporter's phone.

The phone is kept for 回访 (calling the citizen back once the case is closed) in
``case_reporters.phone`` and nowhere else: never in the audit log's details, never in a log line; a
list shows it masked (``138****5678``). ``clean_phone`` accepts what people dictate (spaces,
dashes, +86) and keeps the digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from commandcenter.geo.datum import Datum

PHONE_DIGITS = re.compile(r"^\+?[0-9]{5,20}$")


class DeskSource(StrEnum):
    """Sources an operator files at the desk (the Chinese value is the case's ``source``)."""

    PHONE = "电话"
    WALK_IN = "来访"


class PhoneRefused(ValueError):
    """Not a phone number (letters, too short or too long)."""


def clean_phone(value: str) -> str:
    """The number as digits (a leading + kept); "" for none; ``PhoneRefused`` for anything else."""
    compact = re.sub(r"[\s\-()]", "", value)
    if not compact:
        return ""
    if not PHONE_DIGITS.match(compact):
        raise PhoneRefused("电话号码应为 5–20 位数字 / a phone number is 5–20 digits")
    return compact


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``: enough to tell two callers apart, not enough to call."""
    if not phone:
        return ""
    if len(phone) <= 4:
        return "*" * len(phone)
    keep = min(3, max(0, len(phone) - 8))  # the last four shown, the rest hidden
    return phone[:keep] + "*" * (len(phone) - keep - 4) + phone[-4:]


@dataclass(frozen=True)
class DeskPhoto:
    content: bytes
    media_type: str  # image/jpeg or image/png, as the file chooser guessed; the bytes decide


@dataclass(frozen=True)
class DeskReport:
    """What the 新建案件 form sends: the place as picked (lon/lat in ``datum``), what and who."""

    category_code: str
    lon: float
    lat: float
    source: DeskSource = DeskSource.PHONE
    description: str = ""
    address: str = ""
    reporter: str = ""
    reporter_phone: str = ""
    datum: str = Datum.WGS84.value
    photos: tuple[DeskPhoto, ...] = ()
