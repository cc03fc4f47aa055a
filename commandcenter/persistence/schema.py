"""The whole schema in one place: importing this module registers every aggregate's tables on the shared
``Base.metadata``, which Alembic's autogenerate check and the bulk loader need complete. Query modules
import only their own aggregate's ``models`` (and the few others they join)."""

from __future__ import annotations

import re
from typing import Any

from commandcenter.persistence.accounts import models as accounts
from commandcenter.persistence.base import Base
from commandcenter.persistence.cameras import models as cameras
from commandcenter.persistence.cases import (
    desk_models as case_desk,
    evidence_models as case_evidence,
    models as cases,
)
from commandcenter.persistence.credit import models as credit
from commandcenter.persistence.district import models as district
from commandcenter.persistence.duty import models as duty
from commandcenter.persistence.evaluation import models as evaluation
from commandcenter.persistence.gateway import models as gateway
from commandcenter.persistence.inspections import models as inspections
from commandcenter.persistence.map import models as map_tables
from commandcenter.persistence.platform_alarms import models as platform_alarms
from commandcenter.persistence.plugins import models as plugins
from commandcenter.persistence.settings import models as settings
from commandcenter.persistence.units import models as units

AGGREGATES = (
    district,
    units,
    cameras,
    cases,
    case_desk,
    accounts,
    plugins,
    map_tables,
    settings,
    gateway,
    duty,
    evaluation,
    inspections,
    *(district, units, cameras, cases, case_desk, accounts, plugins, map_tables, settings, gateway),
    credit,  # issue 16: the credit record
    platform_alarms,  # issue 18: which platform alarms became cases
    case_evidence,  # issue 18: video clips as case evidence
)
metadata = Base.metadata

_DAY_PARTITION = re.compile(r"positions_(\d{8}|default)")


def is_modelled(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's ``include_name``: every reflected table but the day partitions of ``positions``
    (PostgreSQL, migration 0013) — they belong to the partition maintenance, not to the models."""
    return not (type_ == "table" and name is not None and _DAY_PARTITION.fullmatch(name))


__all__ = ["AGGREGATES", "is_modelled", "metadata"]
