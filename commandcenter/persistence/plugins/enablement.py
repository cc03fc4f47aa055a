"""Reading and writing the central enablement rules (table ``plugin_enablement``, migration 0006).

Who may change a rule is checked by ``services.plugin_service`` (the signed-in principal's
``MANAGE_PLUGINS``), the only caller that writes; the actor it passes is that principal's user name.
Every change is appended to the audit log in the same transaction (action ``plugin_change``, as
``commandcenter.audit.trail.AuditAction`` names it): a rule and its audit row commit together.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, exc, insert, select, update

from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.persistence.access import read_rows, unavailable
from commandcenter.persistence.accounts.audit_log import append_in
from commandcenter.persistence.plugins.models import PluginEnablement
from commandcenter.persistence.store import Store

PLUGIN_CHANGE = "plugin_change"


def load_rules(store: Store) -> list[EnablementRule]:
    table = PluginEnablement
    statement = select(table.plugin_id, table.scope, table.target, table.enabled).order_by(table.id)
    rows = read_rows(store, statement)
    return [
        EnablementRule(plugin_id, Scope(scope), target, bool(on)) for plugin_id, scope, target, on in rows
    ]


def set_rule(store: Store, rule: EnablementRule, *, actor: str) -> None:
    """Insert or replace the rule for (plugin, scope, target)."""
    table = PluginEnablement
    key = (table.plugin_id == rule.plugin_id, table.scope == rule.scope.value, table.target == rule.target)
    now = datetime.now(UTC)
    values = {"enabled": rule.enabled, "updated_at": now, "updated_by": actor}
    details = {"scope": rule.scope.value, "target": rule.target, "enabled": rule.enabled}
    try:
        with store.engine.begin() as connection:
            if connection.execute(update(table).where(*key).values(**values)).rowcount == 0:
                connection.execute(
                    insert(table).values(
                        plugin_id=rule.plugin_id, scope=rule.scope.value, target=rule.target, **values
                    )
                )
            append_in(connection, actor, PLUGIN_CHANGE, f"plugin:{rule.plugin_id}", details, now)
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def clear_rule(store: Store, plugin_id: str, scope: Scope, target: str, *, actor: str) -> None:
    """Back to the plugin's default for that seat."""
    table = PluginEnablement
    try:
        with store.engine.begin() as connection:
            connection.execute(
                delete(table).where(
                    table.plugin_id == plugin_id, table.scope == scope.value, table.target == target
                )
            )
            details = {"scope": scope.value, "target": target, "enabled": None}
            append_in(connection, actor, PLUGIN_CHANGE, f"plugin:{plugin_id}", details, datetime.now(UTC))
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
