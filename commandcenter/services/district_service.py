"""Segments and staff as a principal may see them: the whole district, or one office's share."""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.persistence import scoped_queries
from commandcenter.persistence.scoped_queries import SegmentRow, StaffRow
from commandcenter.services.guard import Guarded


class DistrictService(Guarded):
    def segments(self) -> list[SegmentRow]:
        return scoped_queries.segments_of(self.store, self._scope("segments"))

    def staff(self) -> list[StaffRow]:
        return scoped_queries.staff_of(self.store, self._scope("staff"))

    def _scope(self, target: str) -> int | None:
        if self.principal.can(Permission.READ_ALL_CASES):
            return None
        if self.principal.can(Permission.READ_OFFICE_CASES) and self.principal.office_id is not None:
            return self.principal.office_id
        return self._deny(target, "不能查看路段和人员", "may not read segments and staff")
