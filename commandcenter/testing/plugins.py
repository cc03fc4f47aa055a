"""Testing a plugin against the real thing — for this repository's tests and for a plugin author's
(``docs/PLUGINS.md``, "Testing a plugin"): a one-office district in a SQLite file, the context the
host would hand a plugin, and a report filed through the real intake so a test reads what a case
rule did to the case (its notes, urgency, office) where the operator will.

These names (and ``CaseRuleSet``, ``Seat``, ``start_plugins``, re-exported so an author's test
imports only this module and ``commandcenter.plugins_api``) are kept stable for plugin authors; the
modules behind them are the core's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.plugins.migrations import upgrade_plugin
from commandcenter.persistence.plugins.tables import PluginTables
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.boundary import StoreDistrict, plugin_info
from commandcenter.plugin_host.discovery import Candidate, discover
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.startup import start_plugins
from commandcenter.plugins_api.context import PluginContext
from commandcenter.plugins_api.contributions import Contributions
from commandcenter.testing.minimal_district import minimal_district

# The one district of ``district_store``: office 建中街街道 (id 1), segment 1 "大学路第1段" from
# (113.60, 34.70) to (113.62, 34.72), category S0501 占道经营 (photo required), patroller 张伟 (id 1).
OFFICE, SEGMENT_ID, CATEGORY = "建中街街道", 1, "S0501"
ON_SEGMENT = (113.61, 34.7095)  # inside the office, 40 m from segment 1
TUESDAY_MORNING = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # 10:00 in Zhengzhou, a working day
CENTRE = Seat(None, "test")  # the district centre's seat: every plugin not switched off loads

__all__ = [
    "CATEGORY",
    "CENTRE",
    "OFFICE",
    "ON_SEGMENT",
    "SEGMENT_ID",
    "CaseRuleSet",
    "FiledCase",
    "Seat",
    "context_for",
    "district_store",
    "file_report",
    "start_plugins",
]


def district_store(folder: Path) -> Store:
    """A new SQLite database in ``folder`` holding the one-office district (close it when done)."""
    store = Store.open(f"sqlite:///{Path(folder) / 'district.sqlite'}")
    replace_all(store, minimal_district())
    return store


def context_for(store: Store, plugin_id: str, folders: Iterable[Path] = ()) -> PluginContext:
    """The context the host hands ``plugin_id`` (its migrations run first), to call the plugin's own
    functions directly. Nothing it registers is placed anywhere."""
    found = discover(folders, entry_points=True)
    candidate = next(i for i in found if isinstance(i, Candidate) and i.manifest.id == plugin_id)
    manifest = candidate.manifest
    if manifest.migrations:
        upgrade_plugin(store, candidate.location / manifest.migrations, manifest.version_table)
    tables = PluginTables(store, manifest.table_prefix)
    return PluginContext(plugin_info(manifest), StoreDistrict(store), tables, Contributions(), _no_events)


def _no_events(_event: str, _handler: object) -> None:
    pass


@dataclass(frozen=True)
class FiledCase:
    """A case as intake wrote it: what a case rule changed is visible here."""

    case_id: int
    urgency: int
    office_name: str | None
    rule_notes: list[str]  # the notes stored with the case's first event


def file_report(
    store: Store,
    rules: CaseRuleSet,
    category_code: str = CATEGORY,
    lon: float = ON_SEGMENT[0],
    lat: float = ON_SEGMENT[1],
    *,
    description: str = "",
    now: datetime = TUESDAY_MORNING,
) -> FiledCase:
    """File one report (with a photo) through the real intake applying ``rules``."""
    report = IncomingReport(category_code, lon, lat, description=description, photos=("photo.jpg",))
    outcome = CaseIntake.from_store(store, rules=rules).receive(report, now)
    if outcome.case_id is None:
        raise ValueError(f"intake refused the report: {outcome.result.rejections}")
    [row] = board_rows(store, [outcome.case_id])
    first = case_timeline(store, outcome.case_id)[0]
    return FiledCase(outcome.case_id, row.urgency, row.office_name, list(first.payload.get("rule_notes", [])))
