"""Every live unit as parallel numpy arrays, with the state the map colours it by.

The map receives 2,658 (seed) or 26,580 (city) units once a second; arrays keep the per-frame work
vectorised: one projection, one classification, one filter mask — no Python object per unit on the
Qt thread. State: *moving* / *stopped* from speed, *offline* when the last fix is older than
``offline_after_s`` (or missing); muck trucks also carry *loaded* / *empty* from the terminal's state
(the demo writes it; a truck that never said is derived deterministically from its id, even = empty).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import UnitPosition
from commandcenter.mapping.projection import project

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
KINDS: tuple[UnitKind, ...] = tuple(UnitKind)
MOVING_KMH = 1.0  # below this a GPS fix is noise around a standing unit


class MotionState(IntEnum):
    MOVING = 0
    STOPPED = 1
    OFFLINE = 2


class Load(IntEnum):
    NONE = 0  # not a truck
    EMPTY = 1
    LOADED = 2


STYLE_COUNT = len(KINDS) * len(MotionState) * len(Load)


def style_index(kind: int, state: int, load: int) -> int:
    """The icon for a (kind, state, load) triple: the map pre-renders one per index."""
    return (kind * len(MotionState) + state) * len(Load) + load


@dataclass(frozen=True)
class UnitFrame:
    ids: IntArray
    x: FloatArray  # Mercator metres on the base map's datum
    y: FloatArray
    lon: FloatArray  # WGS-84 as stored, for cards and "nearest" queries
    lat: FloatArray
    heading: FloatArray  # compass degrees, clockwise from north
    speed: FloatArray  # km/h
    ts: FloatArray  # POSIX seconds of the last fix
    kind: IntArray  # index into KINDS
    state: IntArray  # MotionState
    load: IntArray  # Load
    office: IntArray  # office id, -1 for none
    labels: npt.NDArray[np.object_]  # name or plate

    def __len__(self) -> int:
        return len(self.ids)

    def styles(self) -> IntArray:
        return (self.kind * len(MotionState) + self.state) * len(Load) + self.load

    def index_of(self, unit_id: int) -> int | None:
        hits = np.flatnonzero(self.ids == unit_id)
        return int(hits[0]) if hits.size else None

    def search(self, text: str) -> IntArray:
        """Indices of units whose name or plate contains ``text`` (case-insensitive), best first:
        exact matches, then prefixes, then the rest."""
        needle = text.strip().casefold()
        if not needle:
            return np.zeros(0, dtype=np.int64)
        folded = [str(label).casefold() for label in self.labels]
        ranked = sorted(
            (0 if label == needle else 1 if label.startswith(needle) else 2, index)
            for index, label in enumerate(folded)
            if needle in label
        )
        return np.array([index for _rank, index in ranked], dtype=np.int64)


def unit_frame(
    positions: Sequence[UnitPosition],
    now: datetime | None = None,
    *,
    datum: str = "wgs84",
    offline_after_s: float = 300.0,
) -> UnitFrame:
    """Placed units (those with a fix) projected and classified; units without a fix are not drawn."""
    placed = [p for p in positions if p.lon is not None and p.lat is not None]
    now_s = (now or datetime.now(UTC)).timestamp()
    kind_lookup = {kind.value: index for index, kind in enumerate(KINDS)}
    # one pass building plain tuples, one array conversion: 26,580 units every poll on a worker thread
    # that shares the GIL with the Qt thread, so fewer Python-level passes means fewer UI stalls
    numbers = np.array(
        [
            (
                p.unit_id,
                p.lon,
                p.lat,
                p.heading_deg or 0.0,
                p.speed_kmh or 0.0,
                _seconds(p.ts),
                kind_lookup.get(p.kind, 0),
                _load(p),
                -1 if p.office_id is None else p.office_id,
            )
            for p in placed
        ],
        dtype=np.float64,
    ).reshape(-1, 9)
    lon, lat, speed, ts = (
        numbers[:, 1].copy(),
        numbers[:, 2].copy(),
        numbers[:, 4].copy(),
        numbers[:, 5].copy(),
    )
    x, y = project(lon, lat, datum)
    return UnitFrame(
        ids=numbers[:, 0].astype(np.int64),
        x=x,
        y=y,
        lon=lon,
        lat=lat,
        heading=numbers[:, 3].copy(),
        speed=speed,
        ts=ts,
        kind=numbers[:, 6].astype(np.int64),
        state=motion_states(speed, ts, now_s, offline_after_s),
        load=numbers[:, 7].astype(np.int64),
        office=numbers[:, 8].astype(np.int64),
        labels=np.array([p.label for p in placed], dtype=object),
    )


def motion_states(speed: FloatArray, ts: FloatArray, now_s: float, offline_after_s: float) -> IntArray:
    state = np.where(speed >= MOVING_KMH, MotionState.MOVING, MotionState.STOPPED).astype(np.int64)
    stale = ~(now_s - ts <= offline_after_s)  # NaN (never reported) counts as stale
    state[stale] = MotionState.OFFLINE
    return state


_EPOCH = datetime(1970, 1, 1)


def _seconds(ts: datetime | None) -> float:
    if ts is None:
        return float("nan")
    if ts.tzinfo is None:  # SQLite hands back naive UTC; subtracting is 3× cheaper than replace()
        return (ts - _EPOCH).total_seconds()
    return ts.timestamp()


def _load(position: UnitPosition) -> int:
    if position.kind != UnitKind.MUCK_TRUCK.value:
        return Load.NONE
    if position.state == "loaded":
        return Load.LOADED
    if position.state == "empty":
        return Load.EMPTY
    return Load.LOADED if position.unit_id % 2 else Load.EMPTY


@dataclass(frozen=True)
class UnitFilter:
    """What the operator chose to see; an empty collection means "all"."""

    kinds: Collection[int] = ()
    states: Collection[int] = ()
    offices: Collection[int] = ()

    def mask(self, frame: UnitFrame) -> npt.NDArray[np.bool_]:
        shown = np.ones(len(frame), dtype=bool)
        for values, column in (
            (self.kinds, frame.kind),
            (self.states, frame.state),
            (self.offices, frame.office),
        ):
            if values:
                shown &= np.isin(column, np.fromiter(values, dtype=np.int64))
        return shown
