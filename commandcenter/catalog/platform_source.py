"""One configured GB/T 28181 platform as the desk uses it: signed in, listed, and asked to start and
stop the streams the wall plays.

The platform (WVP-GB28181-pro) keeps a GB stream open at the device and the media server for as long
as nobody asks it to stop, so every ``start`` here must be paired with a ``stop``
(``platform_catalog.PlatformCatalog`` keeps that bookkeeping). Which URL of the play reply is played
follows the platform's ``prefer`` order, skipping schemes this machine's libVLC cannot play (RTSP on
Debian); a ``play_template`` (ZLMediaKit, MediaMTX) replaces the reply's URLs altogether.

Calls block (HTTP): run them off the Qt thread.
"""

from __future__ import annotations

import hashlib
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.config import PlatformSettings
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.video.vlc_support import url_supported

LOGIN_PATH = "/api/user/login"


class PlatformSource:
    def __init__(
        self,
        settings: PlatformSettings,
        secret: str | None = None,
        *,
        timeout_s: float = 5.0,
        playable: Callable[[str], bool] = url_supported,
    ) -> None:
        self.settings = settings
        self._secret = secret
        self._timeout_s = timeout_s
        self._playable = playable
        self._client: WvpCatalog | None = None
        self._lock = threading.Lock()
        self._device_of: dict[str, str] = {}  # channel code → its device id, from the last listing

    @property
    def name(self) -> str:
        return self.settings.name

    # ------------------------------------------------------------------ the platform's API
    def client(self) -> WvpCatalog:
        """The signed-in API client: a token from the keyring as is, or a user's password exchanged
        for a token at ``/api/user/login`` (WVP takes the password's MD5)."""
        with self._lock:
            if self._client is None:
                token = self._secret
                if self.settings.username:
                    anonymous = WvpCatalog(self.settings.url, timeout_s=self._timeout_s)
                    digest = hashlib.md5((self._secret or "").encode("utf-8")).hexdigest()
                    data = anonymous._get(LOGIN_PATH, username=self.settings.username, password=digest)
                    token = str(data.get("accessToken") or "") if isinstance(data, dict) else ""
                    if not token:
                        raise CatalogError(f"WVP {LOGIN_PATH}: the platform gave no access token")
                self._client = WvpCatalog(
                    self.settings.url, token=token, timeout_s=self._timeout_s, datum=self.settings.datum
                )
            return self._client

    def call(self, path: str, **query: object) -> Any:
        """One API call; an expired token is dropped so the next call signs in again."""
        try:
            return self.client()._get(path, **query)
        except CatalogError as error:
            if "code 401" in str(error):
                with self._lock:
                    self._client = None
            raise

    def device_of(self, code: str) -> str:
        device = self._device_of.get(code)
        if device is None:
            self.list_cameras()
            device = self._device_of.get(code)
        if device is None:
            raise CatalogError(f"no channel {code!r} on the platform {self.name}")
        return device

    def channel_path(self, prefix: str, code: str) -> str:
        """``prefix/{deviceId}/{channelId}`` with both parts quoted."""
        parts = (urllib.parse.quote(part, safe="") for part in (self.device_of(code), code))
        return "{}/{}/{}".format(prefix, *parts)

    # ------------------------------------------------------------------ catalog and streams
    def list_cameras(self) -> list[CameraEntry]:
        """The platform's channels, grouped in the tree as platform → device (NVR) → channel."""
        client = self.client()
        cameras = [replace(camera, kind=self.name) for camera in client.list_cameras()]
        self._device_of = dict(client._device_of)
        return cameras

    def start(self, code: str) -> StreamUrls:
        """Ask the platform to open ``code``'s stream; the URL this machine can play."""
        path = self.channel_path("/api/play/start", code)
        data = self.call(path)
        if self.settings.play_template:
            return StreamUrls(
                main=self.settings.play_template.format(device=self.device_of(code), channel=code)
            )
        if not isinstance(data, dict):
            raise CatalogError(f"WVP {path}: the play reply has no stream")
        offered = [(key, data.get(key)) for key in self.settings.prefer]
        urls = [url for _key, url in offered if isinstance(url, str) and url]
        for url in urls:
            if self._playable(url):
                return StreamUrls(main=url)
        if urls:  # the tile says which scheme this libVLC lacks and what to ask the media server for
            return StreamUrls(main=urls[0])
        raise CatalogError(f"WVP {path}: the play reply names none of {', '.join(self.settings.prefer)}")

    def stop(self, code: str) -> None:
        self.call(self.channel_path("/api/play/stop", code))
