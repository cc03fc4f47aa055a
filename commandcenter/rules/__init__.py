"""Map rules and alerts (Qt-free): patrollers off their segment, muck trucks outside their permit's
area, route or hours, and loaded trucks stopped away from any site (possible illegal dumping).

``RuleEngine.feed(fixes)`` takes the same ``Fix`` batches ``Store.record_positions`` takes; alerts
are emitted through ``RuleEngine.alerts`` and stored with ``persistence.alert_records``.
``AlertWatcher`` follows the positions table and does both for every source.
"""

from commandcenter.rules.alerts import Alert, AlertKind, alert_to_case
from commandcenter.rules.context import PatrolSegment, RuleContext, UnitInfo, load_rule_context
from commandcenter.rules.engine import RuleEngine, RuleSettings
from commandcenter.rules.permits import TruckPermit

__all__ = [
    "Alert",
    "AlertKind",
    "PatrolSegment",
    "RuleContext",
    "RuleEngine",
    "RuleSettings",
    "TruckPermit",
    "UnitInfo",
    "alert_to_case",
    "load_rule_context",
]
