"""What a roster entry or an exception must satisfy before it is stored; each refusal one bilingual
line (``DutyRefused``)."""

from __future__ import annotations

from datetime import time

from commandcenter.domain.duty import WEEKDAYS, DutyRefused, ExceptionKind, NewDutyException, NewRosterEntry


def check_shift(name: str, start: time, end: time) -> None:
    if not name.strip():
        raise DutyRefused("班次名称不能为空 / the shift needs a name")
    if start == end:
        raise DutyRefused("班次开始与结束不能相同 / a shift cannot start and end at the same time")


def check_entry(entry: NewRosterEntry) -> None:
    if not entry.weekdays or not entry.weekdays <= set(WEEKDAYS):
        raise DutyRefused("请选择星期 / choose the weekdays (Monday to Sunday)")
    if entry.valid_to is not None and entry.valid_to < entry.valid_from:
        raise DutyRefused("结束日期早于开始日期 / the roster ends before it starts")


def check_exception(exception: NewDutyException) -> None:
    if exception.kind is ExceptionKind.SWAP:
        if exception.other_staff_id is None:
            raise DutyRefused("换班需要指定替班人员 / a swap needs the person who covers")
        if exception.other_staff_id == exception.staff_id:
            raise DutyRefused("不能与本人换班 / a person cannot swap with themselves")
    if exception.kind is ExceptionKind.EXTRA and exception.segment_id is None:
        raise DutyRefused("加班需要指定路段 / an extra shift needs a segment")
