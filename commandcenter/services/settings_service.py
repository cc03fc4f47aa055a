"""The district's central settings through the services: every signed-in principal reads them (each
workstation runs on them); only a principal with ``manage_settings`` (administrators) saves, and
every save is checked first (all problems at once, nothing written) and audited as one
``setting_change`` entry naming each changed setting before and after — the settings decide
deadlines, merges and escalations, so a change is a policy decision an auditor must be able to read.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.district_time import district_clock
from commandcenter.domain.holiday_import import looks_like_json, read_holiday_rows
from commandcenter.domain.settings import CalendarSettings, DistrictSettings, SettingsConflict, StoredSettings
from commandcenter.domain.settings_document import to_document
from commandcenter.domain.settings_problems import InvalidSettings
from commandcenter.domain.settings_rules import validate
from commandcenter.events import EventEmitter
from commandcenter.persistence.settings.queries import read_settings, save_settings, settings_revision
from commandcenter.services.guard import Guarded
from commandcenter.textfiles import decode_text

AUDIT_TARGET = "settings"


class SettingsService(Guarded):
    @functools.cached_property
    def saved(self) -> EventEmitter[StoredSettings]:
        """Each successful save (the hub's ``LiveSettings`` adopts it: no wait for the next poll)."""
        return EventEmitter("settings_saved")

    def current(self) -> StoredSettings:
        """The stored settings and the revision a save must name (defaults at revision 0)."""
        return read_settings(self.store)

    def revision(self) -> int:
        return settings_revision(self.store)

    @property
    def may_edit(self) -> bool:
        return self.principal.can(Permission.MANAGE_SETTINGS)

    def years_without_holidays(self) -> list[int]:
        """This year and next, on the district's clock, when the stored calendar has no holidays for
        them (every workstation's status bar warns; any signed-in principal may ask)."""
        return read_settings(self.store).settings.calendar.years_without_holidays(district_clock().today())

    def import_holidays(self, year: int, data: bytes, source: str) -> StoredSettings:
        """Replace ``year``'s holiday table with the rows of a CSV or JSON file (``data``, named
        ``source`` in the audit entry) and save it over the newest revision. Raises
        ``PermissionDenied`` (audited), ``TextEncodingError``, ``HolidayImportError`` (every bad
        row), ``InvalidSettings``, ``SettingsConflict`` or ``DatabaseUnavailable``; nothing is
        stored in any of these cases."""
        self._require(Permission.MANAGE_SETTINGS, AUDIT_TARGET)
        text = decode_text(data).text  # Excel's GBK as well as UTF-8
        imported = read_holiday_rows(text, year, json_format=looks_like_json(source, text))
        current = read_settings(self.store)
        calendar = current.settings.calendar
        years = tuple(
            sorted([*(y for y in calendar.years if y.year != year), imported], key=lambda y: y.year)
        )
        wanted = dataclasses.replace(current.settings, calendar=CalendarSettings(calendar.periods, years))
        days = sum(len(holiday.days_off()) for holiday in imported.holidays)
        return self.save(
            wanted,
            current.revision,
            {"import": source, "year": year, "holidays": len(imported.holidays), "days_off": days},
        )

    def save(
        self, settings: DistrictSettings, expected_revision: int, origin: dict[str, Any] | None = None
    ) -> StoredSettings:
        """Store ``settings`` over revision ``expected_revision``. Raises ``PermissionDenied``
        (audited), ``InvalidSettings`` (every problem), ``SettingsConflict`` (another administrator
        saved first: reload) or ``DatabaseUnavailable``; nothing is written in any of these cases.
        ``origin`` joins the audit entry (an import names its file)."""
        self._require(Permission.MANAGE_SETTINGS, AUDIT_TARGET)
        problems = validate(settings)
        if problems:
            raise InvalidSettings(problems)
        before = read_settings(self.store)
        if before.revision != expected_revision:  # the diff below must be against what is replaced
            raise SettingsConflict(expected_revision, before.revision)
        saved = save_settings(self.store, settings, expected_revision, self.principal.username, self.clock())
        changes = changed_fields(before.settings, settings)
        self._record(
            AuditAction.SETTING_CHANGE,
            AUDIT_TARGET,
            {"revision": saved.revision, "changes": changes, **(origin or {})},
        )
        self.saved.emit(saved)
        return saved


def changed_fields(before: DistrictSettings, after: DistrictSettings) -> dict[str, dict[str, Any]]:
    """``{"notifications.sound": {"before": true, "after": false}, …}``: document keys flattened to
    their leaves (a list — the ladder, the periods, the years — is one value)."""
    old, new = _flatten(to_document(before)), _flatten(to_document(after))
    return {
        key: {"before": old.get(key), "after": new.get(key)}
        for key in sorted(old.keys() | new.keys())
        if old.get(key) != new.get(key)
    }


def _flatten(document: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
