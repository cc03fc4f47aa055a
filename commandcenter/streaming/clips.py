"""The demo's camera clips: generated once with ffmpeg into the per-user media folder and reused.

The demo must show live-looking video with no internet and nothing shipped in the package, so the
clips are rendered locally (a few seconds for six). Each clip has a stamp file recording the recipe it
was made with; a clip is regenerated only when a file is missing or the recipe (or its name) changed.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from commandcenter import paths
from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clip_recipe import (
    CLIP_SECONDS,
    CLOCK_TEXT,
    RECIPE_VERSION,
    ClipToolError,
    cjk_font_file,
    ffmpeg_command,
    source_for,
)

log = logging.getLogger(__name__)

# Places in Erqi District where a street camera plausibly hangs; burned into the picture.
DEFAULT_NAMES = (
    "二七广场东口",
    "德化街步行街",
    "大学路陇海路口",
    "京广路航海路口",
    "嵩山路淮河路口",
    "长江路兴华街口",
    "福华街大同路口",
    "铭功路解放路口",
    "政通路工地",
)
_FFMPEG_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class ClipSet:
    """One demo clip in both stream tiers; ``index`` is the ``{i}`` of ``demo/{i}/main.ts``."""

    index: int
    name: str
    main: Path
    sub: Path

    def path(self, tier: StreamTier) -> Path:
        return self.main if tier is StreamTier.MAIN else self.sub


def clip_file(directory: Path, index: int, tier: StreamTier) -> Path:
    return directory / f"clip-{index}-{tier.value}.ts"


def _stamp_file(directory: Path, index: int) -> Path:
    return directory / f"clip-{index}.json"


def _stamp(index: int, name: str) -> dict[str, object]:
    return {"recipe": RECIPE_VERSION, "name": name, "source": source_for(index), "seconds": CLIP_SECONDS}


def _clip_set(directory: Path, index: int, name: str) -> ClipSet:
    main, sub = (clip_file(directory, index, tier) for tier in (StreamTier.MAIN, StreamTier.SUB))
    return ClipSet(index, name, main, sub)


def _read_stamp(directory: Path, index: int) -> dict[str, object] | None:
    try:
        value = json.loads(_stamp_file(directory, index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _is_current(directory: Path, index: int, name: str) -> bool:
    clip = _clip_set(directory, index, name)
    return _read_stamp(directory, index) == _stamp(index, name) and clip.main.is_file() and clip.sub.is_file()


def default_name(index: int) -> str:
    base = DEFAULT_NAMES[index % len(DEFAULT_NAMES)]
    return base if index < len(DEFAULT_NAMES) else f"{base}{index // len(DEFAULT_NAMES) + 1}号"


def ensure_demo_clips(
    count: int, names: list[str] | None = None, directory: Path | None = None
) -> list[ClipSet]:
    """The clips ``0..count-1`` (generating the missing or outdated ones); ``names`` are burned in."""
    directory = directory or paths.demo_media_dir()
    directory.mkdir(parents=True, exist_ok=True)
    wanted = [names[i] if names and i < len(names) else default_name(i) for i in range(count)]
    todo = [i for i in range(count) if not _is_current(directory, i, wanted[i])]
    if todo:
        font = cjk_font_file()
        started = time.perf_counter()
        # Two at a time: one ffmpeg run leaves part of a core idle (the filters are single-threaded).
        with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
            list(pool.map(lambda i: _generate(directory, i, wanted[i], font), todo))
        log.info("generated %d demo clips in %.1f s", len(todo), time.perf_counter() - started)
    return [_clip_set(directory, i, wanted[i]) for i in range(count)]


def find_clip_sets(directory: Path) -> list[ClipSet]:
    """The complete, current clips already in ``directory`` (what the stream server serves)."""
    found = []
    for stamp in sorted(directory.glob("clip-*.json")):
        index_text = stamp.stem.removeprefix("clip-")
        stamp_value = _read_stamp(directory, int(index_text)) if index_text.isdigit() else None
        if stamp_value and isinstance(stamp_value.get("name"), str):
            index, name = int(index_text), str(stamp_value["name"])
            if _is_current(directory, index, name):
                found.append(_clip_set(directory, index, name))
    return sorted(found, key=lambda clip: clip.index)


def _generate(directory: Path, index: int, name: str, font: Path) -> None:
    """Render into a scratch folder and move the files in, stamp last: an interrupted run never
    leaves a half-written clip that looks current."""
    _stamp_file(directory, index).unlink(missing_ok=True)
    clip = _clip_set(directory, index, name)
    with tempfile.TemporaryDirectory(dir=directory, prefix=f".clip-{index}-") as scratch_name:
        scratch = Path(scratch_name)
        name_file, clock_file = scratch / "name.txt", scratch / "clock.txt"
        name_file.write_text(name, encoding="utf-8")
        clock_file.write_text(CLOCK_TEXT, encoding="utf-8")
        outputs = {tier: scratch / f"{tier.value}.ts" for tier in StreamTier}
        command = ffmpeg_command(index, font, name_file, clock_file, outputs)
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=_FFMPEG_TIMEOUT_S)
        except subprocess.TimeoutExpired as error:
            raise ClipToolError(
                f"ffmpeg 超时 (timed out after {_FFMPEG_TIMEOUT_S:.0f} s) on clip {index}"
            ) from error
        if result.returncode != 0:
            raise ClipToolError(f"ffmpeg 失败 (failed) on clip {index}: {result.stderr.strip()[-800:]}")
        for tier, produced in outputs.items():
            os.replace(produced, clip.path(tier))
        stamp_tmp = scratch / "stamp.json"
        stamp_tmp.write_text(json.dumps(_stamp(index, name), ensure_ascii=False), encoding="utf-8")
        os.replace(stamp_tmp, _stamp_file(directory, index))
