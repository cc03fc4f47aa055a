"""What the upkeep of the position time series does to a day (PostgreSQL's day partitions, retention),
as facts the CLI and the gateway report: a plan step, and what a step did once applied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class UpkeepAction(StrEnum):
    CREATE = "create"  # make the day's partition (PostgreSQL), fixes waiting in the default moved in
    EXPIRE = "expire"  # past retention: thin the day into position_rollups, then drop its fixes


class UpkeepSource(StrEnum):
    PARTITION = "partition"  # the day's own partition, dropped whole
    DEFAULT = "default"  # the day's fixes in the default partition (late or skewed), deleted
    TABLE = "table"  # SQLite's plain table, deleted in batches


@dataclass(frozen=True)
class UpkeepStep:
    action: UpkeepAction
    day: date
    source: UpkeepSource = UpkeepSource.PARTITION


@dataclass(frozen=True)
class UpkeepDone:
    """A step applied: ``rows`` fixes moved in (CREATE) or dropped (EXPIRE), ``kept`` rollups written."""

    step: UpkeepStep
    rows: int
    kept: int = 0
