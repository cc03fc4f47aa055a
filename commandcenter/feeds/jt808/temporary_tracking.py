"""0x8202 temporary tracking (临时跟踪): report every ``interval_s`` for ``duration_s``; an interval
of 0 stops tracking. Answered with 0x0001."""

from __future__ import annotations

from commandcenter.feeds.jt808.fields import dword, word

MSG_ID = 0x8202


def encode_temporary_tracking(interval_s: int, duration_s: int) -> bytes:
    if not (0 <= interval_s <= 0xFFFF and 0 <= duration_s <= 0xFFFFFFFF):
        raise ValueError(f"tracking interval {interval_s} s / duration {duration_s} s out of range")
    return word(interval_s) + dword(duration_s)
