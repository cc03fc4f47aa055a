"""The request side of the loopback WVP (``wvp_platform``): one method per API route the desk calls."""

from __future__ import annotations

import json
import urllib.parse
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commandcenter.testing.wvp_platform import FakeWvpPlatform

PTZ_COMMANDS = {"left", "right", "up", "down", "upleft", "upright", "downleft", "downright"}
PTZ_COMMANDS |= {"zoomin", "zoomout", "stop"}
LENS_COMMANDS = {"focus": {"near", "far", "stop"}, "iris": {"in", "out", "stop"}}


class WvpHandler(BaseHTTPRequestHandler):
    server: FakeWvpPlatform

    def do_GET(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        query = {key: values[0] for key, values in urllib.parse.parse_qs(parsed.query).items()}
        parts = [urllib.parse.unquote(part) for part in parsed.path.strip("/").split("/")]
        platform = self.server
        token = self.headers.get("access-token")
        platform.tokens_seen.append(token)
        if parts[:3] == ["api", "user", "login"]:
            if platform.login_ok(query.get("username", ""), query.get("password", "")):
                self._reply(0, {"username": platform.username, "accessToken": platform.token or ""})
            else:
                self._reply(-1, None, "用户名或密码错误")
            return
        if platform.token and token != platform.token:
            self._reply(401, None, "请登录后重新请求")
            return
        with platform.lock:
            self._route(parts, query)

    def _route(self, parts: list[str], query: dict[str, str]) -> None:
        platform = self.server
        if parts[:4] == ["api", "device", "query", "devices"] and len(parts) == 4:
            rows = [
                {"deviceId": d.device_id, "name": d.name, "onLine": d.online, "channelCount": len(d.channels)}
                for d in platform.devices
            ]
            self._page(rows, query)
        elif parts[:4] == ["api", "device", "query", "devices"] and parts[5:] == ["channels"]:
            device = next((d for d in platform.devices if d.device_id == parts[4]), None)
            if device is None:
                self._reply(100, None, "设备不存在")
                return
            rows = [
                {"channelId": c.channel_id, "deviceId": c.device_id, "name": c.name, "status": int(c.online)}
                | {"longitude": c.lon, "latitude": c.lat, "ptzType": c.ptz_type, "parentId": c.device_id}
                for c in device.channels
            ]
            self._page(rows, query)
        elif parts[:2] == ["api", "play"] and len(parts) == 5:
            self._play(parts[2], parts[3], parts[4])
        elif parts[:2] == ["api", "front-end"] and len(parts) >= 5:
            self._front_end(parts[2:-2], parts[-2], parts[-1], query)
        elif parts == ["api", "alarm", platform.alarm_route]:
            self._page(list(platform.alarms), query)
        else:
            self.send_error(404)

    def _play(self, action: str, device: str, channel: str) -> None:
        platform = self.server
        found = platform.channel(device, channel)
        if found is None or not found.online:
            self._reply(100, None, "设备离线")
            return
        if action == "start":
            platform.starts += 1
            platform.open_streams.add((device, channel))
            stream = f"{device}_{channel}"
            base, host = platform.media_url, urllib.parse.urlsplit(platform.media_url).hostname
            self._reply(
                0,
                {"app": "rtp", "stream": stream, "mediaServerId": "zlm-fake"}
                | {"flv": f"{base}/rtp/{stream}.live.flv", "ts": f"{base}/rtp/{stream}.live.ts"}
                | {"hls": f"{base}/rtp/{stream}/hls.m3u8", "fmp4": f"{base}/rtp/{stream}.live.mp4"}
                | {"rtsp": f"rtsp://{host}:554/rtp/{stream}", "rtmp": f"rtmp://{host}:1935/rtp/{stream}"},
            )
        elif action == "stop":
            platform.stops += 1
            platform.open_streams.discard((device, channel))
            self._reply(0, None)
        else:
            self.send_error(404)

    def _front_end(self, kind: list[str], device: str, channel: str, query: dict[str, str]) -> None:
        platform = self.server
        found = platform.channel(device, channel)
        if found is None or not found.online:
            self._reply(100, None, "设备离线")
            return
        if channel in platform.locked:
            self._reply(-1, None, "云台已被其他用户锁定")
            return
        presets = platform.presets.setdefault(channel, {})
        name = "/".join(kind)
        ok = (
            (name == "ptz" and query.get("command") in PTZ_COMMANDS)
            or (kind[:1] == ["fi"] and query.get("command") in LENS_COMMANDS.get("/".join(kind[1:]), ()))
            or name in ("preset/query", "cruise/start", "cruise/stop")
            or (
                name in ("preset/call", "preset/add", "preset/delete") and query.get("presetId", "").isdigit()
            )
        )
        if not ok:
            self._reply(400, None, "参数错误")
            return
        platform.commands.append((name, device, channel, dict(query)))
        if name == "preset/query":
            self._reply(0, [{"presetId": str(n), "presetName": presets[n]} for n in sorted(presets)])
            return
        if name == "preset/add":
            presets[int(query["presetId"])] = query.get("presetName", query["presetId"])
        elif name == "preset/delete":
            presets.pop(int(query["presetId"]), None)
        self._reply(0, None)

    def _page(self, rows: list[dict[str, Any]], query: dict[str, str]) -> None:
        page, count = int(query.get("page", 1)), int(query.get("count", 15))
        self._reply(0, {"total": len(rows), "list": rows[(page - 1) * count : page * count]})

    def _reply(self, code: int, data: Any, msg: str = "成功") -> None:
        body = json.dumps({"code": code, "msg": msg, "data": data}, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass
