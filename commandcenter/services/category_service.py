"""The category table (立结案标准) through the services: everyone who works cases reads it; only a
principal with ``manage_categories`` (值班长, administrators) changes it, and every change is audited
with the codes it touched — the table decides deadlines, so a change is a policy decision."""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.categories import CategoryRecord
from commandcenter.domain.category_rules import validate_category
from commandcenter.persistence.cases.categories import list_categories, save_categories
from commandcenter.services.guard import Guarded


class CategoryService(Guarded):
    def categories(self) -> list[CategoryRecord]:
        self._any_reader("categories")  # any case reader; refused and audited otherwise
        return list_categories(self.store)

    @property
    def may_edit(self) -> bool:
        return self.principal.can(Permission.MANAGE_CATEGORIES)

    def save(self, rows: list[CategoryRecord]) -> int:
        """Write edited and new 小类 all-or-nothing (``InvalidCategory`` names the first bad field)."""
        self._require(Permission.MANAGE_CATEGORIES, "categories")
        for row in rows:
            validate_category(row)
        written = save_categories(self.store, rows)
        codes = sorted(row.code for row in rows)
        self._record(AuditAction.CATEGORY_CHANGE, "categories", {"codes": codes[:50], "rows": written})
        return written
