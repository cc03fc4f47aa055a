"""An H.265 FLV as Chinese media servers send it, for the remux's tests: ffmpeg 5.1 (Debian 12) cannot
write HEVC into FLV, so libx265's Annex B output is cut into access units here and written as FLV
tags — codec id 12 with the AVC tag layout (ZLMediaKit, SRS), or Enhanced RTMP's ``hvc1`` FourCC.

The parameter sets go into the hvcC record only, not into the keyframes, so a remux must put them in
front of each keyframe itself, as it must for a camera that sends them once.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from commandcenter.streaming.clip_recipe import ffmpeg_binary
from commandcenter.video.remux.flv_tags import HEVC_CODEC_ID, VIDEO

FRAME_MS = 40  # 25 fps
_PARAMETER_SETS = (32, 33, 34)  # VPS, SPS, PPS
_AUD, _KEY_TYPES = 35, range(16, 22)  # BLA, IDR, CRA: a picture a decoder can start at


def has_libx265() -> bool:
    """Whether this machine's ffmpeg can encode H.265 (Debian's can; a minimal build may not)."""
    try:
        listing = subprocess.run(
            [ffmpeg_binary(), "-hide_banner", "-encoders"], capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return b"libx265" in listing.stdout


def hevc_annex_b(seconds: float, gop: int = 25, size: str = "320x240") -> bytes:
    """A test pattern encoded by libx265 with an access unit delimiter before every picture."""
    command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-f", "lavfi"]
    command += [
        "-i",
        f"testsrc2=size={size}:rate=25",
        "-t",
        str(seconds),
        "-c:v",
        "libx265",
        "-preset",
        "ultrafast",
    ]
    command += [
        "-x265-params",
        f"aud=1:bframes=0:keyint={gop}:min-keyint={gop}:log-level=error",
        "-f",
        "hevc",
        "-",
    ]
    return subprocess.run(command, check=True, capture_output=True, timeout=120).stdout


def nal_units(annex_b: bytes) -> list[bytes]:
    units = []
    for piece in annex_b.split(b"\x00\x00\x01"):
        unit = piece.rstrip(b"\x00")  # a four-byte start code leaves its zero on the previous unit
        if unit:
            units.append(unit)
    return units


def access_units(annex_b: bytes) -> tuple[list[bytes], list[list[bytes]]]:
    """The parameter sets (first of each kind) and the pictures, each its NAL units without the AUD
    or any parameter set."""
    parameter_sets: dict[int, bytes] = {}
    pictures: list[list[bytes]] = []
    for unit in nal_units(annex_b):
        kind = unit[0] >> 1 & 0x3F
        if kind == _AUD:
            pictures.append([])
        elif kind in _PARAMETER_SETS:
            parameter_sets.setdefault(kind, unit)
        elif pictures:
            pictures[-1].append(unit)
    return [parameter_sets[kind] for kind in _PARAMETER_SETS], [p for p in pictures if p]


def hvcc_record(parameter_sets: list[bytes]) -> bytes:
    """An HEVCDecoderConfigurationRecord with 4-byte NAL lengths and one array per parameter set
    (the profile fields zero: decoders read them from the SPS)."""
    fixed = bytes([1]) + bytes(20) + bytes([0x03])  # version 1 …, lengthSizeMinusOne = 3
    arrays = b"".join(
        bytes([0x80 | unit[0] >> 1 & 0x3F]) + (1).to_bytes(2, "big") + len(unit).to_bytes(2, "big") + unit
        for unit in parameter_sets
    )
    return fixed + bytes([len(parameter_sets)]) + arrays


def _tag(data: bytes, timestamp_ms: int) -> bytes:
    head = bytes([VIDEO]) + len(data).to_bytes(3, "big") + (timestamp_ms & 0xFFFFFF).to_bytes(3, "big")
    head += bytes([timestamp_ms >> 24 & 0xFF]) + bytes(3)
    return head + data + (11 + len(data)).to_bytes(4, "big")


def hevc_flv(annex_b: bytes, *, enhanced: bool = False) -> bytes:
    """The stream as a video-only FLV: header, the hvcC sequence header, one tag per picture."""
    parameter_sets, pictures = access_units(annex_b)
    out = [
        b"FLV\x01\x01\x00\x00\x00\x09" + bytes(4),
        _tag(_video(True, 0, hvcc_record(parameter_sets), enhanced), 0),
    ]
    for number, picture in enumerate(pictures):
        key = any(unit[0] >> 1 & 0x3F in _KEY_TYPES for unit in picture)
        payload = b"".join(len(unit).to_bytes(4, "big") + unit for unit in picture)
        out.append(_tag(_video(key, 1, payload, enhanced), number * FRAME_MS))
    return b"".join(out)


def _video(key: bool, packet_type: int, payload: bytes, enhanced: bool) -> bytes:
    frame_type = 1 if key else 2
    if enhanced:  # Enhanced RTMP: ExHeader bit, frame type, packet type; FourCC; CTS for coded frames
        cts = bytes(3) if packet_type == 1 else b""
        return bytes([0x80 | frame_type << 4 | packet_type]) + b"hvc1" + cts + payload
    return bytes([frame_type << 4 | HEVC_CODEC_ID, packet_type]) + bytes(3) + payload


def write_hevc_flv(path: Path, seconds: float, *, enhanced: bool = False) -> Path:
    path.write_bytes(hevc_flv(hevc_annex_b(seconds), enhanced=enhanced))
    return path
