"""What a seat's streams really are — codec, picture size, frame rate — probed from the stream itself.

The decode budget was measured on the demo's clips, so a workstation showing only a platform's
cameras (no demo clips) had no budget and the meter and step-down stayed off. The streams the wall
plays are at hand, though: ffprobe reads their first packets for the format, and the budget's
decode timing (``decode_budget.decode_seconds``) takes a URL as well as a file — a few seconds of the
live stream are decoded instead of a few seconds of a clip. Blocking: run it off the Qt thread.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction

PROBE_TIMEOUT_S = 15.0


class StreamProbeError(RuntimeError):
    """ffprobe is missing, or the stream did not answer with a video stream in time."""


@dataclass(frozen=True)
class StreamFormat:
    codec: str  # ffprobe's codec name: h264, hevc, …
    width: int
    height: int
    fps: float

    @property
    def pixels_per_s(self) -> float:
        """What a decoder must produce per second (the decode cost grows with it)."""
        return self.width * self.height * self.fps


def probe_stream(url: str, timeout_s: float = PROBE_TIMEOUT_S) -> StreamFormat:
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise StreamProbeError("ffprobe not found on PATH")
    command = [ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries"]
    command += ["stream=codec_name,width,height,avg_frame_rate,r_frame_rate", "-of", "json", url]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as error:
        raise StreamProbeError(f"{url}: no video within {timeout_s:g} s") from error
    streams = json.loads(result.stdout or "{}").get("streams") or []
    if result.returncode != 0 or not streams:
        raise StreamProbeError(f"{url}: {result.stderr.strip() or 'no video stream'}")
    stream = streams[0]
    rate = next(
        (r for r in (stream.get("avg_frame_rate"), stream.get("r_frame_rate")) if r and r != "0/0"), "0"
    )
    return StreamFormat(
        str(stream.get("codec_name", "")), int(stream["width"]), int(stream["height"]), float(Fraction(rate))
    )
