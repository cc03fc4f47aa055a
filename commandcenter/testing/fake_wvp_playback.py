"""A loopback stand-in for WVP's recorded-video API (``catalog/wvp_playback``), with a real stream.

It also lists one NVR and its channels (``/api/device/query/devices``) so a ``WvpCatalog`` can stand
on it. The replies have the shapes WVP-GB28181-pro sends (``tests/data/wvp/record_query.json`` and
``playback_start.json`` are recorded ones). Every channel "holds" ten-minute recordings, except in the
minutes ``gap`` of every hour (an NVR that was off): the timeline must show that hole.

The playback stream is made by ffmpeg when the player connects: a test pattern with the recorded
moment burnt in as a clock (``yyyy-mm-dd HH:MM:SS``), starting where the session stands — its start,
a seek, the position when a speed changed or a pause ended — and running ``speed`` seconds of clock
per second, as HTTP-FLV or HTTP-TS from the same port (``/rtp/{stream}.live.flv`` or ``.live.ts``, as
ZLMediaKit names them). So a seek is visible: the clock of the first picture after it shows the time sought.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from commandcenter.catalog.wvp_playback import parse_wvp_time, wvp_time
from commandcenter.streaming.clip_recipe import ffmpeg_binary

FILE_MINUTES = 10
NVR = "41010300001180000001"
CHANNELS = {"41010300001320000001": "二七广场东口", "41010300001320000002": "德化街步行街"}
READ_SIZE = 64 * 1024
_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


@dataclass
class PlaybackSession:
    device_id: str
    channel_id: str
    start: datetime
    end: datetime
    offset_s: float = 0.0  # clock seconds after ``start`` where the stream stood at ``since``
    since: float = field(default_factory=time.monotonic)
    speed: float = 1.0
    paused: bool = False

    def position_s(self) -> float:
        if self.paused:
            return self.offset_s
        return self.offset_s + (time.monotonic() - self.since) * self.speed

    def move(
        self, offset_s: float | None = None, speed: float | None = None, paused: bool | None = None
    ) -> None:
        self.offset_s = self.position_s() if offset_s is None else offset_s
        self.since = time.monotonic()
        self.speed = self.speed if speed is None else speed
        self.paused = self.paused if paused is None else paused


def clock_text(moment: datetime, speed: float) -> str:
    """A drawtext template: the date of ``moment``, then HH:MM:SS advancing ``speed`` s per second."""
    base = moment.hour * 3600 + moment.minute * 60 + moment.second
    now = f"(t*{speed:g}+{base})"
    parts = (f"mod(trunc({now}/3600),24)", f"mod(trunc({now}/60),60)", f"mod(trunc({now}),60)")
    return moment.strftime("%Y-%m-%d ") + ":".join(f"%{{eif:{part}:d:2}}" for part in parts)


class FakeWvpPlayback(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, gap: tuple[int, int] | None = (20, 24), channels: dict[str, str] | None = None
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.gap = gap
        self.channels = channels or dict(CHANNELS)  # channel id → name, all on the NVR ``NVR``
        self.sessions: dict[str, PlaybackSession] = {}
        self.calls: list[str] = []  # API paths in order, for tests
        self._ssrc = itertools.count(1_100_000_001)
        self._lock = threading.Lock()
        self._folder = Path(tempfile.mkdtemp(prefix="cc-wvp-playback-"))
        self._pipes: set[subprocess.Popen[bytes]] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def recordings(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """Ten-minute files overlapping [start, end), cut around the hourly gap."""
        first = start.replace(minute=start.minute - start.minute % FILE_MINUTES, second=0, microsecond=0)
        found: list[tuple[datetime, datetime]] = []
        while first < end:
            last = first + timedelta(minutes=FILE_MINUTES)
            pieces = [(first, last)]
            if self.gap is not None:
                hour = first.replace(minute=0)
                hole = (hour + timedelta(minutes=self.gap[0]), hour + timedelta(minutes=self.gap[1]))
                if hole[0] < last and first < hole[1]:
                    pieces = [
                        (a, b) for a, b in ((first, min(last, hole[0])), (max(first, hole[1]), last)) if a < b
                    ]
            found += pieces
            first = last
        return found

    def answer(self, path: str, query: dict[str, str]) -> object:
        """``data`` of the envelope for an API path; KeyError for an unknown path or stream."""
        parts = path.strip("/").split("/")
        with self._lock:
            self.calls.append(path)
            if parts[:4] == ["api", "device", "query", "devices"]:  # the catalog: one NVR, its channels
                if len(parts) == 4:
                    return {"total": 1, "list": [{"deviceId": NVR, "name": "二七区录像机", "onLine": True}]}
                listed = [
                    {"channelId": code, "name": name, "status": 1} | _place(number)
                    for number, (code, name) in enumerate(self.channels.items())
                ]
                return {"total": len(listed), "list": listed}
            if parts[:3] == ["api", "gb_record", "query"]:
                start, end = parse_wvp_time(query["startTime"]), parse_wvp_time(query["endTime"])
                records = [
                    {
                        "deviceId": parts[4],
                        "name": "录像",
                        "filePath": f"/nvr/{parts[4]}/{wvp_time(a)}.mp4",
                        "startTime": wvp_time(a),
                        "endTime": wvp_time(b),
                        "secrecy": 0,
                        "type": "time",
                    }
                    for a, b in self.recordings(start, end)
                ]
                return {
                    "deviceId": parts[3],
                    "channelId": parts[4],
                    "sumNum": len(records),
                    "count": len(records),
                    "recordList": records,
                }
            if parts[:3] == ["api", "playback", "start"]:
                stream = str(next(self._ssrc))
                start, end = parse_wvp_time(query["startTime"]), parse_wvp_time(query["endTime"])
                self.sessions[stream] = PlaybackSession(parts[3], parts[4], start, end)
                return {
                    "app": "rtp",
                    "stream": stream,
                    "flv": f"{self.url}/rtp/{stream}.live.flv",
                    "ts": f"{self.url}/rtp/{stream}.live.ts",
                    "startTime": wvp_time(start),
                    "endTime": wvp_time(end),
                    "progress": 0.0,
                }
            if parts[:3] == ["api", "playback", "stop"]:
                self.sessions.pop(parts[5])
                return None
            session = self.sessions[parts[3]]
            verb = parts[2]
            if verb == "seek":
                session.move(offset_s=float(parts[4]))
            elif verb == "speed":
                session.move(speed=float(parts[4]))
            elif verb in ("pause", "resume"):
                session.move(paused=verb == "pause")
            else:
                raise KeyError(path)
            return None

    def open_stream(self, stream: str, container: str = "flv") -> subprocess.Popen[bytes]:
        with self._lock:
            session = self.sessions[stream]
            session.move()  # the stream starts where the session stands now
            moment = session.start + timedelta(seconds=session.offset_s)
            text = self._folder / f"{stream}-{time.monotonic_ns()}.txt"
            text.write_text(clock_text(moment, session.speed), encoding="utf-8")
        draw = (
            f"drawtext=fontfile={_FONT}:textfile={text}:fontsize=28:fontcolor=white:box=1:"
            "boxcolor=black@0.7:x=16:y=h-th-16"
        )
        command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi"]
        command += [
            "-i",
            "testsrc2=size=640x360:rate=25",
            "-vf",
            draw,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
        ]
        command += ["-tune", "zerolatency", "-g", "12", "-pix_fmt", "yuv420p", "-f", container, "pipe:1"]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        with self._lock:
            self._pipes.add(process)
        return process

    def close_stream(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._pipes.discard(process)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        with self._lock:
            pipes = list(self._pipes)
        for process in pipes:
            self.close_stream(process)


class _Handler(BaseHTTPRequestHandler):
    server: FakeWvpPlayback
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        if parsed.path.startswith("/rtp/") and parsed.path.endswith((".live.flv", ".live.ts")):
            stream, _, kind = parsed.path.removeprefix("/rtp/").partition(".live.")
            self._stream(stream, "flv" if kind == "flv" else "mpegts")
            return
        query = dict(urllib.parse.parse_qsl(parsed.query))
        try:
            data = self.server.answer(urllib.parse.unquote(parsed.path), query)
            envelope = {"code": 0, "msg": "成功", "data": data}
        except (KeyError, IndexError, ValueError):
            envelope = {"code": 100, "msg": "失败", "data": None}
        body = json.dumps(envelope, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, stream: str, container: str) -> None:
        if stream not in self.server.sessions:
            self.send_error(404)
            return
        process = self.server.open_stream(stream, container)
        assert process.stdout is not None
        self.send_response(200)
        self.send_header("Content-Type", "video/x-flv" if container == "flv" else "video/mp2t")
        self.end_headers()
        try:
            while data := os.read(process.stdout.fileno(), READ_SIZE):
                self.wfile.write(data)
        except OSError:
            pass  # the player went away
        finally:
            self.server.close_stream(process)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def running_fake_wvp_playback(
    gap: tuple[int, int] | None = (20, 24), channels: dict[str, str] | None = None
) -> Iterator[FakeWvpPlayback]:
    server = FakeWvpPlayback(gap, channels)
    thread = threading.Thread(target=server.serve_forever, name="fake wvp playback", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(timeout=5)


PLACE = (113.6654, 34.7466)  # 二七广场: the channels stand 100 m apart eastwards from here


def _place(number: int) -> dict[str, float]:
    """A channel's position as WVP lists it (WGS-84 here)."""
    return {"longitude": PLACE[0] + 0.0011 * number, "latitude": PLACE[1]}
