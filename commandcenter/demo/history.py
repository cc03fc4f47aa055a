"""A week of historical cases with their full event trail, so the case queue, the statistics and
the evaluation screens have something to show on the first start.

Each case walks the standard workflow (受理 → 立案 → 派遣 → 签收 → 处置 → 反馈 → 核查 → 结案) with
realistic gaps between steps and stops where "now" is reached, so older cases are mostly closed and
recent ones are still open; a few are refused (不予立案), voided (作废) or suspended (挂账). Numbers
follow ``persistence.cases.intake``'s scheme (``YYYYMMDD-00001``, per day), so live cases continue them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from commandcenter.demo.case_text import address_on, describe
from commandcenter.demo.people import Roster
from commandcenter.demo.placing import beside, lonlat
from commandcenter.demo.plan import DistrictPlan, Rows
from commandcenter.demo.roads import SegmentPlan
from commandcenter.district_time import district_clock
from commandcenter.domain.categories import DEFAULT_CATEGORIES, CategorySpec
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.cases.models import Case, CaseEvent

CASES_PER_DISTRICT = 300
# The newest reports of each district arrived minutes ago and wait in 受理 for an operator, whatever
# the hour the demo is generated at (the queue must never open empty, nor a test's waiting case).
WAITING_PER_DISTRICT = 3
HISTORY_DAYS = 7
_SOURCES = ("市民上报", "督查员", "城市平台", "视频")
_SOURCE_WEIGHTS = (0.45, 0.3, 0.15, 0.1)
_REPORTERS = {"市民上报": "市民(微信上报)", "城市平台": "数字化城管平台", "视频": "视频巡查"}
_WEIGHTS = [spec.weight for spec in DEFAULT_CATEGORIES]
_S = CaseStatus
# step → (minutes after the previous step: low, high; note)
_STEPS: dict[CaseStatus, tuple[float, float, str]] = {
    _S.FILED: (5, 40, "符合立案条件，予以立案"),
    _S.DISPATCHED: (5, 45, "派遣至责任单位处置"),
    _S.ACKNOWLEDGED: (5, 60, "已签收"),
    _S.DISPOSING: (10, 90, "已到达现场，正在处置"),
    _S.FEEDBACK: (0.2, 1.3, "已处置完毕，上传处置后照片"),  # × the category's dispose hours
    _S.VERIFYING: (20, 240, "现场核查，已整改到位"),
    _S.CLOSED: (5, 60, "核查通过，予以结案"),
    _S.REJECTED: (5, 40, "不符合立案条件"),
    _S.VOIDED: (5, 40, "重复上报，作废"),
    _S.SUSPENDED: (60, 600, "涉及多部门，需协调处理，挂账"),
}
_FLOW = (_S.FILED, _S.DISPATCHED, _S.ACKNOWLEDGED, _S.DISPOSING, _S.FEEDBACK, _S.VERIFYING, _S.CLOSED)


@dataclass
class _Case:
    created_at: datetime
    row: dict[str, Any]
    events: list[dict[str, Any]]


def _path(rng: random.Random) -> tuple[CaseStatus, ...]:
    roll = rng.random()
    if roll < 0.04:
        return (_S.REJECTED,)
    if roll < 0.05:
        return (_S.VOIDED,)
    if roll < 0.07:
        return (*_FLOW[:4], _S.SUSPENDED)
    return _FLOW


def _created_at(rng: random.Random, now: datetime) -> datetime:
    """Mostly daytime on the district's clock: few reports arrive between midnight and 6 o'clock."""
    while True:
        moment = now - timedelta(minutes=rng.uniform(10, HISTORY_DAYS * 24 * 60))
        if district_clock().local(moment).hour >= 6 or rng.random() < 0.2:
            return moment


def _trail(
    rng: random.Random,
    roster: Roster,
    segment: SegmentPlan,
    spec: CategorySpec,
    opening: dict[str, Any],
    now: datetime,
) -> tuple[list[dict[str, Any]], int | None]:
    """The case's events after 受理, up to ``now``; and the assignee once it is dispatched."""
    events = [opening]
    status, moment, assignee = _S.RECEIVED, opening["ts"], None
    chief_id, chief = roster.road_chief[segment.id]
    inspector = rng.choice(roster.inspectors[segment.office_id])
    for step in _path(rng):
        low, high, note = _STEPS[step]
        minutes = rng.uniform(low, high) * (spec.dispose_hours * 60 if step is _S.FEEDBACK else 1)
        moment = moment + timedelta(minutes=minutes)
        if moment > now:
            break
        if step in (_S.ACKNOWLEDGED, _S.DISPOSING, _S.FEEDBACK):
            actor = chief
        else:
            actor = inspector if step is _S.VERIFYING else rng.choice(roster.operators)
        if step is _S.DISPATCHED:
            note, assignee = f"派遣至{spec.department}，责任人{chief}", chief_id
        events.append(
            {
                "ts": moment,
                "actor": actor,
                "action": step.value,
                "from_status": status.value,
                "to_status": step.value,
                "note": note,
                "payload": {},
            }
        )
        status = step
    return events, assignee


def _one_case(
    rng: random.Random, district: DistrictPlan, roster: Roster, now: datetime, *, waiting: bool = False
) -> _Case:
    index = rng.choices(range(len(DEFAULT_CATEGORIES)), weights=_WEIGHTS)[0]
    spec = DEFAULT_CATEGORIES[index]
    segment = rng.choice(district.segments)
    where = beside(segment.line, rng.uniform(0, segment.line.length), rng.uniform(-20, 20))
    lon, lat = lonlat(district.frame, where)
    source = rng.choices(_SOURCES, weights=_SOURCE_WEIGHTS)[0]
    reporter = rng.choice(roster.inspectors[segment.office_id]) if source == "督查员" else _REPORTERS[source]
    # waiting: newer than the quickest 立案 (5 minutes), so the trail stops at 受理
    created = now - timedelta(minutes=rng.uniform(0.5, 4.5)) if waiting else _created_at(rng, now)
    description = describe(rng, spec.code, source)
    opening = {
        "ts": created,
        "actor": reporter,
        "action": _S.RECEIVED.value,
        "from_status": None,
        "to_status": _S.RECEIVED.value,
        "note": description,
        "payload": {"source": source},
    }
    events, assignee = _trail(rng, roster, segment, spec, opening, now)
    filed = len(events) > 1 and events[1]["to_status"] == _S.FILED.value
    waiting_dispatch = events[-1]["to_status"] == _S.RECEIVED.value  # runs against its dispatch time
    hours = spec.dispatch_hours + spec.dispose_hours if filed else spec.dispatch_hours
    deadline = created + timedelta(hours=hours) if filed or waiting_dispatch else None
    row = {
        "category_id": index + 1,
        "source": source,
        "status": events[-1]["to_status"],
        "description": description,
        "address": address_on(rng, segment.name),
        "lon": lon,
        "lat": lat,
        "office_id": segment.office_id,
        "segment_id": segment.id,
        "assignee_staff_id": assignee,
        "urgency": spec.urgency,
        "created_at": created,
        "deadline_at": deadline,
        "updated_at": events[-1]["ts"],
        "version": len(events),
        "dispatched_at": _last(events, _S.DISPATCHED),  # what the indicators count 派遣 and 应结案 by
        "closed_at": _last(events, _S.CLOSED),
    }
    return _Case(created, row, events)


def _last(events: list[dict[str, Any]], step: CaseStatus) -> datetime | None:
    """When the trail last took ``step`` (None: never), as the workflow stamps the case."""
    return next((event["ts"] for event in reversed(events) if event["action"] == step.value), None)


def add_history(
    rng: random.Random, districts: list[DistrictPlan], roster: Roster, rows: Rows, now: datetime
) -> None:
    cases = [
        _one_case(rng, district, roster, now, waiting=number < WAITING_PER_DISTRICT)
        for district in districts
        for number in range(CASES_PER_DISTRICT)
    ]
    cases.sort(key=lambda case: case.created_at)
    per_day: dict[str, int] = {}
    events = rows[CaseEvent]
    for case in cases:
        case_id = len(rows[Case]) + 1
        day = district_clock().day_key(case.created_at)  # numbered by the district's day, as intake does
        per_day[day] = per_day.get(day, 0) + 1
        rows[Case].append({"id": case_id, "number": f"{day}-{per_day[day]:05d}", **case.row})
        events += [
            {"id": len(events) + 1 + offset, "case_id": case_id, **event}
            for offset, event in enumerate(case.events)
        ]
