"""FLV tags read off a live muxer's output, and the cache a media server keeps so a new player can
start at once: the header, the latest ``onMetaData``, the AVC and AAC sequence headers and every tag
since the last video keyframe (one GOP).

This is what ZLMediaKit (the media server behind WVP) sends a new HTTP-FLV player before the live
tags: ``FlvMuxer::onWriteFlvHeader`` writes the FLV header, the metadata and the config frames
(ZLMediaKit ``src/Rtmp/FlvMuxer.cpp``), then the player attaches to the source's ring buffer, whose
storage clears itself on each keyframe and replays what it holds to a new reader
(ZLToolKit ``src/Util/RingBuffer.h``: ``_RingStorage::write`` clears the cache when ``is_key``,
``_RingReader::setReadCB`` calls ``flushGop``). Without that burst a player waits for the next
keyframe and then reads the stream only at its own pace.

The tags are read by ``video/remux/flv_tags``.
"""

from __future__ import annotations

import threading

from commandcenter.video.remux.flv_tags import SCRIPT, FlvTag


class GopCache:
    """What a player joining now is sent before the live tags; safe to use from several threads."""

    def __init__(self, header: bytes) -> None:
        self.header = header
        self._script: FlvTag | None = None
        self._avc: FlvTag | None = None
        self._aac: FlvTag | None = None
        self._gop: list[FlvTag] = []
        self._lock = threading.Lock()

    def add(self, tag: FlvTag) -> None:
        with self._lock:
            if tag.kind == SCRIPT:
                self._script = tag
            elif tag.is_avc_sequence_header:
                self._avc = tag
            elif tag.is_aac_sequence_header:
                self._aac = tag
            elif tag.is_video_keyframe:
                self._gop = [tag]
            elif self._gop:  # nothing before the first keyframe: a player could not decode it
                self._gop.append(tag)

    def gop(self) -> list[FlvTag]:
        """The tags since the last video keyframe (that keyframe first)."""
        with self._lock:
            return list(self._gop)

    def start(self, *, with_gop: bool = True) -> bytes:
        """Header, metadata, sequence headers and (``with_gop``) the cached GOP: a new player's first
        bytes."""
        with self._lock:
            tags = [t for t in (self._script, self._avc, self._aac) if t is not None]
            tags += self._gop if with_gop else []
        return self.header + b"".join(tag.raw for tag in tags)
