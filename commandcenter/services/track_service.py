"""Track playback (轨迹回放) as the principal may see it: every unit for the centre, an office user's
own office's units only — asking for another office's unit is refused and audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from commandcenter.domain.track import Track
from commandcenter.domain.units import TrackUnit
from commandcenter.persistence.units.tracks import load_tracks, track_units
from commandcenter.services.guard import Guarded


class TrackService(Guarded):
    def units(self, kinds: Sequence[str] = ()) -> list[TrackUnit]:
        office = self._office_scope("units")
        units = track_units(self.store, kinds)
        return units if office is None else [unit for unit in units if unit.office_id == office]

    def tracks(self, unit_ids: Sequence[int], start: datetime, end: datetime) -> dict[int, Track]:
        wanted = list(dict.fromkeys(unit_ids))
        if self._office_scope("tracks") is not None:
            allowed = {unit.id for unit in self.units()}
            for unit_id in wanted:
                if unit_id not in allowed:
                    self._deny(f"unit:{unit_id}", "该单位不属于本镇办", "the unit belongs to another office")
        return load_tracks(self.store, wanted, start, end)
