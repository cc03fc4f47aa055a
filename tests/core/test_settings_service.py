"""``services.settings`` and the settings row on both databases: the defaults before anyone saved, a
round trip, a racing save refused (not lost), only administrators save (a refusal audited), one
audit entry per save with each changed key before and after, and ``LiveSettings`` on a second
"workstation" seeing the change at its next refresh."""

from __future__ import annotations

import dataclasses

import pytest

from commandcenter.audit.trail import AuditAction
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.settings import DEFAULT_SETTINGS, NotificationRules, SettingsConflict
from commandcenter.domain.settings_problems import Fault, InvalidSettings
from commandcenter.persistence.settings.queries import read_settings, save_settings, settings_revision
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.services.live_settings import LiveSettings
from commandcenter.testing.accounts import CASE_TIME, services_for

QUIET = dataclasses.replace(DEFAULT_SETTINGS, notifications=NotificationRules(sound=False))


def test_before_any_save_the_defaults_at_revision_0(store: Store) -> None:
    assert settings_revision(store) == 0
    stored = services_for(store, UserRole.OPERATOR).settings.current()
    assert (stored.settings, stored.revision) == (DEFAULT_SETTINGS, 0)


def test_a_round_trip_and_a_racing_save_is_refused(store: Store) -> None:
    first = save_settings(store, QUIET, 0, "admin", CASE_TIME)
    assert first.revision == 1
    assert read_settings(store).settings == QUIET
    louder = dataclasses.replace(QUIET, ack_timeout_minutes=45)
    assert save_settings(store, louder, 1, "admin", CASE_TIME).revision == 2
    with pytest.raises(SettingsConflict) as lost:  # the other admin also started from revision 1
        save_settings(store, QUIET, 1, "admin2", CASE_TIME)
    assert (lost.value.expected, lost.value.actual) == (1, 2)
    with pytest.raises(SettingsConflict):  # a second "first save"
        save_settings(store, QUIET, 0, "admin2", CASE_TIME)
    stored = read_settings(store)
    assert (stored.settings, stored.revision, stored.updated_by) == (louder, 2, "admin")
    assert settings_revision(store) == 2


def test_only_an_administrator_saves_and_a_refusal_is_audited(store: Store) -> None:
    supervisor = services_for(store, UserRole.SUPERVISOR, username="chief")
    assert not supervisor.settings.may_edit
    with pytest.raises(PermissionDenied):
        supervisor.settings.save(QUIET, 0)
    assert settings_revision(store) == 0
    records = services_for(store, UserRole.ADMIN).audit_log.recent()
    assert [(r.actor, r.action, r.target) for r in records] == [("chief", "access_denied", "settings")]


def test_a_save_is_checked_and_audited_before_and_after(store: Store) -> None:
    admin = services_for(store, UserRole.ADMIN, username="it-li")
    assert admin.settings.may_edit
    with pytest.raises(InvalidSettings) as refused:
        admin.settings.save(dataclasses.replace(QUIET, ack_timeout_minutes=0, snap_radius_m=0), 0)
    assert [(p.key, p.fault) for p in refused.value.problems] == [
        ("ack_timeout_minutes", Fault.OUT_OF_RANGE),
        ("snap_radius_m", Fault.OUT_OF_RANGE),
    ]
    saved = admin.settings.save(dataclasses.replace(QUIET, duplicate_radius_m=100.0), 0)
    assert saved.revision == 1
    [record] = admin.audit_log.recent()
    assert (record.actor, record.action, record.target) == ("it-li", AuditAction.SETTING_CHANGE, "settings")
    assert record.details == {
        "revision": 1,
        "changes": {
            "duplicate_radius_m": {"before": 50.0, "after": 100.0},
            "notifications.sound": {"before": True, "after": False},
        },
    }
    with pytest.raises(SettingsConflict):  # saved over a revision it did not read: refused, not audited
        admin.settings.save(DEFAULT_SETTINGS, 0)
    assert len(admin.audit_log.recent()) == 1


def test_the_other_workstation_sees_the_change_at_its_next_refresh(store: Store) -> None:
    watching = LiveSettings(store)
    heard: list[int] = []
    watching.changed.connect(lambda settings: heard.append(settings.ack_timeout_minutes))
    assert watching.refresh()  # first read: the defaults at revision 0
    assert not watching.refresh()  # nothing moved: one integer read, no document
    services_for(store, UserRole.ADMIN).settings.save(dataclasses.replace(QUIET, ack_timeout_minutes=10), 0)
    assert watching.current().ack_timeout_minutes == 30  # no I/O in current(): still the old one
    assert watching.refresh()
    assert (watching.current().ack_timeout_minutes, watching.revision) == (10, 1)
    assert heard == [30, 10]


def test_the_saving_workstation_adopts_its_own_save_at_once(store: Store) -> None:
    admin = services_for(store, UserRole.ADMIN)
    admin.settings.save(dataclasses.replace(QUIET, snap_radius_m=80.0), 0)
    assert admin.live_settings.current().snap_radius_m == 80.0
    assert admin.live_settings.revision == 1
