"""The rule engine: position batches in, alerts out, with per-unit state carried between batches.

Each rule watches a condition per unit (off the segment, outside the permit, stopped loaded away
from any site). A condition that starts opens an episode; when it has lasted the rule's limit, one
alert is raised for the episode; when the condition clears the episode ends, and a later breach is
a new one. So a patroller who is 200 m off his segment for an hour raises one alert, not 3,600.
Feeding happens on whatever thread writes positions (simulator, gateway); subscribers of
``alerts`` are called there and must hand over to their own thread (the UI bridges to Qt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from commandcenter.domain.alerts import Alert, AlertKind
from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import Position
from commandcenter.events import EventEmitter
from commandcenter.geo import LocalProjection
from commandcenter.rules.context import RuleContext
from commandcenter.rules.permits import PreparedPermit
from commandcenter.rules.segment_distance import SegmentDistances


@dataclass(frozen=True)
class RuleSettings:
    off_segment_m: float = 100.0  # farther than this from the segment counts as off it
    off_segment_minutes: float = 15.0
    permit_grace_minutes: float = 1.0  # GPS jumps must not raise permit alerts
    dumping_minutes: float = 10.0
    site_radius_m: float = 200.0  # within this of a site a loaded truck may stand
    stopped_kmh: float = 3.0


@dataclass
class _Episode:
    since: datetime
    alerted: bool = False


class RuleEngine:
    """``feed(fixes)`` evaluates every rule on a batch and returns (and emits) the new alerts."""

    def __init__(self, context: RuleContext, settings: RuleSettings | None = None) -> None:
        self.context = context
        self.settings = settings or RuleSettings()
        self.alerts: EventEmitter[Alert] = EventEmitter("rules.alert")
        points = [p for s in context.segments.values() for p in s.geometry] + [list(p) for p in context.sites]
        for permit in context.permits.values():
            points += permit.area or permit.route or []
        self._frame = LocalProjection.around(points or [[113.6, 34.7]])
        self._lines = SegmentDistances(
            {unit: self._frame.array_to_xy(s.geometry) for unit, s in context.segments.items()}
        )
        self._permits = {unit: PreparedPermit(p, self._frame) for unit, p in context.permits.items()}
        self._sites = self._frame.array_to_xy(list(context.sites)) if context.sites else np.empty((0, 2))
        self._episodes: dict[tuple[int, AlertKind], _Episode] = {}
        self._last_ts: dict[int, datetime] = {}

    def feed(self, fixes: Sequence[Position]) -> list[Alert]:
        """Evaluate a batch (any order of units; each unit's fixes in time order) and emit new alerts."""
        fresh = []
        for fix in fixes:
            last = self._last_ts.get(fix.unit_id)
            if last is not None and fix.ts < last:
                continue  # a late fix must not reopen or close an episode out of order
            self._last_ts[fix.unit_id] = fix.ts
            fresh.append(fix)
        if not fresh:
            return []
        xy = self._frame.array_to_xy([(fix.lon, fix.lat) for fix in fresh])
        walking = [index for index, fix in enumerate(fresh) if fix.unit_id in self._lines]
        away = np.full(len(fresh), np.nan)
        away[walking] = self._lines.distances([fresh[i].unit_id for i in walking], xy[walking])
        raised: list[Alert] = []
        for index, fix in enumerate(fresh):
            raised += self._evaluate(fix, float(xy[index, 0]), float(xy[index, 1]), float(away[index]))
        for alert in raised:
            self.alerts.emit(alert)
        return raised

    def open_episodes(self) -> dict[tuple[int, AlertKind], datetime]:
        """Conditions currently holding, alerted or not: (unit, kind) → since (for a status view)."""
        return {key: episode.since for key, episode in self._episodes.items()}

    # ------------------------------------------------------------------ rules
    def _evaluate(self, fix: Position, x: float, y: float, away: float) -> list[Alert]:
        """Every rule on one fix; ``away`` is the distance to the unit's segment (NaN: it has none)."""
        info = self.context.units.get(fix.unit_id)
        if info is None:
            return []
        alerts: list[Alert | None] = []
        s = self.settings
        if not np.isnan(away):
            segment = self.context.segments[fix.unit_id]
            text = f"城市管理员{info.label}偏离责任路段{segment.number}({segment.name}) {away:.0f} 米"
            alerts.append(
                self._watch(fix, AlertKind.OFF_SEGMENT, away > s.off_segment_m, s.off_segment_minutes, text)
            )
        if info.kind != UnitKind.MUCK_TRUCK.value:
            return [alert for alert in alerts if alert is not None]
        permit = self._permits.get(fix.unit_id)
        if permit is not None:
            number = permit.permit.number
            outside = not permit.inside(x, y)
            text = f"渣土车{info.label}驶出准运证{number}核准的{'区域' if permit.permit.area else '路线'}"
            alerts.append(self._watch(fix, AlertKind.OUT_OF_AREA, outside, s.permit_grace_minutes, text))
            late = fix.speed_kmh >= s.stopped_kmh and not permit.permit.in_window(fix.ts)
            text = f"渣土车{info.label}在准运时段({permit.permit.window_text()})外行驶，准运证{number}"
            alerts.append(self._watch(fix, AlertKind.OUT_OF_WINDOW, late, s.permit_grace_minutes, text))
        stopped_loaded = fix.state == "loaded" and fix.speed_kmh < s.stopped_kmh and not self._near_site(x, y)
        text = f"渣土车{info.label}重车在工地和消纳场以外停留，疑似偷倒"
        alerts.append(self._watch(fix, AlertKind.DUMPING, stopped_loaded, s.dumping_minutes, text))
        return [alert for alert in alerts if alert is not None]

    def _near_site(self, x: float, y: float) -> bool:
        if not len(self._sites):
            return False
        nearest = np.min((self._sites[:, 0] - x) ** 2 + (self._sites[:, 1] - y) ** 2)
        return bool(nearest <= self.settings.site_radius_m**2)

    def _watch(self, fix: Position, kind: AlertKind, holds: bool, minutes: float, text: str) -> Alert | None:
        """Open, keep or close the (unit, kind) episode; return an alert when it first lasts long enough."""
        key = (fix.unit_id, kind)
        if not holds:
            self._episodes.pop(key, None)
            return None
        episode = self._episodes.setdefault(key, _Episode(fix.ts))
        lasted = (fix.ts - episode.since).total_seconds()
        if episode.alerted or lasted < minutes * 60:
            return None
        episode.alerted = True
        label = self.context.units[fix.unit_id].label
        full = f"{text}，已持续 {lasted / 60:.0f} 分钟"
        return Alert(kind, fix.unit_id, label, episode.since, fix.ts, fix.lon, fix.lat, full)
