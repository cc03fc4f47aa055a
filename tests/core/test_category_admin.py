"""Editing the category table on both databases: valid edits land, invalid ones name the field and
change nothing, and an office's own 小类 is screened like a built-in one."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from commandcenter.domain.categories import CategoryRecord
from commandcenter.domain.category_rules import InvalidCategory
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases import categories as case_categories
from commandcenter.persistence.cases.categories import list_categories, save_categories
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def test_an_edit_changes_deadlines_and_condition(district: Store) -> None:
    [row] = list_categories(district)
    save_categories(
        district, [dataclasses.replace(row, dispatch_hours=1.5, filing_condition="占道超过 1 米")]
    )
    spec = case_categories.active_categories(district)["S0501"]
    assert (spec.dispatch_hours, spec.filing_condition) == (1.5, "占道超过 1 米")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("dispatch_hours", 0),
        ("dispose_hours", -4),
        ("dispose_hours", float("nan")),
        ("dispatch_hours", 10_000),
        ("department", "部" * 41),
        ("filing_condition", "a\x00b"),
        ("kind", "其他"),
        ("code", "S05;DROP"),
    ],
)
def test_an_invalid_edit_names_the_field_and_writes_nothing(
    district: Store, field: str, value: object
) -> None:
    before = list_categories(district)
    good_new = dataclasses.replace(before[0], code="S0599", name="自定义")
    with pytest.raises(InvalidCategory) as refused:
        save_categories(district, [good_new, dataclasses.replace(before[0], **{field: value})])
    assert refused.value.field == field
    assert list_categories(district) == before  # all or nothing: the valid new row was not written either


def test_an_offices_own_category_takes_reports(district: Store) -> None:
    own = CategoryRecord(
        "S0598", "事件", "S05", "街面秩序", "夜市占道", "夜市超出划定区域", 0.5, 4.0, "属地镇办", False, True
    )
    save_categories(district, [own])
    assert "S0598" in case_categories.active_categories(district)
    case_id = create_case(district, minimal_report(category_code="S0598"), now=datetime.now(UTC))
    assert case_id > 0
    save_categories(district, [dataclasses.replace(own, active=False)])
    assert "S0598" not in case_categories.active_categories(district)
