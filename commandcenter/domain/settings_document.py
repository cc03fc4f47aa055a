"""The settings as a JSON document: what the table stores, ``settings show`` prints and ``settings
import`` reads.

Compatible both ways: a key missing from a stored document takes its default (a document written
before a setting existed), and a top-level key this version does not know is kept in ``extra`` and
written back unchanged (a newer workstation's setting survives an older one's save). Inside a
section an unknown key is ignored. A value of the wrong kind is a ``NOT_A_VALUE`` problem naming
its key; reading a stored document (``parse_json``) falls back to that key's default instead (a
workstation must start), importing a file (``from_json``) refuses it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from commandcenter.domain import settings_values as values
from commandcenter.domain.assessment_settings import assessment_document, assessment_of
from commandcenter.domain.credit_settings import credit_document, credit_rules
from commandcenter.domain.settings import (
    DEFAULT_SETTINGS,
    DistrictSettings,
    NotificationRules,
)
from commandcenter.domain.settings_problems import Fault, InvalidSettings, SettingsProblem

KNOWN_KEYS = frozenset(
    {
        "ack_timeout_minutes",
        "duplicate_radius_m",
        "duplicate_window_hours",
        "snap_radius_m",
        "day_shift",
        "escalation",
        "notifications",
        "calendar",
        "media_url_template",
        "assessment",
        "credit",
    }
)
T = TypeVar("T")


def to_document(settings: DistrictSettings) -> dict[str, Any]:
    calendar = settings.calendar
    document: dict[str, Any] = dict(settings.extra)
    document.update(
        ack_timeout_minutes=settings.ack_timeout_minutes,
        duplicate_radius_m=settings.duplicate_radius_m,
        duplicate_window_hours=settings.duplicate_window_hours,
        snap_radius_m=settings.snap_radius_m,
        day_shift={
            "start": values.clock_text(settings.day_shift_start),
            "end": values.clock_text(settings.day_shift_end),
        },
        escalation=[
            {"level": rung.level.value, "enabled": rung.enabled, "wait_minutes": rung.wait_minutes}
            for rung in settings.escalation
        ],
        notifications={
            "popup": settings.notifications.popup,
            "sound": settings.notifications.sound,
            "max_urgency": settings.notifications.max_urgency,
            "categories": list(settings.notifications.categories),
            "open_cameras": settings.notifications.open_cameras,
        },
        calendar={
            "periods": [
                [values.clock_text(start), values.clock_text(end)] for start, end in calendar.periods
            ],
            "years": [
                {"year": year.year, "holidays": [values.holiday_document(h) for h in year.holidays]}
                for year in calendar.years
            ],
        },
        media_url_template=settings.media_url_template,
        assessment=assessment_document(settings.assessment),
        credit=credit_document(settings.credit),
    )
    return document


def to_json(settings: DistrictSettings) -> str:
    """Canonical text: the same settings always give the same bytes (stored, compared, audited)."""
    return json.dumps(to_document(settings), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> DistrictSettings:
    """The settings of a JSON text; ``InvalidSettings`` lists every value of the wrong kind."""
    settings, problems = parse_json(text)
    if problems:
        raise InvalidSettings(problems)
    return settings


def parse_json(text: str) -> tuple[DistrictSettings, list[SettingsProblem]]:
    """Lenient: the settings with defaults for whatever could not be read, and what that was."""
    try:
        raw = json.loads(text)
    except ValueError as error:
        return DEFAULT_SETTINGS, [SettingsProblem("", Fault.NOT_A_VALUE, (str(error),))]
    return parse_document(raw)


def from_document(raw: object) -> DistrictSettings:
    """The settings of a parsed document; ``InvalidSettings`` lists every value of the wrong kind."""
    settings, problems = parse_document(raw)
    if problems:
        raise InvalidSettings(problems)
    return settings


def parse_document(raw: object) -> tuple[DistrictSettings, list[SettingsProblem]]:
    reader = _Reader()
    settings = reader.settings(raw)
    return settings, list(dict.fromkeys(reader.problems))


class _Reader:
    def __init__(self) -> None:
        self.problems: list[SettingsProblem] = []

    def settings(self, raw: object) -> DistrictSettings:
        if not isinstance(raw, Mapping):
            self.problems.append(SettingsProblem("", Fault.NOT_A_VALUE, (repr(raw)[:80],)))
            return DEFAULT_SETTINGS
        d = DEFAULT_SETTINGS
        shift = raw.get("day_shift", {})
        return DistrictSettings(
            ack_timeout_minutes=self.value(raw, "ack_timeout_minutes", d.ack_timeout_minutes, values.integer),
            duplicate_radius_m=self.value(raw, "duplicate_radius_m", d.duplicate_radius_m, values.number),
            duplicate_window_hours=self.value(
                raw, "duplicate_window_hours", d.duplicate_window_hours, values.number
            ),
            snap_radius_m=self.value(raw, "snap_radius_m", d.snap_radius_m, values.number),
            day_shift_start=self.value(shift, "start", d.day_shift_start, values.clock, "day_shift.start"),
            day_shift_end=self.value(shift, "end", d.day_shift_end, values.clock, "day_shift.end"),
            escalation=self.value(raw, "escalation", d.escalation, values.ladder),
            notifications=self.notifications(raw.get("notifications", {})),
            calendar=self.value(raw, "calendar", d.calendar, values.calendar),
            media_url_template=self.value(raw, "media_url_template", d.media_url_template, values.text),
            assessment=self.value(raw, "assessment", d.assessment, assessment_of),
            credit=self.value(raw, "credit", d.credit, credit_rules),
            extra={key: value for key, value in raw.items() if key not in KNOWN_KEYS},
        )

    def notifications(self, raw: object) -> NotificationRules:
        d = DEFAULT_SETTINGS.notifications
        key = "notifications"
        return NotificationRules(
            popup=self.value(raw, "popup", d.popup, values.boolean, f"{key}.popup"),
            sound=self.value(raw, "sound", d.sound, values.boolean, f"{key}.sound"),
            max_urgency=self.value(raw, "max_urgency", d.max_urgency, values.integer, f"{key}.max_urgency"),
            categories=self.value(raw, "categories", d.categories, values.codes, f"{key}.categories"),
            open_cameras=self.value(
                raw, "open_cameras", d.open_cameras, values.boolean, f"{key}.open_cameras"
            ),
        )

    def value(self, raw: object, name: str, default: T, convert: Callable[[Any], T], key: str = "") -> T:
        if not isinstance(raw, Mapping):
            self.problems.append(SettingsProblem(key.rsplit(".", 1)[0], Fault.NOT_A_VALUE, (repr(raw)[:80],)))
            return default
        if name not in raw:
            return default
        try:
            return convert(raw[name])
        except (TypeError, ValueError, KeyError, AttributeError):
            self.problems.append(SettingsProblem(key or name, Fault.NOT_A_VALUE, (repr(raw[name])[:80],)))
            return default
