"""HTTP-FLV tags remuxed into an MPEG-TS byte stream, nothing re-encoded.

Why: libVLC 3 reads FLV only through libavformat, whose stream analysis wants 40 H.264 frames for a
frame-rate estimate (the FLV demuxer never sets ``r_frame_rate``) and, for a video-only FLV, its whole
5 s analyze duration — 1.4–5.7 s before a tile's first picture on a GB/T 28181 platform's ``.live.flv``
(bench/video_platform_playback.py). libVLC's own TS demuxer shows a picture at the first keyframe.
The remux also makes H.265 in FLV playable (codec id 12 as Chinese media servers send it, or
Enhanced RTMP's ``hvc1``), which the libavformat of Debian's libVLC does not read at all.

Video: AVC (avcC) and HEVC (hvcC) decoder records give the parameter sets; each frame's
length-prefixed NAL units become Annex B with an access unit delimiter, and a keyframe gets the
parameter sets in front when it does not carry its own. Audio: AAC frames get an ADTS header from the
AudioSpecificConfig; other audio (G.711, MP3, Speex) is left out — the wall shows pictures, and a TS
demuxer would wait for nothing it cannot read. Time: FLV's milliseconds ×90, PTS = DTS + the
composition offset, both shifted by ``DELAY_MS`` so the PCR (the DTS of each video frame) stays
before the presentation times.

Nothing is written before the first video keyframe: the PMT must list the streams, and a player
cannot show anything before a keyframe anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.video.remux import flv_tags
from commandcenter.video.remux.flv_tags import AUDIO, VIDEO, FlvTag, VideoPacket
from commandcenter.video.remux.mpegts_writer import (
    AUDIO_PID,
    AUDIO_STREAM_ID,
    CLOCK_HZ,
    STREAM_TYPE_AAC_ADTS,
    STREAM_TYPE_H264,
    STREAM_TYPE_HEVC,
    VIDEO_PID,
    VIDEO_STREAM_ID,
    ElementaryStream,
    TransportStreamWriter,
)

DELAY_MS = 200
REMUXED_CODECS = {flv_tags.AVC_CODEC_ID: STREAM_TYPE_H264, flv_tags.HEVC_CODEC_ID: STREAM_TYPE_HEVC}
_START_CODE = b"\x00\x00\x00\x01"
_AUD = {flv_tags.AVC_CODEC_ID: b"\x09\xf0", flv_tags.HEVC_CODEC_ID: b"\x46\x01\x50"}
_PARAMETER_SET_TYPES = {flv_tags.AVC_CODEC_ID: {7, 8}, flv_tags.HEVC_CODEC_ID: {32, 33, 34}}


class UnsupportedVideo(ValueError):
    """The stream's video codec is not one this remux carries (the caller plays the FLV as it is)."""


class MalformedRecord(ValueError):
    """A decoder configuration record or a frame's NAL lengths do not add up."""


@dataclass(frozen=True)
class DecoderConfig:
    """What a video sequence header gives: the NAL length size and the parameter sets in order."""

    length_size: int
    parameter_sets: tuple[bytes, ...]


def avc_config(record: bytes) -> DecoderConfig:
    """An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1)."""
    if len(record) < 7 or record[0] != 1:
        raise MalformedRecord("avcC record too short or not version 1")
    length_size = (record[4] & 0x03) + 1
    sets, position = [], 5
    for count_mask in (0x1F, 0xFF):  # SPS count (5 bits), then PPS count (8 bits)
        if position >= len(record):
            raise MalformedRecord("avcC record ends before its parameter sets")
        count = record[position] & count_mask
        position += 1
        for _ in range(count):
            nal, position = _sized(record, position)
            sets.append(nal)
    return DecoderConfig(length_size, tuple(sets))


def hevc_config(record: bytes) -> DecoderConfig:
    """An HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1): 22 fixed bytes, then arrays."""
    if len(record) < 23:
        raise MalformedRecord("hvcC record too short")
    length_size = (record[21] & 0x03) + 1
    sets, position = [], 23
    for _ in range(record[22]):
        if position + 3 > len(record):
            raise MalformedRecord("hvcC record ends inside an array header")
        count = int.from_bytes(record[position + 1 : position + 3], "big")
        position += 3
        for _ in range(count):
            nal, position = _sized(record, position)
            sets.append(nal)
    return DecoderConfig(length_size, tuple(sets))


def _sized(record: bytes, position: int) -> tuple[bytes, int]:
    if position + 2 > len(record):
        raise MalformedRecord("record ends inside a parameter set's length")
    size = int.from_bytes(record[position : position + 2], "big")
    end = position + 2 + size
    if end > len(record):
        raise MalformedRecord("a parameter set runs past the record's end")
    return record[position + 2 : end], end


def nal_units(payload: bytes, length_size: int) -> list[bytes]:
    """A frame's length-prefixed NAL units (``MalformedRecord`` when a length runs past the end)."""
    units, position = [], 0
    while position < len(payload):
        end = position + length_size
        if end > len(payload):
            raise MalformedRecord("a NAL unit's length is cut off")
        size = int.from_bytes(payload[position:end], "big")
        if end + size > len(payload):
            raise MalformedRecord("a NAL unit runs past the frame's end")
        units.append(payload[end : end + size])
        position = end + size
    return units


def _nal_type(codec: int, unit: bytes) -> int:
    if not unit:
        return -1
    return unit[0] & 0x1F if codec == flv_tags.AVC_CODEC_ID else unit[0] >> 1 & 0x3F


def adts_header(audio_specific_config: bytes, frame_length: int) -> bytes:
    """The 7-byte ADTS header (no CRC) of one raw AAC frame of ``frame_length`` bytes."""
    if len(audio_specific_config) < 2:
        raise MalformedRecord("AudioSpecificConfig too short")
    object_type = audio_specific_config[0] >> 3
    frequency = (audio_specific_config[0] & 0x07) << 1 | audio_specific_config[1] >> 7
    channels = audio_specific_config[1] >> 3 & 0x0F
    if not 1 <= object_type <= 4 or frequency > 12:
        raise MalformedRecord("AAC object type or sampling rate ADTS cannot carry")
    total = frame_length + 7
    return bytes(
        (
            0xFF,
            0xF1,
            (object_type - 1) << 6 | frequency << 2 | channels >> 2,
            (channels & 0x03) << 6 | total >> 11,
            total >> 3 & 0xFF,
            (total & 0x07) << 5 | 0x1F,
            0xFC,
        )
    )


class FlvToTs:
    """Feed it the stream's tags in order; each call returns the TS bytes they became (often b"").

    ``UnsupportedVideo`` from ``add`` while ``started`` is False means nothing was written yet, so the
    caller can still play the FLV itself. Frames that do not parse are skipped and counted in
    ``skipped`` (a damaged frame costs a picture, never the stream).
    """

    def __init__(self) -> None:
        self.skipped = 0
        self._codec: int | None = None
        self._video: DecoderConfig | None = None
        self._audio_config: bytes | None = None  # AAC's, kept only if the PMT lists an audio stream
        self._writer: TransportStreamWriter | None = None  # made at the first keyframe

    @property
    def started(self) -> bool:
        """True once TS bytes have been written (the PMT and the first keyframe)."""
        return self._writer is not None

    def add(self, tag: FlvTag) -> bytes:
        if tag.kind == VIDEO:
            return self._add_video(tag)
        if tag.kind == AUDIO:
            return self._add_audio(tag)
        return b""

    def _add_video(self, tag: FlvTag) -> bytes:
        data = flv_tags.video_data(tag.data)
        if data is None:
            self.skipped += 1
            return b""
        if self.started and data.codec != self._codec:  # the PMT is written: a codec change is not carried
            self.skipped += 1
            return b""
        if data.codec not in REMUXED_CODECS:
            raise UnsupportedVideo(f"FLV video codec id {data.codec}")
        if data.packet is VideoPacket.SEQUENCE_HEADER:
            try:
                self._video = (avc_config if data.codec == flv_tags.AVC_CODEC_ID else hevc_config)(
                    data.payload
                )
            except MalformedRecord:
                self.skipped += 1
                return b""
            self._codec = data.codec
            return b""
        if data.packet is not VideoPacket.FRAME or self._video is None:
            return b""
        try:
            units = nal_units(data.payload, self._video.length_size)
        except MalformedRecord:
            self.skipped += 1
            return b""
        out = b""
        if not self.started:
            if not data.keyframe:
                return b""
            out = self._start()
        elif data.keyframe:
            out = self._ts().tables()
        types = {_nal_type(data.codec, unit) for unit in units}
        if data.keyframe and not types & _PARAMETER_SET_TYPES[data.codec]:
            units = [*self._video.parameter_sets, *units]
        annex_b = _START_CODE + _AUD[data.codec] + b"".join(_START_CODE + unit for unit in units)
        dts = _ticks(tag.timestamp_ms + DELAY_MS)
        pts = dts + _ticks(data.composition_ms)
        return out + self._ts().frame(VIDEO_PID, VIDEO_STREAM_ID, annex_b, pts, dts, keyframe=data.keyframe)

    def _add_audio(self, tag: FlvTag) -> bytes:
        data = tag.data
        if len(data) < 2 or data[0] >> 4 != flv_tags.AAC_SOUND_FORMAT:
            return b""  # not AAC: left out (see the module's docstring)
        if data[1] == 0:
            if not self.started:
                self._audio_config = data[2:]
            return b""
        if not (self.started and self._audio_config):
            return b""
        frame = adts_header(self._audio_config, len(data) - 2) + data[2:]  # the config passed at the start
        return self._ts().frame(AUDIO_PID, AUDIO_STREAM_ID, frame, _ticks(tag.timestamp_ms + DELAY_MS))

    def _start(self) -> bytes:
        assert self._codec is not None
        streams = [ElementaryStream(VIDEO_PID, REMUXED_CODECS[self._codec])]
        if self._audio_config is not None and _adts_carries(self._audio_config):
            streams.append(ElementaryStream(AUDIO_PID, STREAM_TYPE_AAC_ADTS))
        else:
            self._audio_config = None  # no audio stream in the PMT: its frames are left out
        self._writer = TransportStreamWriter(streams, pcr_pid=VIDEO_PID)
        return self._writer.tables()

    def _ts(self) -> TransportStreamWriter:
        assert self._writer is not None
        return self._writer


def _ticks(ms: int) -> int:
    """Milliseconds on the 90 kHz clock of PTS, DTS and PCR."""
    return ms * (CLOCK_HZ // 1000)


def _adts_carries(audio_specific_config: bytes) -> bool:
    try:
        adts_header(audio_specific_config, 0)
    except MalformedRecord:
        return False
    return True
