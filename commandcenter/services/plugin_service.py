"""Plugin administration for the plugin manager: which plugin loads for which office or workstation.

Only a principal holding ``MANAGE_PLUGINS`` (the administrator) reads or changes the central
enablement rules; a refusal is audited under the signed-in user, and a change is audited under
their user name in the same transaction as the rule itself (``persistence/plugins/enablement``) —
never under the workstation. The office names the manager offers are those the principal may see.
"""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.plugins import enablement
from commandcenter.services.guard import Guarded

PLUGIN_ID_LIMIT = 40  # plugin_enablement.plugin_id
TARGET_LIMIT = 64  # plugin_enablement.target


class PluginService(Guarded):
    def may_manage(self) -> bool:
        """Whether to offer the enable/disable controls (the core refuses anyway)."""
        return self.principal.can(Permission.MANAGE_PLUGINS)

    def rules(self) -> list[EnablementRule]:
        self._require(Permission.MANAGE_PLUGINS, "plugin_rules")
        return enablement.load_rules(self.store)

    def set_rule(self, rule: EnablementRule) -> None:
        """Switch a plugin on or off for an office or a workstation (applies at each seat's next start)."""
        plugin_id, target = self._names(rule.plugin_id, rule.target)
        self._require(Permission.MANAGE_PLUGINS, f"plugin:{plugin_id}")
        clean = EnablementRule(plugin_id, Scope(rule.scope), target, bool(rule.enabled))
        enablement.set_rule(self.store, clean, actor=self.principal.username)

    def clear_rule(self, plugin_id: object, scope: Scope, target: object) -> None:
        """Back to the plugin's own default for that office or workstation."""
        plugin, seat = self._names(plugin_id, target)
        self._require(Permission.MANAGE_PLUGINS, f"plugin:{plugin}")
        enablement.clear_rule(self.store, plugin, Scope(scope), seat, actor=self.principal.username)

    def office_names(self) -> list[str]:
        """The offices the manager lists: all of them, or an office user's own."""
        names = [
            office.name
            for office in district_queries.offices(self.store)
            if self.principal.may_see_office(office.id)
        ]
        if not names and not self.principal.can(Permission.READ_ALL_CASES):
            self._deny("offices", "不能查看镇办", "may not read the offices")
        return names

    def seat_office(self) -> str | None:
        """The office whose modules this seat loads: a signed-in office user's own office (by
        name), whatever the workstation's config says; None for the centre's users."""
        if self.principal.office_id is None or self.principal.can(Permission.READ_ALL_CASES):
            return None
        return next(
            (o.name for o in district_queries.offices(self.store) if o.id == self.principal.office_id), None
        )

    @staticmethod
    def _names(plugin_id: object, target: object) -> tuple[str, str]:
        return (
            clean_text(plugin_id, "plugin", limit=PLUGIN_ID_LIMIT, required=True),
            clean_text(target, "target", limit=TARGET_LIMIT, required=True),
        )
