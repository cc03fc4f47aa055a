"""The decode budget: how many streams this workstation can decode and draw, and which tier each tile
gets so the wall stays inside it instead of stuttering (no anchor VMS tells the operator this).

At start the wall times ffmpeg decoding (and scaling to a tile-sized BGRA picture, as libVLC does
for its window) a few seconds of the demo's main and sub clips and of the sub clip's keyframes only,
on one thread; the cost per stream, as a fraction of one core, gives the budget: ``TARGET_LOAD`` of
every core. Tiles then get their wanted tier, and while the sum is over budget one tile at a time steps down
(main → sub → keyframes only → still): the dearest tier first, from the end of the layout, the first
cell (the big one of 1+N) last.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

TARGET_LOAD = 0.75  # of all cores: the rest is for the UI, the map and the database
SAMPLE_S = 4
_UTIME = re.compile(r"bench: utime=([\d.]+)s")


class DecodeTier(StrEnum):
    MAIN = "main"
    SUB = "sub"
    KEYFRAMES = "keyframes"  # the sub stream, decoding only its keyframes (1 picture per GOP)
    STILL = "still"  # nothing decoded: the last picture stays


DOWNGRADE = {
    DecodeTier.MAIN: DecodeTier.SUB,
    DecodeTier.SUB: DecodeTier.KEYFRAMES,
    DecodeTier.KEYFRAMES: DecodeTier.STILL,
}


@dataclass(frozen=True)
class DecodeBudget:
    """Cost of one stream per tier, in cores, and the cores the wall may use."""

    costs: dict[DecodeTier, float]
    cores: float

    def cost(self, tiers: list[DecodeTier]) -> float:
        return sum(self.costs[tier] for tier in tiers)

    def plan(self, wanted: list[DecodeTier]) -> list[DecodeTier]:
        """The tiers to play: ``wanted`` stepped down from the last tile backwards until they fit."""
        tiers = list(wanted)
        while self.cost(tiers) > self.cores:
            candidates = [i for i, tier in enumerate(tiers) if tier in DOWNGRADE]
            if not candidates:
                break  # everything is still: nothing left to save
            index = max(candidates, key=lambda i: _step_order(tiers, i))
            tiers[index] = DOWNGRADE[tiers[index]]
        return tiers


def _step_order(tiers: list[DecodeTier], index: int) -> tuple[bool, int, int]:
    """Which tile steps down next: any before the first (the big cell), the dearest tier first, and
    among equals the one furthest down the layout."""
    return index != 0, -list(DecodeTier).index(tiers[index]), index


def decode_seconds(clip: Path | str, *, keyframes_only: bool = False, width: int = 480) -> float:
    """CPU seconds (user) ffmpeg needs for ``SAMPLE_S`` seconds of ``clip`` (a file, or the URL of a
    stream the wall plays: then it takes ``SAMPLE_S`` of wall time too) on one thread."""
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-benchmark", "-threads", "1"]
    if keyframes_only:
        command += ["-skip_frame", "nokey"]
    command += [
        "-i",
        str(clip),
        "-t",
        str(SAMPLE_S),
        "-vf",
        f"scale={width}:-2,format=bgra",
        "-f",
        "null",
        "-",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    match = _UTIME.search(result.stderr)
    if match is None:
        raise RuntimeError("ffmpeg printed no benchmark line")
    return float(match.group(1))


def measure_budget(main_clip: Path | str, sub_clip: Path | str, cores: int | None = None) -> DecodeBudget:
    """Blocking (a few seconds of ffmpeg): run it off the Qt thread."""
    costs = {
        DecodeTier.MAIN: decode_seconds(main_clip, width=960) / SAMPLE_S,
        DecodeTier.SUB: decode_seconds(sub_clip) / SAMPLE_S,
        DecodeTier.KEYFRAMES: decode_seconds(sub_clip, keyframes_only=True) / SAMPLE_S,
        DecodeTier.STILL: 0.0,
    }
    floor = 0.002  # a stream never costs nothing: demux, network and drawing remain
    costs = {tier: max(cost, floor) if tier is not DecodeTier.STILL else 0.0 for tier, cost in costs.items()}
    return DecodeBudget(costs, (cores or os.cpu_count() or 1) * TARGET_LOAD)
