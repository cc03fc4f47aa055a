"""The live map's data as the signed-in principal may see it. Units and the district's lines are
shown to everyone who reads cases (a 镇办 user still needs the roads and the patrollers around their
office); case pins — and the segment colours they cause — only for the cases the principal may
read. Each call is one background job of the map (reads + projection, never on the Qt thread)."""

from __future__ import annotations

from commandcenter.mapping.unit_frame import UnitFrame, unit_frame
from commandcenter.mapping.vector_data import LiveOverlay, VectorData, load_live_overlay, load_vector_data
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.services.guard import Guarded


class MapService(Guarded):
    def units(self, *, datum: str = "wgs84", offline_after_s: float = 300.0) -> UnitFrame:
        self._office_scope("units")
        return unit_frame(latest_positions(self.store), datum=datum, offline_after_s=offline_after_s)

    def vectors(self, datum: str = "wgs84") -> VectorData:
        self._office_scope("map")
        return load_vector_data(self.store, datum)

    def overlay(self, segment_ids: list[int], datum: str = "wgs84") -> LiveOverlay:
        office = self._office_scope("cases")
        return load_live_overlay(self.store, segment_ids, office_id=office, datum=datum)
