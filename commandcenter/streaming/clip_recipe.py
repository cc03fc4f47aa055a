"""How one demo clip is drawn: the ffmpeg command that renders a moving test picture with a camera-style
on-screen display (camera name, running clock) into a main and a sub stream at once.

Kept apart from the cache logic in ``clips.py`` so the recipe can change (and bump ``RECIPE_VERSION``)
without touching how clips are found or reused.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from commandcenter.domain.cameras import StreamTier

# Bump whenever the command below changes: cached clips with an older version are regenerated.
RECIPE_VERSION = 4
CLIP_SECONDS = 12  # long enough not to look like a loop at a glance, short enough to render fast
FPS = 25
GOP = 12  # a keyframe every ~0.5 s: libVLC's HTTP server starts each new client at the next keyframe
# Burned-in clock: the clip's running time, marked as demo ("演示 00:00:05"). A looping file cannot
# carry the real wall time, and a plausible-looking but wrong date would read as a misconfigured camera.
CLOCK_TEXT = r"演示 %{pts:gmtime:0:%H\:%M\:%S}"
_CJK_FONT_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)
# Each source renders at sub-stream size (cheap); the main stream is upscaled. Varied so tiles differ.
# testsrc2 draws its own timecode top-left: render it taller and crop that away.
_SOURCES = (
    "testsrc2=size={w}x{h_plus_40}:rate={fps},crop={w}:{h}:0:40",
    "mandelbrot=size={w}x{h}:rate={fps}",
    # Life changes every cell every step: 6 steps a second keeps it lively but cheap to encode.
    "life=size={w}x{h}:rate=6:mold=10:ratio=0.1:death_color=#202020:life_color=#50a0ff,fps={fps}",
    "life=size={w_4}x{h_4}:rate=6:mold=25:life_color=#f0b000:death_color=#101820,fps={fps},"
    "scale={w}:{h}:flags=neighbor",
    "gradients=size={w}x{h}:rate={fps}:speed=0.03",
    "sierpinski=size={w}x{h}:rate={fps}",
)


class ClipToolError(RuntimeError):
    """ffmpeg or a CJK font is missing, or ffmpeg failed; the message says which and how to fix it."""


@dataclass(frozen=True)
class TierSpec:
    width: int
    height: int
    kbps: int
    font_px: int


TIERS = {
    StreamTier.MAIN: TierSpec(1280, 720, 2000, 34),
    StreamTier.SUB: TierSpec(640, 360, 600, 18),
}


def ffmpeg_binary() -> str:
    path = shutil.which("ffmpeg")
    if path is None:
        raise ClipToolError(
            "找不到 ffmpeg (ffmpeg not found on PATH): install it, e.g. apt-get install ffmpeg"
        )
    return path


def cjk_font_file() -> Path:
    """A font that has Chinese glyphs; fontconfig's answer first, then well-known paths.

    fc-match always answers with *some* font, so its answer is only trusted if it is a CJK one.
    """
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(
            [fc_match, "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if "CJK" in found and Path(found).is_file():
            return Path(found)
    for candidate in _CJK_FONT_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    raise ClipToolError("找不到中文字体 (no CJK font): install fonts-noto-cjk")


def source_for(index: int) -> str:
    return _SOURCES[index % len(_SOURCES)]


def _escape(value: str | Path) -> str:
    """Quote a path for a filtergraph option (``:`` and ``\\`` are special there, e.g. ``C:/``)."""
    text = str(value).replace("\\", "/").replace(":", "\\:").replace("'", "")
    return f"'{text}'"


def _osd(tier: StreamTier, font: Path, name_file: Path, clock_file: Path) -> str:
    """Clock top-left, camera name bottom-right, on translucent boxes (as Hikvision/Dahua cameras do)."""
    spec = TIERS[tier]
    margin = spec.font_px * 2 // 3
    common = f"fontfile={_escape(font)}:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw={margin // 3}"
    clock = f"drawtext={common}:textfile={_escape(clock_file)}:fontsize={spec.font_px}:x={margin}:y={margin}"
    name = (
        f"drawtext={common}:textfile={_escape(name_file)}:fontsize={spec.font_px}"
        f":x=w-tw-{margin}:y=h-th-{margin * 3 // 2}"
    )
    return f"{clock},{name}"


def ffmpeg_command(
    index: int, font: Path, name_file: Path, clock_file: Path, outputs: dict[StreamTier, Path]
) -> list[str]:
    """One ffmpeg run renders the source once and encodes both tiers (H.264 yuv420p in MPEG-TS,
    a keyframe every second so a tile shows a picture within a second of connecting)."""
    sub, main = TIERS[StreamTier.SUB], TIERS[StreamTier.MAIN]
    source = source_for(index)
    hue = f",hue=h={(index // len(_SOURCES)) * 67}" if index >= len(_SOURCES) else ""
    w, h = sub.width, sub.height
    source_args = source.format(w=w, h=h, w_4=w // 4, h_4=h // 4, h_plus_40=h + 40, fps=FPS)
    main_osd, sub_osd = (
        _osd(tier, font, name_file, clock_file) for tier in (StreamTier.MAIN, StreamTier.SUB)
    )
    graph = (
        f"[0:v]trim=duration={CLIP_SECONDS}{hue},format=yuv420p,split=2[a][b];"
        f"[a]scale={main.width}:{main.height}:flags=fast_bilinear,{main_osd}[main];[b]{sub_osd}[sub]"
    )
    command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source_args]
    command += ["-filter_complex", graph]
    for tier, path in outputs.items():
        kbps = TIERS[tier].kbps
        command += [
            "-map",
            f"[{tier.value}]",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
        ]
        command += ["-g", str(GOP), "-keyint_min", str(GOP), "-sc_threshold", "0"]
        command += ["-b:v", f"{kbps}k", "-maxrate", f"{kbps}k", "-bufsize", f"{kbps // 2}k"]
        command += ["-f", "mpegts", str(path)]
    return command
