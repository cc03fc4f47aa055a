"""A clip of a playback stream, for a case's evidence: ffmpeg copies ``seconds`` of the stream the
platform is sending (no re-encoding: the bytes are the recording's own) into MPEG-TS in memory.
Blocking for about ``seconds`` at ×1: run it on a worker."""

from __future__ import annotations

import shutil
import subprocess

from commandcenter.catalog.source import CatalogError

MAX_SECONDS = 600


def record_clip(url: str, seconds: float) -> bytes:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise CatalogError("ffmpeg not found on PATH: clips cannot be exported")
    seconds = min(max(seconds, 1.0), MAX_SECONDS)
    command = [ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i", url, "-t", f"{seconds:g}"]
    command += ["-map", "0:v:0", "-c", "copy", "-f", "mpegts", "pipe:1"]
    try:
        result = subprocess.run(command, capture_output=True, timeout=seconds * 4 + 20, check=False)
    except subprocess.TimeoutExpired as error:
        raise CatalogError(f"{url}: the stream did not deliver {seconds:g} s in time") from error
    if result.returncode != 0 or not result.stdout:
        message = result.stderr.decode(errors="replace").strip()[-300:] or "no video"
        raise CatalogError(f"{url}: no clip ({message})")
    return result.stdout
