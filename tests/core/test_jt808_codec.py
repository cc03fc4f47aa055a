"""The JT/T 808 decoders and encoders against the public vectors (standards-dispatch-gps.md §2.5):
each vector is split from the stream, its checksum verified, its header variant detected and its
body decoded to the values the source's own test asserts; each encoder reproduces the vector byte
for byte."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.feeds.jt808.auth import Authentication, decode_auth, encode_auth
from commandcenter.feeds.jt808.frames import Frame, decode_frame, encode_frame
from commandcenter.feeds.jt808.heartbeat import Heartbeat
from commandcenter.feeds.jt808.location import LocationReport, decode_location, encode_location
from commandcenter.feeds.jt808.location_batch import LocationBatch
from commandcenter.feeds.jt808.messages import decode_message
from commandcenter.feeds.jt808.platform_response import decode_platform_response, encode_platform_response
from commandcenter.feeds.jt808.register import Registration, encode_register
from commandcenter.feeds.jt808.splitter import FrameSplitter
from commandcenter.geo.datum import wgs84_to_gcj02
from commandcenter.testing.jt808_vectors import VECTORS, vector


def frame_of(name: str) -> Frame:
    (content,) = FrameSplitter().feed(vector(name))
    frame = decode_frame(content)
    assert frame.checksum_ok
    return frame


def message_of(name: str) -> object:
    frame = frame_of(name)
    return decode_message(frame.header, frame.body)


@pytest.mark.parametrize(
    ("name", "msg_id", "phone", "serial", "version"),
    [
        ("heartbeat", 0x0002, "012345678900", 10, "2013"),
        ("heartbeat_escaped_checksum", 0x0002, "040021679287", 43, "2013"),
        ("auth", 0x0102, "012345678900", 12345, "2013"),
        ("platform_response", 0x8001, "012345678900", 10, "2013"),
        ("register_2019", 0x0100, "00000000022222222222", 0, "2019"),
        ("location_batch", 0x0704, "112233445566", 8888, "2013"),
        ("location_2019", 0x0200, "00000000013912344329", 0, "2019"),
        ("location_erqi", 0x0200, "013800138000", 0x7E, "2013"),
        ("location_erqi_2019", 0x0200, "00000000013800138000", 0x7D, "2019"),
    ],
)
def test_the_header_variant_is_read_per_frame(
    name: str, msg_id: int, phone: str, serial: int, version: str
) -> None:
    header = frame_of(name).header
    assert (header.msg_id, header.phone, header.serial, header.version) == (msg_id, phone, serial, version)


def test_a_2019_phone_names_the_same_terminal_as_its_2013_twin() -> None:
    assert frame_of("location_erqi_2019").header.terminal_id == frame_of("location_erqi").header.terminal_id
    assert frame_of("location_erqi_2019").header.protocol_version == 1


def test_heartbeat_and_auth() -> None:
    assert message_of("heartbeat") == Heartbeat()
    assert message_of("auth") == Authentication("456121111")


@pytest.mark.parametrize(
    ("name", "version", "model"),
    [("register_2011", "2011", "tk12345"), ("register_2013", "2013", "smallchi123")],
)
def test_register_2011_and_2013_are_told_apart_by_the_body(name: str, version: str, model: str) -> None:
    registration = message_of(name)
    assert registration == Registration(version, 40, 50, "1234", model, "CHI123", 1, "粤A12345")


def test_register_2019() -> None:
    registration = message_of("register_2019")
    assert registration == Registration("2019", 0, 0, "Koike002", "Koike002", "Koike002", 2, "粤A12346")


@pytest.mark.parametrize("name", ["register_2011", "register_2013", "register_2019"])
def test_the_register_encoder_reproduces_the_vector_body(name: str) -> None:
    frame = frame_of(name)
    registration = decode_message(frame.header, frame.body)
    assert isinstance(registration, Registration)
    assert encode_register(registration) == frame.body


def test_location_with_mileage_and_fuel() -> None:
    report = message_of("location")
    assert isinstance(report, LocationReport)
    assert (report.alarm_flags, report.status_flags) == (1, 2)
    assert (report.lat, report.lon, report.altitude_m, report.speed_kmh, report.heading_deg) == (
        12.222222,
        132.444444,
        40,
        6.0,
        0.0,
    )
    assert report.ts == datetime(2018, 7, 15, 2, 10, 10, tzinfo=UTC)  # 10:10:10 GMT+8
    assert report.extras == {"mileage_km": 10.0, "fuel_l": 5.5}
    assert report.valid  # status bit 1


def test_location_2019() -> None:
    report = message_of("location_2019")
    assert isinstance(report, LocationReport)
    assert (report.alarm_flags, report.status_flags) == (111, 22)
    # status 22 = 0b10110 sets bit 2 (south); the reference lists "31.234567 N" from a sample that
    # ignores the sign bits. We follow the standard (and Traccar): bit 2 → southern latitude.
    assert (report.lat, report.lon) == (-31.234567, 121.987654)
    assert (report.altitude_m, report.speed_kmh) == (123, 6.6)
    assert report.ts == datetime(2025, 1, 29, 14, 33, 44, tzinfo=UTC)
    assert report.extras == {"mileage_km": 1.2, "fuel_l": 10.0}


@pytest.mark.parametrize("name", ["location_erqi", "location_erqi_2019"])
def test_a_loaded_muck_truck_in_erqi_becomes_a_position(name: str) -> None:
    report = message_of(name)
    assert isinstance(report, LocationReport)
    assert report.status_flags == 0xC0303
    assert report.load_state == "loaded"  # bits 8–9 = 11 full
    received = datetime(2025, 6, 1, 0, 30, 20, tzinfo=UTC)
    position = report.to_position(7, received)
    assert (position.unit_id, position.lon, position.lat, position.state) == (7, 113.64, 34.725, "loaded")
    assert (position.speed_kmh, position.heading_deg, position.altitude_m) == (35.6, 270.0, 105.0)
    assert position.ts == datetime(2025, 6, 1, 0, 30, 15, tzinfo=UTC)
    assert position.status_flags == 0xC0303
    assert position.valid
    assert position.extras == {"mileage_km": 12345.6, "rssi": 25, "satellites": 14}
    assert (position.source, position.received_at) == ("jt808", received)


def test_load_bits_empty_and_half() -> None:
    base = message_of("location_erqi")
    assert isinstance(base, LocationReport)
    empty = decode_location(encode_location(LocationReport(0, 0x3, 34.7, 113.6, 0, 0.0, 0.0, base.ts)))
    half = decode_location(encode_location(LocationReport(0, 0x103, 34.7, 113.6, 0, 0.0, 0.0, base.ts)))
    assert (empty.load_state, half.load_state) == ("empty", "loaded")


def test_location_batch() -> None:
    batch = message_of("location_batch")
    assert isinstance(batch, LocationBatch)
    assert (batch.kind, len(batch.reports), batch.bad_items) == (0, 2, 0)
    second = batch.reports[1]
    assert (second.lat, second.lon, second.speed_kmh, second.heading_deg) == (
        13.333333,
        132.555555,
        5.4,
        120.0,
    )
    assert second.ts == datetime(2018, 7, 15, 2, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", ["location", "location_erqi"])
def test_the_location_encoder_reproduces_the_vector_body(name: str) -> None:
    frame = frame_of(name)
    assert encode_location(decode_location(frame.body)) == frame.body


def test_a_vendor_tlv_of_an_unexpected_length_is_kept_raw() -> None:
    body = frame_of("location").body
    odd = body + bytes([0x01, 0x02, 0xAB, 0xCD]) + bytes([0xEB, 0x03, 1, 2, 3]) + bytes([0x30, 0x09, 0x01])
    report = decode_location(odd)
    assert report.extras["tlv_0x01"] == "abcd"  # mileage must be 4 bytes
    assert report.extras["tlv_0xeb"] == "010203"  # vendor-defined
    assert report.extras["tlv_0x30"] == "01"  # cut short: what is there, kept
    assert report.extras["fuel_l"] == 5.5


def test_encrypted_coordinates_are_converted_to_wgs84() -> None:
    plain = message_of("location_erqi")
    assert isinstance(plain, LocationReport)
    gcj_lon, gcj_lat = wgs84_to_gcj02(113.64, 34.725)  # a 保密插件 offsets the fix by ~500 m here
    sent = LocationReport(0, 0xC0303 | 0x20, gcj_lat, gcj_lon, 0, 0.0, 0.0, plain.ts)
    offset = decode_location(encode_location(sent))
    assert offset.extras["datum"] == "gcj02"
    assert abs(offset.lon - 113.64) < 2e-5
    assert abs(offset.lat - 34.725) < 2e-5


@pytest.mark.parametrize(
    ("name", "ack_serial", "ack_msg_id"),
    [
        ("platform_response", 100, 0x0200),
        ("platform_response_2019", 111, 0x0200),
        ("platform_response_erqi", 0x7E, 0x0200),
    ],
)
def test_the_platform_response_encoder_reproduces_the_vectors(
    name: str, ack_serial: int, ack_msg_id: int
) -> None:
    frame = frame_of(name)
    assert decode_platform_response(frame.body).ack_serial == ack_serial
    body = encode_platform_response(ack_serial, ack_msg_id)
    assert encode_frame(
        0x8001, frame.header.phone, frame.header.serial, body, frame.header.version
    ) == vector(name)


def test_the_auth_encoder_round_trips_both_layouts() -> None:
    auth = Authentication("CC013800138000", "860000000000001", "1.0")
    frame = frame_of("auth")
    assert encode_auth(Authentication("456121111"), "2013") == frame.body
    body_2019 = encode_auth(auth, "2019")
    assert decode_auth(body_2019, "2019") == auth


def test_every_vector_has_a_good_checksum() -> None:
    for name in VECTORS:
        assert frame_of(name).checksum_ok, name


@pytest.mark.parametrize(
    ("time_bcd", "reason"),
    [
        ("251329143344", "month 13"),
        ("250230120000", "30 February"),
        ("250101246000", "hour 24"),
        ("2501011200aa", "not BCD"),
    ],
)
def test_a_location_with_an_impossible_time_is_malformed(time_bcd: str, reason: str) -> None:
    from commandcenter.feeds.jt808.fields import MalformedMessage

    body = bytes(20) + bytes.fromhex(time_bcd)
    with pytest.raises(MalformedMessage):
        decode_location(body)


def test_a_location_shorter_than_its_fixed_part_is_malformed() -> None:
    from commandcenter.feeds.jt808.fields import MalformedMessage

    good = encode_location(
        LocationReport(0, 2, 34.7, 113.6, 100, 30.0, 90.0, datetime(2025, 1, 1, tzinfo=UTC))
    )
    for cut in range(len(good)):
        with pytest.raises(MalformedMessage):
            decode_location(good[:cut])
    assert decode_location(good).ts == datetime(2025, 1, 1, tzinfo=UTC)
