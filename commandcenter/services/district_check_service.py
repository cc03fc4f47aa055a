"""The district consistency report as a signed-in user may ask for it (issue 13): supervisors and
administrators, who fix base data, run it; everyone else is refused and the refusal audited.

The whole district always: a check scoped to one office would miss exactly the overlaps and 路长
that cross office lines. The report is plain data (``domain.district_check``) — each finding carries
``(record_kind, record_id)``, what a panel opens — and the rule keys, never sentences, for ``tr()``.
Reading a city takes about a second, so a screen calls ``check`` through ``ui/background.py``.
"""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.district_data.check import check_district
from commandcenter.domain.district_check import CheckReport
from commandcenter.persistence.district.consistency import district_check_data
from commandcenter.services.guard import Guarded


class DistrictCheckService(Guarded):
    def may_check(self) -> bool:
        """Whether to offer the check at all (the panel hides itself otherwise)."""
        return self.principal.can(Permission.CHECK_DISTRICT)

    def check(self) -> CheckReport:
        self._require(Permission.CHECK_DISTRICT, "district check")
        return check_district(district_check_data(self.store))
