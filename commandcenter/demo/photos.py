"""Demo "scene photos" for simulated reports: a few JPEG stills rendered once with ffmpeg, so the
pop-up and the case detail show a picture (and 核查 a before/after pair) without any internet.
They are plainly marked as demo pictures; no real street photos ship with the product."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from commandcenter.paths import demo_media_dir
from commandcenter.streaming.clip_recipe import ClipToolError, cjk_font_file, ffmpeg_binary, source_for

log = logging.getLogger(__name__)
PHOTO_COUNT = 4
SIZE = (640, 480)


def _command(ffmpeg: str, index: int, font: Path, stage: str, out: Path) -> list[str]:
    w, h = SIZE
    source = source_for(index).format(w=w, h=h, w_4=w // 4, h_4=h // 4, h_plus_40=h + 40, fps=25)
    label = f"演示现场照片 {index + 1} · {stage}"
    text = (
        f"drawtext=fontfile='{font}':text='{label}':fontcolor=white:fontsize=28"
        ":box=1:boxcolor=black@0.6:boxborderw=10:x=20:y=h-th-24"
    )
    seek = "3" if stage == "处置后" else "1"
    return [ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i", source, "-ss", seek, "-frames:v", "1",
            "-vf", text, "-q:v", "4", str(out)]  # fmt: skip


def ensure_demo_photos(stage: str = "上报", count: int = PHOTO_COUNT) -> list[str]:
    """Paths of ``count`` demo photos for ``stage`` (上报 / 处置后), rendered on first use; [] when
    ffmpeg or a CJK font is missing (reports then carry no photo, and the demo says so)."""
    folder = demo_media_dir() / "photos"
    wanted = [folder / f"{'after' if stage == '处置后' else 'before'}-{index}.jpg" for index in range(count)]
    missing = [(index, path) for index, path in enumerate(wanted) if not path.exists()]
    if missing:
        try:
            ffmpeg, font = ffmpeg_binary(), cjk_font_file()
        except ClipToolError as error:
            log.warning("demo photos unavailable: %s", error)
            return []
        folder.mkdir(parents=True, exist_ok=True)
        for index, path in missing:
            result = subprocess.run(
                _command(ffmpeg, index, font, stage, path), capture_output=True, check=False
            )
            if result.returncode != 0:
                log.warning(
                    "demo photo %s failed: %s", path.name, result.stderr.decode(errors="replace")[-300:]
                )
                return []
    return [str(path) for path in wanted]
