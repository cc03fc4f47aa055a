"""Meetings, their decisions and follow-up items (owner, due date, status) in the plugin's own tables.

Qt-free so the rules are tested directly: a follow-up is overdue when it is not done and its due
date has passed; finishing one stamps the day it was done. "Today" is the office's calendar day in
China, not UTC's: until 08:00 local the UTC date is still yesterday's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from commandcenter.plugins_api import InvalidEntry, PluginContext

MEETING_KINDS = ("路长例会", "问题会商会", "工作讲评会")
OPEN, DONE = "待落实", "已落实"
CHINA = timezone(timedelta(hours=8))  # no daylight saving


def local_today(now: datetime | None = None) -> date:
    """The office's date at ``now`` (default: the wall clock)."""
    return (now or datetime.now(UTC)).astimezone(CHINA).date()


def _day(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InvalidEntry(f"日期须为 年-月-日，如 2026-12-31（收到 {value!r}）") from error


def add_meeting(context: PluginContext, kind: str, held_on: Any, topic: str, attendees: str = "") -> int:
    if kind not in MEETING_KINDS:
        raise InvalidEntry(f"会议类型须为 {'、'.join(MEETING_KINDS)}")
    if not topic.strip():
        raise InvalidEntry("会议议题不能为空")
    return context.tables.insert(
        "meetings", kind=kind, held_on=_day(held_on), topic=topic.strip(), attendees=attendees.strip()
    )


def add_decision(context: PluginContext, meeting_id: int, text: str) -> int:
    return context.tables.insert("decisions", meeting_id=meeting_id, text=text.strip())


def add_followup(context: PluginContext, meeting_id: int, item: str, owner: str, due_on: Any) -> int:
    if not item.strip() or not owner.strip():
        raise InvalidEntry("跟进事项和责任人不能为空")
    return context.tables.insert(
        "followups",
        meeting_id=meeting_id,
        item=item.strip(),
        owner=owner.strip(),
        due_on=_day(due_on),
        status=OPEN,
    )


def finish_followup(context: PluginContext, followup_id: int, today: date | None = None) -> bool:
    return context.tables.update("followups", followup_id, status=DONE, done_on=today or local_today())


def meetings(context: PluginContext) -> list[dict[str, Any]]:
    return sorted(context.tables.rows("meetings"), key=lambda row: (row["held_on"], row["id"]), reverse=True)


def followups(context: PluginContext, today: date | None = None) -> list[dict[str, Any]]:
    """Follow-ups with their meeting's topic and an ``overdue`` flag, open ones first."""
    today = today or local_today()
    topics = {row["id"]: row["topic"] for row in context.tables.rows("meetings")}
    rows = []
    for row in context.tables.rows("followups"):
        overdue = row["status"] == OPEN and _day(row["due_on"]) < today
        rows.append(
            {**row, "meeting": topics.get(row["meeting_id"], ""), "overdue": "逾期" if overdue else ""}
        )
    return sorted(rows, key=lambda row: (row["status"] == DONE, str(row["due_on"])))


def open_counts(context: PluginContext, today: date | None = None) -> tuple[int, int]:
    """(open follow-ups, of which overdue)."""
    rows = [row for row in followups(context, today) if row["status"] == OPEN]
    return len(rows), sum(1 for row in rows if row["overdue"])
