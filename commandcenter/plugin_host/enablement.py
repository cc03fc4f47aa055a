"""Which plugins load at this seat: per office and per workstation, set by an admin, stored centrally.

The decision is plain data in, yes/no out, so it is tested without a database: a rule for this
workstation wins over a rule for its office, which wins over the plugin's own default (loaded for
the offices it names, or for every office when it names none; the district centre, seated at no
office, loads everything not switched off).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.plugin_host.manifest import PluginManifest


@dataclass(frozen=True)
class Seat:
    """Where this session runs: an office name (None for the district centre) and the workstation
    name. Who may change the rules is not the seat's business: that is the signed-in principal's
    ``MANAGE_PLUGINS`` permission, checked by ``services.plugin_service``."""

    office: str | None
    workstation: str


def is_enabled(manifest: PluginManifest, seat: Seat, rules: Iterable[EnablementRule]) -> bool:
    mine = [rule for rule in rules if rule.plugin_id == manifest.id]
    for scope, target in ((Scope.WORKSTATION, seat.workstation), (Scope.OFFICE, seat.office)):
        for rule in mine:
            if rule.scope == scope and rule.target == target:
                return rule.enabled
    if seat.office is None:
        return True
    return not manifest.offices or seat.office in manifest.offices
