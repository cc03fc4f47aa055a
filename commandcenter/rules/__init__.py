"""Map rules and alerts (Qt-free): patrollers off their segment, muck trucks outside their permit's
area, route or hours, and loaded trucks stopped away from any site (possible illegal dumping).

``RuleEngine.feed(fixes)`` takes the same ``Position`` batches ``record_positions`` takes; alerts
are emitted through ``RuleEngine.alerts`` and stored with ``persistence.alert_records``.
``AlertWatcher`` follows the positions table and does both for every source.
"""

from commandcenter.domain.alerts import Alert, AlertKind, TruckPermit
from commandcenter.rules.alerts import alert_to_report
from commandcenter.rules.context import PatrolSegment, RuleContext, UnitInfo, load_rule_context
from commandcenter.rules.engine import RuleEngine, RuleSettings

__all__ = [
    "Alert",
    "AlertKind",
    "PatrolSegment",
    "RuleContext",
    "RuleEngine",
    "RuleSettings",
    "TruckPermit",
    "UnitInfo",
    "alert_to_report",
    "load_rule_context",
]
