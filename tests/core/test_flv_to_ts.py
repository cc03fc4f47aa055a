"""The FLV→TS remux (``video/remux/flv_to_ts``, ``mpegts_writer``): real FLV from ffmpeg (H.264 + AAC,
video only, Sorenson for the pass-through) and H.265 FLV in both layouts media servers send,
remuxed and then read back by ffprobe/ffmpeg — every picture there, nothing the decoder complains
about, the timing kept."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from commandcenter.testing.hevc_flv import has_libx265, write_hevc_flv
from commandcenter.video.remux.flv_tags import VIDEO, FlvTag, read_header, read_tag
from commandcenter.video.remux.flv_to_ts import DELAY_MS, FlvToTs, UnsupportedVideo, adts_header, avc_config
from commandcenter.video.remux.mpegts_writer import (
    PACKET_SIZE,
    PAT_PID,
    PMT_PID,
    VIDEO_PID,
    ElementaryStream,
    TransportStreamWriter,
    crc32_mpeg2,
    pes_packet,
)

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg and ffprobe")


def _ffmpeg_flv(path: Path, *video_args: str, audio: bool = True) -> Path:
    command = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25"]
    if audio:
        command += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-c:a", "aac"]
    command += ["-t", "2", *video_args, "-f", "flv", str(path)]
    subprocess.run(command, check=True, timeout=120)
    return path


@pytest.fixture(scope="module")
def flv_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("ffmpeg") is None:
        pytest.skip("needs ffmpeg")
    folder = tmp_path_factory.mktemp("flv")
    h264 = ("-c:v", "libx264", "-g", "12", "-bf", "2", "-pix_fmt", "yuv420p")
    return {
        "h264_aac": _ffmpeg_flv(folder / "h264_aac.flv", *h264),
        "h264_only": _ffmpeg_flv(folder / "h264_only.flv", *h264, audio=False),
        "sorenson": _ffmpeg_flv(folder / "sorenson.flv", "-c:v", "flv1", audio=False),
    }


@pytest.fixture(scope="module")
def hevc_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("ffmpeg") is None or not has_libx265():
        pytest.skip("needs ffmpeg with libx265")
    folder = tmp_path_factory.mktemp("hevc")
    return {
        "hevc": write_hevc_flv(folder / "hevc.flv", 2),
        "hevc_enhanced": write_hevc_flv(folder / "hevc_enhanced.flv", 2, enhanced=True),
    }


def _tags(path: Path) -> list[FlvTag]:
    stream = io.BytesIO(path.read_bytes())
    read_header(stream)
    tags = []
    while (tag := read_tag(stream)) is not None:
        tags.append(tag)
    return tags


def _remux(tags: list[FlvTag]) -> tuple[bytes, FlvToTs]:
    converter = FlvToTs()
    return b"".join(converter.add(tag) for tag in tags), converter


def _probe(path: Path, *entries: str) -> list[dict[str, object]]:
    command = [
        "ffprobe",
        "-v",
        "error",
        "-count_frames",
        "-count_packets",
        "-of",
        "json",
        "-show_entries",
        ",".join(entries),
    ]
    answer = subprocess.run([*command, str(path)], check=True, capture_output=True, text=True, timeout=60)
    return list(json.loads(answer.stdout)["streams"])


def _decode_errors(path: Path) -> str:
    command = ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60).stderr


def _video_pts_ms(path: Path) -> list[int]:
    command = [
        "ffprobe",
        "-v",
        "error",
        "-select_streams",
        "v",
        "-show_entries",
        "packet=pts_time",
        "-of",
        "csv=p=0",
    ]
    answer = subprocess.run([*command, str(path)], check=True, capture_output=True, text=True, timeout=60)
    return sorted(round(float(line.strip(",")) * 1000) for line in answer.stdout.split())


def _packets(ts: bytes) -> list[bytes]:
    assert len(ts) % PACKET_SIZE == 0
    return [ts[i : i + PACKET_SIZE] for i in range(0, len(ts), PACKET_SIZE)]


def test_the_psi_crc_is_crc32_mpeg2() -> None:
    assert crc32_mpeg2(b"123456789") == 0x0376E6E7  # the catalogued check value of CRC-32/MPEG-2


def test_pat_and_pmt_are_one_packet_each_with_a_valid_section_crc() -> None:
    writer = TransportStreamWriter(
        [ElementaryStream(VIDEO_PID, 0x1B), ElementaryStream(0x101, 0x0F)], VIDEO_PID
    )
    pat, pmt = _packets(writer.tables())
    for packet, pid in ((pat, PAT_PID), (pmt, PMT_PID)):
        assert packet[0] == 0x47
        assert packet[1] & 0x40
        assert (packet[1] & 0x1F) << 8 | packet[2] == pid
        section_length = (packet[6] & 0x0F) << 8 | packet[7]
        section = packet[5 : 8 + section_length]
        assert crc32_mpeg2(section) == 0  # a section with its own CRC appended sums to zero
    pmt_section = pmt[5:]
    assert pmt_section[12:17] == bytes((0x1B, 0xE1, 0x00, 0xF0, 0x00))  # H.264 on PID 0x100


def test_a_pes_header_carries_pts_and_dts_in_the_marker_layout() -> None:
    pes = pes_packet(0xE0, b"x" * 10, pts=(1 << 32) + 12345, dts=(1 << 32) + 9000)
    assert pes[:4] == b"\x00\x00\x01\xe0"
    assert pes[7] == 0xC0
    assert pes[8] == 10

    def decoded(field: bytes) -> int:
        return (
            (field[0] >> 1 & 0x07) << 30
            | field[1] << 22
            | (field[2] >> 1) << 15
            | field[3] << 7
            | field[4] >> 1
        )

    assert decoded(pes[9:14]) == (1 << 32) + 12345
    assert decoded(pes[14:19]) == (1 << 32) + 9000
    assert pes[9] >> 4 == 0x3
    assert pes[14] >> 4 == 0x1


def test_adts_header_says_the_frame_length_and_the_configuration() -> None:
    header = adts_header(bytes((0x15, 0x88)), 100)  # AAC LC, 8 kHz (index 11), mono
    assert header[:2] == b"\xff\xf1"
    assert header[2] >> 6 == 1
    assert header[2] >> 2 & 0x0F == 11
    assert (header[3] & 0x03) << 11 | header[4] << 3 | header[5] >> 5 == 107


@needs_ffmpeg
def test_h264_and_aac_are_remuxed_with_every_picture_and_their_timing(
    flv_files: dict[str, Path], tmp_path: Path
) -> None:
    source = flv_files["h264_aac"]
    ts, converter = _remux(_tags(source))
    output = tmp_path / "out.ts"
    output.write_bytes(ts)
    streams = {s["codec_name"]: s for s in _probe(output, "stream=codec_name,nb_read_frames")}
    originals = {s["codec_name"]: s for s in _probe(source, "stream=codec_name,nb_read_frames")}
    assert set(streams) == {"h264", "aac"}
    assert streams["h264"]["nb_read_frames"] == originals["h264"]["nb_read_frames"] == "50"
    assert _decode_errors(output) == ""
    assert converter.skipped == 0
    shifted = [pts - DELAY_MS for pts in _video_pts_ms(output)]
    assert shifted == _video_pts_ms(source)  # B-frames' composition offsets kept


@needs_ffmpeg
def test_the_packets_are_whole_and_each_pid_counts_on(flv_files: dict[str, Path]) -> None:
    ts, _ = _remux(_tags(flv_files["h264_aac"]))
    counters: dict[int, int] = {}
    for packet in _packets(ts):
        assert packet[0] == 0x47
        pid, counter = (packet[1] & 0x1F) << 8 | packet[2], packet[3] & 0x0F
        if pid in counters:
            assert counter == (counters[pid] + 1) % 16
        counters[pid] = counter
    first_video = next(p for p in _packets(ts) if (p[1] & 0x1F) << 8 | p[2] == VIDEO_PID)
    assert first_video[5] & 0x40
    assert first_video[5] & 0x10


@needs_ffmpeg
def test_a_video_only_flv_becomes_a_video_only_ts(flv_files: dict[str, Path], tmp_path: Path) -> None:
    output = tmp_path / "video.ts"
    output.write_bytes(_remux(_tags(flv_files["h264_only"]))[0])
    assert [s["codec_name"] for s in _probe(output, "stream=codec_name")] == ["h264"]


@needs_ffmpeg
@pytest.mark.parametrize("layout", ["hevc", "hevc_enhanced"])
def test_h265_in_flv_becomes_playable_ts(hevc_files: dict[str, Path], tmp_path: Path, layout: str) -> None:
    """Codec id 12 (ZLMediaKit, SRS) and Enhanced RTMP's hvc1: libavformat 5.1 reads neither; the
    parameter sets are only in the hvcC record, so every keyframe must get them in front."""
    output = tmp_path / f"{layout}.ts"
    output.write_bytes(_remux(_tags(hevc_files[layout]))[0])
    (stream,) = _probe(output, "stream=codec_name,width,nb_read_frames")
    assert stream == {"codec_name": "hevc", "width": 320, "nb_read_frames": "50"}
    assert _decode_errors(output) == ""


@needs_ffmpeg
def test_a_codec_the_remux_does_not_carry_is_refused_before_anything_is_written(
    flv_files: dict[str, Path],
) -> None:
    converter = FlvToTs()
    tags = _tags(flv_files["sorenson"])
    first_video = next(i for i, tag in enumerate(tags) if tag.kind == VIDEO)
    assert all(converter.add(tag) == b"" for tag in tags[:first_video])
    with pytest.raises(UnsupportedVideo, match="codec id 2"):
        converter.add(tags[first_video])
    assert not converter.started


@needs_ffmpeg
def test_damaged_frames_are_skipped_and_the_stream_goes_on(
    flv_files: dict[str, Path], tmp_path: Path
) -> None:
    tags = _tags(flv_files["h264_only"])
    frames = [i for i, tag in enumerate(tags) if tag.kind == VIDEO and tag.data[1] == 1]
    damaged = set(frames[5::7])  # never the first keyframe
    broken = []
    for i, tag in enumerate(tags):
        if i in damaged:  # the first NAL unit's length now runs past the frame
            data = tag.data[:5] + b"\x7f\xff\xff\xff" + tag.data[9:]
            tag = FlvTag(tag.kind, tag.timestamp_ms, tag.raw[:11] + data + tag.raw[-4:])
        broken.append(tag)
    broken.insert(3, FlvTag(VIDEO, 0, bytes(11) + b"\x17" + bytes(4)))  # too short to be a frame
    ts, converter = _remux(broken)
    assert converter.skipped == len(damaged) + 1  # and the short one
    output = tmp_path / "damaged.ts"
    output.write_bytes(ts)
    (stream,) = _probe(output, "stream=codec_name,nb_read_packets")
    assert int(str(stream["nb_read_packets"])) == len(frames) - len(damaged)


def test_a_malformed_decoder_record_is_not_taken() -> None:
    converter = FlvToTs()
    assert converter.add(FlvTag(VIDEO, 0, bytes(11) + b"\x17\x00\x00\x00\x00\x01\x64" + bytes(4))) == b""
    assert converter.skipped == 1
    assert avc_config(
        bytes((1, 0x64, 0, 0x1F, 0xFF, 0xE1, 0, 2, 0x67, 0x64, 1, 0, 2, 0x68, 0xEE))
    ).parameter_sets == (
        b"\x67\x64",
        b"\x68\xee",
    )
