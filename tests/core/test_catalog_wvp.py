"""The WVP-GB28181-pro adapter against a real loopback HTTP server replaying recorded replies."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from commandcenter import cli, exit_codes
from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.store import Store

RECORDED = Path(__file__).parent.parent / "data" / "wvp"
NVR = "41010300001180000001"
CHANNEL = "41010300001320000001"


class FakeWvp(ThreadingHTTPServer):
    """Serves recorded replies by path; paged lists are sliced by ``page``/``count`` as WVP does."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, bytes] = {
            "/api/device/query/devices": (RECORDED / "devices.json").read_bytes(),
            f"/api/play/start/{NVR}/{CHANNEL}": (RECORDED / "play_start.json").read_bytes(),
            f"/api/play/start/{NVR}/41010300001320000002": (
                RECORDED / "play_device_offline.json"
            ).read_bytes(),
        }
        for path in RECORDED.glob("channels_*.json"):
            device = path.stem.removeprefix("channels_")
            self.routes[f"/api/device/query/devices/{device}/channels"] = path.read_bytes()
        self.tokens: list[str | None] = []
        self.pages_served: list[str] = []
        self.release = threading.Event()  # a route whose body is b"HANG" waits on this

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeWvp

    def do_GET(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        self.server.tokens.append(self.headers.get("access-token"))
        body = self.server.routes.get(parsed.path)
        if body is None:
            self.send_error(404)
            return
        if body == b"HANG":
            self.server.release.wait(10)
            return
        query = urllib.parse.parse_qs(parsed.query)
        if "page" in query:
            self.server.pages_served.append(f"{parsed.path}?page={query['page'][0]}")
            body = _page(body, int(query["page"][0]), int(query["count"][0]))
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def _page(body: bytes, page: int, count: int) -> bytes:
    """Slice a recorded list reply; anything else (a deliberately broken reply) goes out as is."""
    try:
        envelope = json.loads(body)
        items = envelope["data"]["list"]
    except (ValueError, TypeError, KeyError):
        return body
    envelope["data"]["list"] = items[(page - 1) * count : page * count]
    return json.dumps(envelope, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def wvp() -> Iterator[FakeWvp]:
    server = FakeWvp()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def test_lists_every_channel_of_every_device_across_pages(wvp: FakeWvp) -> None:
    cameras = WvpCatalog(wvp.url, page_size=2).list_cameras()
    assert [c.code for c in cameras] == [
        CHANNEL,
        "41010300001320000002",
        "41010300001320000003",
        "41010300001320000101",
    ]
    channels_path = f"/api/device/query/devices/{NVR}/channels"
    assert f"{channels_path}?page=2" in wvp.pages_served  # three channels at two per page
    first = cameras[0]
    assert (first.name, first.office, first.kind, first.gb_device_id) == (
        "建设路与大学路交叉口东",
        "二七区建中街NVR",
        "GB28181",
        CHANNEL,
    )
    assert (first.lon, first.lat) == (113.6285, 34.7352)


def test_status_and_position_are_read_from_both_wvp_generations(wvp: FakeWvp) -> None:
    by_code = {c.code: c for c in WvpCatalog(wvp.url).list_cameras()}
    assert by_code[CHANNEL].online
    assert not by_code["41010300001320000002"].online  # channel status 0
    assert by_code["41010300001320000003"].lon is None  # 0,0 means "not located"
    assert not by_code["41010300001320000101"].online  # gbStatus ON, but its NVR is offline
    assert by_code["41010300001320000101"].name == "淮河路与兴华街交叉口西"


def test_gcj02_positions_are_converted_to_wgs84(wvp: FakeWvp) -> None:
    camera = WvpCatalog(wvp.url, datum="gcj02").list_cameras()[0]
    assert camera.lon is not None
    assert camera.lat is not None
    assert 0.004 < 113.6285 - camera.lon < 0.008  # the GCJ-02 shift at Zhengzhou is ~500 m
    assert 0.0005 < camera.lat - 34.7352 < 0.003


def test_play_returns_the_media_servers_ts_url_and_sends_the_token(wvp: FakeWvp) -> None:
    urls = WvpCatalog(wvp.url, token="secret-token").stream_urls(CHANNEL)
    # TS before FLV: libVLC's FLV demuxer (libavformat) analyses a live FLV for seconds first
    assert urls.main == f"http://127.0.0.1:8080/rtp/{NVR}_{CHANNEL}.live.ts"
    assert set(wvp.tokens) == {"secret-token"}


def test_auto_play_template_gives_listed_cameras_a_url(wvp: FakeWvp) -> None:
    template = "http://media:80/rtp/{device}_{channel}.live.flv"
    camera = WvpCatalog(wvp.url, auto_play_template=template).list_cameras()[0]
    assert camera.main_url == f"http://media:80/rtp/{NVR}_{CHANNEL}.live.flv"


def test_a_non_zero_code_is_an_error_with_the_platforms_message(wvp: FakeWvp) -> None:
    with pytest.raises(CatalogError, match="code 100: 设备离线"):
        WvpCatalog(wvp.url).stream_urls("41010300001320000002")


def test_an_unknown_channel_is_an_error(wvp: FakeWvp) -> None:
    with pytest.raises(CatalogError, match="no channel '99999'"):
        WvpCatalog(wvp.url).stream_urls("99999")


def test_malformed_json_is_an_error(wvp: FakeWvp) -> None:
    wvp.routes["/api/device/query/devices"] = b'{"code": 0, "data": {"list": ['
    with pytest.raises(CatalogError, match="not JSON"):
        WvpCatalog(wvp.url).list_cameras()


def test_a_reply_without_the_envelope_is_an_error(wvp: FakeWvp) -> None:
    wvp.routes["/api/device/query/devices"] = b"[1, 2, 3]"
    with pytest.raises(CatalogError, match="envelope"):
        WvpCatalog(wvp.url).list_cameras()


def test_http_errors_are_reported(wvp: FakeWvp) -> None:
    del wvp.routes["/api/device/query/devices"]
    with pytest.raises(CatalogError, match="HTTP 404"):
        WvpCatalog(wvp.url).list_cameras()


def test_a_platform_that_does_not_answer_times_out(wvp: FakeWvp) -> None:
    wvp.routes["/api/device/query/devices"] = b"HANG"
    with pytest.raises(CatalogError, match=r"no answer within 0\.2 s"):
        WvpCatalog(wvp.url, timeout_s=0.2).list_cameras()


def test_a_platform_that_is_down_is_reported(wvp: FakeWvp) -> None:
    url = wvp.url
    wvp.server_close()  # nothing listens on the port any more
    with pytest.raises(CatalogError, match="cannot connect"):
        WvpCatalog(url, timeout_s=2).list_cameras()


def test_import_cameras_command_copies_a_platform_into_the_database(
    wvp: FakeWvp, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    template = "http://zlm/rtp/{device}_{channel}.live.flv"
    argv = ["import-cameras", wvp.url, "--url", sqlite_url, "--token", "t", "--play-template", template]
    assert cli.main(argv) == exit_codes.EXIT_OK
    assert "inserted 4" in capsys.readouterr().out
    store = Store.open(sqlite_url)
    try:
        listed = {entry.code: entry for entry in camera_queries.all_cameras(store)}
    finally:
        store.close()
    assert sorted(listed) == sorted(
        [CHANNEL, "41010300001320000002", "41010300001320000003", "41010300001320000101"]
    )
    assert listed[CHANNEL].main_url == f"http://zlm/rtp/{NVR}_{CHANNEL}.live.flv"
    assert (listed[CHANNEL].kind, listed[CHANNEL].gb_device_id) == ("GB28181", CHANNEL)
    assert set(wvp.tokens) == {"t"}


def test_import_cameras_command_reports_a_platform_error(
    wvp: FakeWvp, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    wvp.routes["/api/device/query/devices"] = b'{"code": 401, "msg": "token expired", "data": null}'
    assert cli.main(["import-cameras", wvp.url, "--url", sqlite_url]) == exit_codes.EXIT_USAGE
    assert "code 401: token expired" in capsys.readouterr().err


def test_import_cameras_takes_the_districts_media_template_when_none_is_given(
    wvp: FakeWvp, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    template = "http://media.example/rtp/{device}_{channel}.live.flv"
    assert cli.main(["db", "upgrade", "--url", sqlite_url]) == exit_codes.EXIT_OK
    assert cli.main(["settings", "set", "media_url_template", template, "--url", sqlite_url]) == 0
    assert cli.main(["import-cameras", wvp.url, "--url", sqlite_url, "--token", "t"]) == exit_codes.EXIT_OK
    assert f"play template: {template}" in capsys.readouterr().err
    store = Store.open(sqlite_url)
    try:
        listed = {entry.code: entry for entry in camera_queries.all_cameras(store)}
    finally:
        store.close()
    assert listed[CHANNEL].main_url == f"http://media.example/rtp/{NVR}_{CHANNEL}.live.flv"
