"""Editing the district's base data by hand (issue 13): the kinds of record, the refusals as keys, and
the edit operations as small records — plain data, no SQL, no UI words.

A refusal is an ``EditRefused`` carrying a ``Problem`` key, the field it is about and the facts (the
duplicate value, the allowed range); the screen words it with ``tr()``. Records name each other the
way a delivery's files do — an office or road by name, a segment by number, a vehicle by plate — so
the form a person fills in reads like the spreadsheet he already keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EditKind(StrEnum):
    """The kinds of record the editor lists; the value is also the audit target's prefix."""

    OFFICE = "office"
    ROAD = "road"
    SEGMENT = "segment"
    STAFF = "staff"
    VEHICLE = "vehicle"
    CAMERA = "camera"
    PERMIT = "permit"


SPATIAL_KINDS = frozenset(
    {EditKind.OFFICE, EditKind.ROAD, EditKind.SEGMENT, EditKind.CAMERA, EditKind.PERMIT}
)


class Problem(StrEnum):
    """Why an edit was refused; the screen translates the key and fills in the facts."""

    NOT_FOUND = "not_found"
    READ_ONLY = "read_only"  # field
    REQUIRED = "required"  # field
    TOO_LONG = "too_long"  # field, limit
    NOT_A_NUMBER = "not_a_number"  # field
    OUT_OF_RANGE = "out_of_range"  # field, low, high
    UNKNOWN_CHOICE = "unknown_choice"  # field, value
    BAD_PHONE = "bad_phone"  # field
    BAD_TERMINAL = "bad_terminal"  # field
    BAD_TIME = "bad_time"  # field (HH:MM)
    BAD_COORDINATES = "bad_coordinates"  # lon/lat outside China or only one of them
    DUPLICATE = "duplicate"  # field, value
    UNKNOWN_REFERENCE = "unknown_reference"  # field, value
    SEGMENT_OF_OTHER_OFFICE = "segment_of_other_office"  # value (segment number)
    BAD_SPLIT = "bad_split"  # fraction not strictly inside (0, 1) or a part shorter than MIN_PART_M
    SAME_SEGMENT = "same_segment"
    DIFFERENT_ROADS = "different_roads"
    NOT_TOUCHING = "not_touching"  # gap_m
    IN_USE = "in_use"  # what (cases), count
    BAD_GEOJSON = "bad_geojson"  # message (the reader's bilingual line)


class EditRefused(ValueError):
    """An edit that was not made; nothing was written."""

    def __init__(self, problem: Problem, field: str = "", **facts: Any) -> None:
        super().__init__(f"{problem.value} {field} {facts}".strip())
        self.problem, self.field, self.facts = problem, field, facts


@dataclass(frozen=True)
class Record:
    """One record as the editor shows it: field → value (references by name, number or plate)."""

    kind: EditKind
    id: int
    values: dict[str, Any]

    @property
    def target(self) -> str:
        return target_of(self.kind, self.id)


@dataclass(frozen=True)
class RecordPage:
    """A filtered page of a kind: ``total`` matches, ``records`` from ``offset`` on."""

    records: list[Record]
    total: int
    offset: int


@dataclass(frozen=True)
class Change:
    """What one edit changed in one record: only the fields that changed, before and after."""

    kind: EditKind
    id: int
    before: dict[str, Any]
    after: dict[str, Any]
    operation: str = "edit"  # edit / add / remove / split / merge / follow

    @property
    def target(self) -> str:
        return target_of(self.kind, self.id)


@dataclass(frozen=True)
class SegmentSplit:
    """Cut a segment at ``fraction`` of its length: the first part keeps its number, id, 路长 and
    cases; the second gets ``new_number``. City managers and cameras go to the part they are
    nearest to (a city manager by his unit's last fix; without one he stays on the first part)."""

    segment_id: int
    fraction: float
    new_number: str
    new_name: str = ""  # default: "<road>(<new number>)"


@dataclass(frozen=True)
class SegmentMerge:
    """Join ``absorbed_id`` onto ``kept_id`` (same road, touching end to end): the kept segment
    keeps its number; city managers, cameras and cases of the absorbed one move to it; its 路长
    lose their segment (a segment has one 路长; the check then lists them for reassignment)."""

    kept_id: int
    absorbed_id: int


@dataclass(frozen=True)
class Outcome:
    """Every record an operation changed (the first is the one asked for), for the audit log."""

    changes: list[Change] = field(default_factory=list)

    @property
    def main(self) -> Change:
        return self.changes[0]


MIN_PART_M = 10.0  # a split leaving a part shorter than this is a slip of the hand
TOUCH_M = 5.0  # two segments "touch" when an end of one is this close to an end of the other


def target_of(kind: EditKind | str, record_id: int) -> str:
    """The audit target naming a record: ``segment:12`` — what a record's history is read by."""
    return f"{EditKind(kind).value}:{record_id}"


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields whose value differs, as (before, after)."""
    keys = [key for key in after if before.get(key) != after[key]]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}
