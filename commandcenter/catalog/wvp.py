"""A GB/T 28181 platform of the WVP-GB28181-pro kind as a catalog source.

The desktop client never speaks SIP: it lists the platform's devices and their channels over the
platform's REST API and asks it to start a stream (``/api/play/start/{deviceId}/{channelId}``),
which answers with the media server's (ZLMediaKit's) flv/hls/ts/rtsp URLs. Every reply is the
envelope ``{"code": 0, "msg": "...", "data": ...}``; anything else — a non-zero code, an HTTP error,
a timeout, a body that is not that JSON — becomes one ``CatalogError`` that says what happened.

Calls block (urllib): run them in a worker (``BackgroundRunner``), never on the Qt thread.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.geo.datum import Datum, to_wgs84

GB_KIND = "GB28181"
PAGE_SIZE = 200
# The order in which a play reply's URLs are preferred. HTTP-TS first: libVLC demuxes TS itself and
# shows a picture at the first keyframe. FLV next: the tiles play it through the desk's FLV→TS remux
# (``video/remux``), as quick but one loopback hop more (libVLC's own FLV path, libavformat, analyses
# a live FLV for 1.4–5.7 s first). Both pass firewalls that RTSP does not.
URL_PREFERENCE = ("ts", "flv", "hls", "fmp4", "rtsp", "rtmp")


class WvpCatalog:
    """``CameraCatalog`` over a WVP-GB28181-pro platform.

    ``auto_play_template`` is the platform's "auto-apply-play" URL, e.g.
    ``"http://media:80/rtp/{device}_{channel}.live.flv"``: when given, listed cameras carry a URL
    that starts the stream on first read, so a drag onto the wall needs no play call.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout_s: float = 5.0,
        datum: Datum | str = Datum.WGS84,
        auto_play_template: str | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout_s = timeout_s
        self._datum = Datum(datum)
        self._template = auto_play_template
        self._page_size = page_size
        self._device_of: dict[str, str] = {}  # channel code → its device id

    # ------------------------------------------------------------------ HTTP
    def _get(self, path: str, **query: object) -> Any:
        url = f"{self.base_url}{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        if self._token:
            request.add_header("access-token", self._token)
        try:
            with urllib.request.urlopen(request, timeout=self._timeout_s) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise CatalogError(f"WVP {path}: HTTP {error.code} {error.reason}") from error
        except TimeoutError as error:
            raise CatalogError(f"WVP {path}: no answer within {self._timeout_s:g} s") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise CatalogError(f"WVP {path}: no answer within {self._timeout_s:g} s") from error
            raise CatalogError(f"WVP {path}: cannot connect to {self.base_url}: {reason}") from error
        try:
            envelope = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CatalogError(f"WVP {path}: the reply is not JSON ({error})") from error
        if not isinstance(envelope, dict) or "code" not in envelope:
            raise CatalogError(f"WVP {path}: the reply has no code/data envelope")
        if envelope["code"] != 0:
            raise CatalogError(f"WVP {path}: code {envelope['code']}: {envelope.get('msg') or 'no message'}")
        return envelope.get("data")

    def get_json(self, path: str, **query: object) -> Any:
        """``data`` of one GET in the envelope (for the platform's other APIs: playback, PTZ, …)."""
        return self._get(path, **query)

    def device_for(self, code: str) -> str:
        """The device (NVR) id holding channel ``code``; the platform is listed when not known yet."""
        if code not in self._device_of:
            self.list_cameras()
        device_id = self._device_of.get(code)
        if device_id is None:
            raise CatalogError(f"no channel {code!r} on the platform {self.base_url}")
        return device_id

    def _pages(self, path: str) -> list[dict[str, Any]]:
        """Every item of a paged list (``data = {"total": n, "list": [...]}``)."""
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            data = self._get(path, page=page, count=self._page_size)
            if not isinstance(data, dict) or not isinstance(data.get("list"), list):
                raise CatalogError(f"WVP {path}: expected a page with a list, got {type(data).__name__}")
            batch = [item for item in data["list"] if isinstance(item, dict)]
            items.extend(batch)
            total = data.get("total")
            if not batch or not isinstance(total, int) or len(items) >= total:
                return items
            page += 1

    # ------------------------------------------------------------------ catalog
    def list_cameras(self) -> list[CameraEntry]:
        cameras: list[CameraEntry] = []
        for device in self._pages("/api/device/query/devices"):
            device_id = str(device.get("deviceId") or "")
            if not device_id:
                continue
            device_name = str(device.get("name") or device_id)
            quoted = urllib.parse.quote(device_id, safe="")
            for channel in self._pages(f"/api/device/query/devices/{quoted}/channels"):
                entry = self._entry(device_id, device_name, bool(device.get("onLine", True)), channel)
                if entry is not None:
                    self._device_of[entry.code] = device_id
                    cameras.append(entry)
        return cameras

    def _entry(
        self, device_id: str, device_name: str, device_online: bool, channel: dict[str, Any]
    ) -> CameraEntry | None:
        # WVP ≤ 2.6 calls the channel's GB id channelId; 2.7 calls it deviceId and the status gbStatus.
        code = str(channel.get("channelId") or channel.get("deviceId") or "")
        if not code:
            return None
        status = channel.get("status", channel.get("gbStatus", 1))
        online = device_online and str(status).upper() in {"1", "ON", "TRUE", "ONLINE"}
        lon, lat = _number(channel.get("longitude")), _number(channel.get("latitude"))
        if lon is None or lat is None or (lon == 0.0 and lat == 0.0):  # WVP writes 0,0 for "unknown"
            lon = lat = None
        else:
            lon, lat = to_wgs84(lon, lat, self._datum)
        url = self._template.format(device=device_id, channel=code) if self._template else ""
        return CameraEntry(
            code=code,
            name=str(channel.get("name") or code),
            kind=GB_KIND,
            office=device_name,
            lon=lon,
            lat=lat,
            online=online,
            main_url=url,
            gb_device_id=code,
        )

    def stream_urls(self, code: str) -> StreamUrls:
        """Ask the platform to start ``code``'s stream; the media server's URL in preference order."""
        if code not in self._device_of:
            self.list_cameras()
        device_id = self._device_of.get(code)
        if device_id is None:
            raise CatalogError(f"no channel {code!r} on the platform {self.base_url}")
        path = "/api/play/start/{}/{}".format(
            *(urllib.parse.quote(part, safe="") for part in (device_id, code))
        )
        data = self._get(path)
        if not isinstance(data, dict):
            raise CatalogError(f"WVP {path}: the play reply has no stream")
        for key in URL_PREFERENCE:
            url = data.get(key)
            if isinstance(url, str) and url:
                return StreamUrls(main=url)
        raise CatalogError(f"WVP {path}: the play reply names no URL libVLC can play")


def _number(value: object) -> float | None:
    try:
        return None if value is None or value == "" else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
