"""Which cases a principal sees — the one place case reads are scoped: the centre and leaders all,
an office user their office's, a department user what their department holds (联动). Reading another
scope's case by id is refused with ``PermissionDenied`` naming the case id, not disguised as "not
found": users are authenticated staff, case ids are not secrets (they appear on work orders), and an
explicit refusal — recorded in the audit log — tells both the user and the auditor what happened."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.persistence.cases import queries as case_queries
from commandcenter.persistence.district.departments import department_named
from commandcenter.services.guard import Guarded


@dataclass(frozen=True)
class CaseScope:
    """Which cases a principal sees: all (the centre, leaders), one office's, or one department's."""

    office_id: int | None = None
    department_id: int | None = None

    @property
    def everything(self) -> bool:
        return self.office_id is None and self.department_id is None


class ScopedCases(Guarded):
    """The scope of a case service: ``_read_scope``, ``_check_case`` (refused and audited), ``visible``."""

    def _read_scope(self) -> CaseScope:
        """Everything; an office user: their office; a department user: what their department holds.
        No read permission (or a department the district does not have): refused."""
        if self.principal.can(Permission.READ_ALL_CASES):
            return CaseScope()
        if self.principal.can(Permission.READ_OFFICE_CASES) and self.principal.office_id is not None:
            return CaseScope(office_id=self.principal.office_id)
        if self.principal.can(Permission.READ_DEPARTMENT_CASES) and self.principal.department:
            department = department_named(self.store, self.principal.department)
            if department is not None:
                return CaseScope(department_id=department.id)
        return self._deny("cases", "不能查看案件", "may not read cases")

    def visible(self, case_id: int) -> bool:
        """Whether the principal still sees the case — asked after a step that may hand it on (a
        department's 回复), so the screen can say so instead of reading it and being refused."""
        scope = self._read_scope()
        if scope.everything:
            return True
        office, department = case_queries.case_holders(self.store, case_id_of(case_id))
        return (scope.office_id is None or office == scope.office_id) and (
            scope.department_id is None or department == scope.department_id
        )

    def _check_case(self, case_id: int) -> None:
        scope = self._read_scope()
        if scope.everything:
            return
        office, department = case_queries.case_holders(self.store, case_id)
        if scope.office_id is not None and office != scope.office_id:
            self._deny(
                f"case:{case_id}", f"案件 {case_id} 不属于本镇办", f"case {case_id} belongs to another office"
            )
        if scope.department_id is not None and department != scope.department_id:
            self._deny(
                f"case:{case_id}",
                f"案件 {case_id} 不在本部门办理",
                f"case {case_id} is not held by your department",
            )


def case_id_of(value: object) -> int:
    """A case id as a caller may send it: a positive integer, else ``InvalidInput``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**62:
        raise InvalidInput("case_id", "案件编号无效", "invalid case id")
    return value
