"""Video from the real platforms (issue 18), everything on loopback: the two halves' measurements in
one run, each described where it lives —
``bench/video_platform_playback.py`` (HTTP-FLV and HLS first picture of real tiles from ffmpeg's
loopback servers, the FLV as ZLMediaKit serves it — silent AAC track, GOP cache — plus human lines
for a camera-typical 2 s GOP and a video-only FLV; a playback seek on the fake WVP to its first
picture at the new time) and
``bench/video_platform_live.py`` (a PTZ command's round trip to the loopback WVP through the
desk's own service path, p95; 16 tiles opened from the platform on a real wall, the wall closed,
the platform streams still open 5 s later).
Bars: FLV ≤ 1.0 s, HLS ≤ 2.0 s, PTZ ≤ 150 ms, seek ≤ 1.5 s, 0 streams leaked.
Last line: ``{"flv_ttff_p50_s": …, "hls_ttff_p50_s": …, "ptz_p95_ms": …, "seek_p50_s": …,
"streams_leaked": …}``."""

from __future__ import annotations

import json

from video_platform_live import measure_ptz_p95_ms, measure_streams_leaked  # bench/ is on sys.path
from video_platform_playback import (
    end_display,
    flv_variant_lines,
    measure_flv_ttff_p50_s,
    measure_hls_ttff_p50_s,
    measure_seek_p50_s,
)


def main() -> None:
    try:
        flv = measure_flv_ttff_p50_s()
        print(f"HTTP-FLV first picture p50 {flv:.2f} s (bar 1.0 s)")
        for line in flv_variant_lines():
            print(line)
        hls = measure_hls_ttff_p50_s()
        print(f"HLS first picture p50 {hls:.2f} s (bar 2.0 s)")
        seek = measure_seek_p50_s()
        print(f"playback seek to its picture p50 {seek:.2f} s (bar 1.5 s)")
        ptz = measure_ptz_p95_ms()
        print(f"PTZ command round trip p95 {ptz:.1f} ms (bar 150 ms)")
        leaked = measure_streams_leaked()
        print(f"platform streams still open 5 s after the wall closed: {leaked} (bar 0)")
        figures = {
            "flv_ttff_p50_s": round(flv, 2),
            "hls_ttff_p50_s": round(hls, 2),
            "ptz_p95_ms": round(ptz, 1),
            "seek_p50_s": round(seek, 2),
            "streams_leaked": leaked,
        }
        print(json.dumps(figures))
    finally:
        end_display()  # last: Qt may end the process once its X server is gone


if __name__ == "__main__":
    main()
