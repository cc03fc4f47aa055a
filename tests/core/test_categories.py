"""The default category table: complete, consistent, loadable."""

from __future__ import annotations

import re

from commandcenter.domain.categories import (
    DEFAULT_CATEGORIES,
    category_by_code,
    category_rows,
    report_weight,
)
from commandcenter.domain.kinds import CategoryKind
from commandcenter.persistence.cases.models import CaseCategory

REQUIRED = {
    "占道经营",
    "无照经营游商",
    "暴露垃圾",
    "乱堆物堆料",
    "非法小广告",
    "道路不洁",
    "施工占道",
    "工地扬尘",
    "渣土撒漏",
    "违法搭建",
    "井盖缺损",
    "路灯不亮",
    "道路积水",
}


def test_required_categories_and_enough_others() -> None:
    names = [spec.name for spec in DEFAULT_CATEGORIES]
    assert set(names) >= REQUIRED
    assert len(names) >= len(REQUIRED) + 12
    assert len(set(names)) == len(names)


def test_codes_separate_components_from_events() -> None:
    codes = [spec.code for spec in DEFAULT_CATEGORIES]
    assert len(set(codes)) == len(codes)
    for spec in DEFAULT_CATEGORIES:
        letter = "B" if spec.kind is CategoryKind.COMPONENT else "S"
        assert re.fullmatch(rf"{letter}\d{{4}}", spec.code)
        assert spec.code.startswith(spec.major_code)
        assert len(spec.code) <= 8
    majors = {(spec.major_code, spec.major_name) for spec in DEFAULT_CATEGORIES}
    assert ("S05", "街面秩序") in majors
    assert ("B01", "公用设施") in majors
    assert category_by_code("S0502").name == "占道经营"  # type: ignore[union-attr]


def test_deadlines_departments_and_conditions_are_plausible() -> None:
    for spec in DEFAULT_CATEGORIES:
        assert 0.5 <= spec.dispatch_hours <= 1
        assert 1 <= spec.dispose_hours <= 40
        assert spec.department
        assert spec.filing_condition.strip()
    by_name = {spec.name: spec for spec in DEFAULT_CATEGORIES}
    assert by_name["井盖缺损"].dispose_hours == 2
    assert by_name["井盖缺损"].urgency == 1
    assert by_name["违法搭建"].dispose_hours == 40  # five working days
    assert by_name["路灯不亮"].department == "路灯所"


def test_events_outweigh_components_in_reports() -> None:
    events = sum(s.weight for s in DEFAULT_CATEGORIES if s.kind is CategoryKind.EVENT)
    components = sum(s.weight for s in DEFAULT_CATEGORIES if s.kind is CategoryKind.COMPONENT)
    assert events > 5 * components
    assert report_weight("S0502") > report_weight("B0105")
    assert report_weight("X9999") == 1.0


def test_rows_match_the_model_columns() -> None:
    rows = category_rows()
    columns = set(CaseCategory.__table__.columns.keys())
    assert all(set(row) == columns for row in rows)
    assert [row["id"] for row in rows] == list(range(1, len(rows) + 1))
    assert all(row["kind"] in {"部件", "事件"} for row in rows)
