"""The list as a table of cells — what ``credit list`` prints and the export writes: Chinese headers,
times on the district's clock, the basis in words with the figures it was met with. Domain data, so
Chinese whatever the interface language (a list sent to another authority is read in Chinese)."""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.district_time import district_clock
from commandcenter.domain.credit import ListedViolator, ListingBasis, ViolatorKind

HEADERS = ("类型", "名称", "标识", "列入时间", "列入依据", "有效期至", "有效失信记录")
KIND_NAMES = {
    ViolatorKind.PERSON: "个人",
    ViolatorKind.SHOP: "商户",
    ViolatorKind.COMPANY: "运输企业",
    ViolatorKind.PLATE: "车辆",
}


def basis_text(basis: ListingBasis, facts: dict[str, int]) -> str:
    """``12个月内失信3次`` / ``12个月内累计12分``."""
    months = facts.get("window_months", 0)
    if basis is ListingBasis.COUNT:
        return f"{months}个月内失信{facts.get('count', 0)}次"
    return f"{months}个月内累计{facts.get('points', 0)}分"


def list_rows(rows: Sequence[ListedViolator]) -> list[list[str]]:
    clock = district_clock()
    return [
        [
            KIND_NAMES[row.violator.kind],
            row.violator.name,
            row.violator.identifier,
            f"{clock.local(row.listing.listed_at):%Y-%m-%d %H:%M}",
            basis_text(row.listing.basis, row.listing.facts),
            f"{clock.local(row.listing.expires_at):%Y-%m-%d}",
            str(row.violations),
        ]
        for row in rows
    ]
