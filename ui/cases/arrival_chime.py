"""The arrival chime: one short two-tone sound per burst, not one per case.

PySide6-Essentials ships no QtMultimedia, so the chime is a WAV written once with the standard
``wave`` module and handed to the desktop's player (``paplay`` for PulseAudio/PipeWire, ``aplay``
for ALSA) as a detached process — it never blocks the Qt thread. Without either, the X bell.
"""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import time
import wave
from pathlib import Path

from PySide6.QtWidgets import QApplication

from commandcenter.paths import data_dir

MIN_INTERVAL_S = 3.0  # a burst of 50 cases rings once
RATE = 22_050
TONES = ((880.0, 0.12), (1320.0, 0.18))  # Hz, seconds


def chime_file() -> Path:
    path = data_dir() / "sounds" / "arrival.wav"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        frames = bytearray()
        for frequency, seconds in TONES:
            count = int(RATE * seconds)
            for i in range(count):
                fade = min(1.0, i / 200, (count - i) / 400)
                frames += struct.pack("<h", int(12_000 * fade * math.sin(2 * math.pi * frequency * i / RATE)))
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(bytes(frames))
    return path


class ArrivalChime:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.rung = 0  # how many times it actually sounded (tests read it)
        self._last = -math.inf
        self._player = shutil.which("paplay") or shutil.which("aplay")

    def ring(self) -> bool:
        """Sound unless muted or rung in the last ``MIN_INTERVAL_S``; returns whether it sounded."""
        now = time.monotonic()
        if not self.enabled or now - self._last < MIN_INTERVAL_S:
            return False
        self._last = now
        self.rung += 1
        if self._player is None:
            QApplication.beep()
            return True
        try:
            subprocess.Popen(
                [self._player, str(chime_file())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError:
            QApplication.beep()
        return True
