"""Inside the stream server process: one libVLC VLM broadcast per clip and tier, served over HTTP on
an internal loopback port, with the GOP-cache relay (``ts_relay``) in front on the public port.

``input-repeat`` loops the file inside one input, so the HTTP connection stays open across the loop
(VLM's own ``loop`` restarts the output and cuts every client off at the end of the clip). No
transcoding: the H.264 is only re-muxed, which costs almost no CPU.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from typing import TYPE_CHECKING

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ClipSet
from commandcenter.streaming.demo_streams import demo_stream_path
from commandcenter.streaming.ts_relay import TsRelayServer

if TYPE_CHECKING:
    import vlc

READY_LINE = "READY"  # printed on stdout once every stream answers
_SERVE_TIMEOUT_S = 15.0
_REPEAT_FOREVER = b"input-repeat=65535"  # 65535 x a 12 s clip is over a week; VLM loop restarts after


def _wait_until_served(host: str, port: int, stream_paths: list[str], timeout_s: float) -> bool:
    """True once a HEAD of every path answers 200 (a HEAD does not start a stream client)."""
    deadline = time.monotonic() + timeout_s
    pending = list(stream_paths)
    while pending and time.monotonic() < deadline:
        connection = http.client.HTTPConnection(host, port, timeout=1.0)
        try:
            connection.request("HEAD", f"/{pending[0]}")
            if connection.getresponse().status == 200:
                pending.pop(0)
                continue
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.05)
    return not pending


def free_port(host: str) -> int:
    """A port nobody listens on right now on ``host`` (the OS picks it; a tiny race until it is bound).
    The server gives one to libVLC's own HTTP output, which only the relay connects to."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def serve_broadcasts(host: str, port: int, clips: list[ClipSet], stop: threading.Event) -> None:
    """Serve every clip and tier on ``host:port`` until ``stop`` is set."""
    stream_paths = [demo_stream_path(clip.index, tier) for clip in clips for tier in StreamTier]
    internal_port = free_port(host)
    instance = _start_broadcasts(host, internal_port, clips)
    relay: TsRelayServer | None = None
    try:
        # libVLC registers each HTTP path when its broadcast's input has started, a moment later.
        if not _wait_until_served(host, internal_port, stream_paths, _SERVE_TIMEOUT_S):
            raise RuntimeError(f"libVLC did not serve every stream within {_SERVE_TIMEOUT_S:.0f} s")
        relay = TsRelayServer(host, port, internal_port, stream_paths)
        relay.start()
        if not relay.wait_ready(_SERVE_TIMEOUT_S):
            raise RuntimeError(f"no keyframe on every stream within {_SERVE_TIMEOUT_S:.0f} s")
        print(READY_LINE, flush=True)
        stop.wait()
    finally:
        if relay is not None:
            relay.stop()
        instance.vlm_release()
        instance.release()


def _start_broadcasts(host: str, port: int, clips: list[ClipSet]) -> vlc.Instance:
    import vlc

    # --http-host makes libVLC's HTTP server bind the loopback address only.
    instance = vlc.Instance(["--quiet", "--no-audio", "--no-sout-audio", f"--http-host={host}"])
    try:
        for clip in clips:
            for tier in StreamTier:
                name = f"demo-{clip.index}-{tier.value}"
                output = f"#std{{access=http,mux=ts,dst={host}:{port}/{demo_stream_path(clip.index, tier)}}}"
                if instance.vlm_add_broadcast(name, str(clip.path(tier)), output, 1, [_REPEAT_FOREVER], 1, 1):
                    raise RuntimeError(f"libVLC refused broadcast {name}")
                instance.vlm_play_media(name)
    except BaseException:
        instance.vlm_release()
        instance.release()
        raise
    return instance
