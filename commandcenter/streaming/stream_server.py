"""The loopback demo stream server: every demo clip served as an endless live HTTP MPEG-TS stream at
``http://host:port/demo/{i}/{main,sub}.ts`` (the paths of ``demo_streams``).

Why libVLC: its VLM broadcasts serve any number of HTTP clients per path from one process, repackage
the H.264 without transcoding (almost no CPU), and with ``input-repeat`` the file loops inside one input,
so the HTTP connection stays open across the loop (plain VLM ``loop`` restarts the output and cuts every
client off at the end of the clip). ffmpeg's HTTP listener serves one client per process.

It runs as a separate process (``python -m commandcenter.streaming.stream_server``) so its work is not in
the app process and a test can kill it to play a dead camera server. The child exits when its stdin
closes, so it never outlives the app that started it, even after a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from commandcenter import paths
from commandcenter.config import StreamSettings
from commandcenter.domain.cameras import StreamTier
from commandcenter.self_command import self_command
from commandcenter.streaming.clips import ClipSet, find_clip_sets
from commandcenter.streaming.demo_streams import demo_stream_url
from commandcenter.streaming.vlm_broadcast import READY_LINE, serve_broadcasts

EXIT_PORT_BUSY = 3
EXIT_NO_CLIPS = 4


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As libVLC does; without it the TIME_WAIT sockets of a killed server block a restart.
        if sys.platform != "win32":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


class StreamServerError(RuntimeError):
    """The server process could not start; the message says why (port busy, no clips, libVLC error)."""


class DemoStreamServer:
    """Starts and stops the server process (``start()`` returns once every stream is being served)."""

    def __init__(
        self, settings: StreamSettings, clips_dir: Path | None = None, *, ready_timeout_s: float = 20.0
    ) -> None:
        if not is_loopback(settings.host):
            raise StreamServerError(f"{settings.host} is not a loopback address")
        self.host, self.port = settings.host, settings.port
        self._count = settings.clip_count
        self._clips_dir = clips_dir
        self._ready_timeout_s = ready_timeout_s
        self._clips: list[ClipSet] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def urls(self, tier: StreamTier | None = None) -> list[str]:
        """The served stream URLs, clip by clip (main then sub), or only one tier."""
        tiers = [tier] if tier else list(StreamTier)
        return [demo_stream_url(self.host, self.port, c.index, t) for c in self._clips for t in tiers]

    def is_alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        if self.is_alive():
            return
        clips_dir = self._clips_dir or paths.demo_media_dir()
        self._clips = find_clip_sets(clips_dir)[: self._count or None]
        if not self._clips:
            raise StreamServerError(f"no demo clips in {clips_dir} (ensure_demo_clips makes them)")
        log_path = paths.data_dir() / "stream-server.log"
        command = [*self_command(__name__), "--host", self.host, "--port", str(self.port)]
        command += ["--clips", str(clips_dir), "--count", str(len(self._clips)), "--watch-stdin"]
        with log_path.open("wb") as log_file:
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file
            )
        ready = threading.Event()
        self._reader = threading.Thread(target=self._read_stdout, args=(self._process, ready), daemon=True)
        self._reader.start()
        deadline = time.monotonic() + self._ready_timeout_s
        while not (ready.is_set() and self._port_answers()):
            if not self.is_alive() or time.monotonic() > deadline:
                self.stop()
                tail = log_path.read_text(encoding="utf-8", errors="replace").strip()[-500:]
                raise StreamServerError(f"stream server did not start on {self.host}:{self.port}: {tail}")
            ready.wait(0.05)

    @staticmethod
    def _read_stdout(process: subprocess.Popen[bytes], ready: threading.Event) -> None:
        assert process.stdout is not None
        with process.stdout:
            for line in process.stdout:  # drains the pipe until the child exits
                if line.strip().decode(errors="replace") == READY_LINE:
                    ready.set()

    def _port_answers(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """End the process (idempotent): closing stdin asks it to quit, a kill follows if it hangs."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if self._reader is not None:
            self._reader.join(timeout=5)
            self._reader = None


def _stop_at_eof(stop: threading.Event) -> None:
    sys.stdin.buffer.read()
    stop.set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the demo clips as endless HTTP MPEG-TS streams.")
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address (nothing else is allowed)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clips", type=Path, required=True, help="folder made by ensure_demo_clips")
    parser.add_argument("--count", type=int, default=0, help="serve only the first N clips (0: all)")
    parser.add_argument("--watch-stdin", action="store_true", help="exit when stdin closes (parent gone)")
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        parser.error(f"{args.host} is not a loopback address; the demo server binds loopback only")
    clips = find_clip_sets(args.clips)
    clips = clips[: args.count] if args.count > 0 else clips
    if not clips:
        print(f"no demo clips in {args.clips}", file=sys.stderr)
        return EXIT_NO_CLIPS
    if not port_is_free(args.host, args.port):
        print(f"port {args.host}:{args.port} is already in use", file=sys.stderr)
        return EXIT_PORT_BUSY
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    if args.watch_stdin:
        threading.Thread(target=_stop_at_eof, args=(stop,), daemon=True).start()
    with contextlib.suppress(KeyboardInterrupt):
        serve_broadcasts(args.host, args.port, clips, stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
