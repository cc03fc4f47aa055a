"""The district as a principal may see it: the whole district, or one office's share — segments, staff
and the counts of the KPI strip."""

from __future__ import annotations

from commandcenter.domain.district import SeedCounts, SegmentSummary, StaffSummary
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.district.counts import district_counts
from commandcenter.services.guard import Guarded


class DistrictService(Guarded):
    def segments(self) -> list[SegmentSummary]:
        return district_queries.segments_of(self.store, self._office_scope("segments"))

    def staff(self) -> list[StaffSummary]:
        return district_queries.staff_of(self.store, self._office_scope("staff"))

    def counts(self) -> SeedCounts:
        """The KPI strip's counts: the district's, or an office user's own office's."""
        return district_counts(self.store, self._office_scope("counts"))
