"""Segments and staff as a principal may see them: the whole district, or one office's share."""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.domain.district import SegmentSummary, StaffSummary
from commandcenter.persistence.district import queries as district_queries
from commandcenter.services.guard import Guarded


class DistrictService(Guarded):
    def segments(self) -> list[SegmentSummary]:
        return district_queries.segments_of(self.store, self._scope("segments"))

    def staff(self) -> list[StaffSummary]:
        return district_queries.staff_of(self.store, self._scope("staff"))

    def _scope(self, target: str) -> int | None:
        if self.principal.can(Permission.READ_ALL_CASES):
            return None
        if self.principal.can(Permission.READ_OFFICE_CASES) and self.principal.office_id is not None:
            return self.principal.office_id
        return self._deny(target, "不能查看路段和人员", "may not read segments and staff")
