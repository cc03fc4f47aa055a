"""The gateway's answers in words: Open311 error objects and the bilingual lines ("中文 / English")
a client shows or logs. Screening's reasons come from the core as keys (``RejectReason``, its value
the Chinese word); their English is here, the one place the gateway words them."""

from __future__ import annotations

from collections.abc import Iterable

from commandcenter.domain.screening import Rejection, RejectReason

REASONS_EN: dict[RejectReason, str] = {
    RejectReason.BAD_COORDINATES: "invalid coordinates",
    RejectReason.UNKNOWN_DATUM: "unknown datum",
    RejectReason.SWAPPED_COORDINATES: "latitude and longitude swapped",
    RejectReason.OUTSIDE_DISTRICT: "outside the district",
    RejectReason.UNKNOWN_CATEGORY: "unknown category",
    RejectReason.PHOTO_MISSING: "a photo of the site is required",
    RejectReason.NO_SEGMENT: "no road segment nearby",
}


class Open311Error(Exception):
    """An answer other than success: its HTTP status and one bilingual line; nothing was stored."""

    def __init__(self, status: int, chinese: str, english: str) -> None:
        super().__init__(f"{chinese} / {english}")
        self.status = status

    @classmethod
    def from_line(cls, status: int, line: str) -> Open311Error:
        """From a bilingual line the core made (``中文 / English``)."""
        chinese, _, english = line.partition(" / ")
        return cls(status, chinese, english or chinese)

    @property
    def description(self) -> str:
        return str(self)

    def body(self) -> list[dict[str, object]]:
        return error_body(self.status, self.description)


def error_body(status: int, description: str) -> list[dict[str, object]]:
    """Open311's error shape: an array of ``{code, description}``."""
    return [{"code": status, "description": description}]


def rejection_line(rejections: Iterable[Rejection]) -> str:
    """Screening's reasons as one bilingual line: ``不在辖区内：… / outside the district``."""
    items = list(rejections)
    chinese = "；".join(str(rejection) for rejection in items) or "未受理"
    english = "; ".join(REASONS_EN.get(rejection.reason, "refused") for rejection in items) or "refused"
    return f"{chinese} / {english}"


def bad_field(field: str, chinese: str, english: str) -> Open311Error:
    return Open311Error(400, f"参数 {field} 无效：{chinese}", f"invalid {field}: {english}")


# Each a fresh exception per raise (a shared instance would carry one request's traceback to the next).
def missing_key() -> Open311Error:
    return Open311Error(401, "缺少 api_key", "api_key is required")


def unknown_key() -> Open311Error:
    return Open311Error(403, "api_key 无效或已吊销", "the api_key is unknown or revoked")


def not_found() -> Open311Error:
    return Open311Error(404, "没有此请求", "no such request")


def in_progress() -> Open311Error:
    return Open311Error(409, "同一 client_ref 正在受理，请稍后重试", "this client_ref is being filed; retry")


def unavailable() -> Open311Error:
    return Open311Error(503, "数据库暂不可用，请稍后重试", "the database is unavailable; retry later")


def body_too_large(limit: int) -> Open311Error:
    return Open311Error(413, f"请求体超过 {limit} 字节", f"the request body is over {limit} bytes")


def not_json() -> Open311Error:
    return Open311Error(400, "JSON 格式错误，应为一个对象", "malformed JSON: one object expected")


def malformed_form() -> Open311Error:
    return Open311Error(400, "表单无法读取（格式错误）", "the form cannot be read (malformed)")


def wrong_body() -> Open311Error:
    return Open311Error(
        415, "请求体应为表单、JSON 或 multipart", "the body must be form-encoded, JSON or multipart"
    )


def rate_limited(per_minute: int) -> Open311Error:
    return Open311Error(
        429,
        f"请求过于频繁（每分钟最多 {per_minute} 次）",
        f"too many requests (at most {per_minute} a minute)",
    )


def photo_too_large(size: int, limit: int) -> Open311Error:
    return Open311Error(
        413,
        f"照片 {size} 字节，超过上限 {limit} 字节",
        f"the photo is {size} bytes, over the {limit}-byte limit",
    )
