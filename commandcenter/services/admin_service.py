"""The audited administrative actions other parts of the app call: exports, setting changes and intake
API keys (plugin administration is ``plugin_service``).

Each checks its permission and writes the audit row; the change itself stays with its owner
(the caller performs it after this returns), so the audit vocabulary is defined in one place.
"""

from __future__ import annotations

from typing import Any

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.api_keys import ApiKeyProfile, ApiKeyRecord, check_profile
from commandcenter.persistence.accounts import api_keys
from commandcenter.secrets import redact_text
from commandcenter.services.guard import Guarded


class AdminService(Guarded):
    def authorize_export(self, what: object, rows: int, details: dict[str, Any] | None = None) -> None:
        name = clean_text(what, "export", limit=120, required=True)
        self._require(Permission.EXPORT, f"export:{name}")
        self._record(AuditAction.EXPORT, f"export:{name}", {"rows": rows} | (details or {}))

    def change_setting(self, key: object, old: object, new: object) -> None:
        name = clean_text(key, "setting", limit=80, required=True)
        self._require(Permission.MANAGE_SETTINGS, f"setting:{name}")
        self._record(
            AuditAction.SETTING_CHANGE,
            f"setting:{name}",
            {"old": redact_text(str(old)), "new": redact_text(str(new))},
        )

    def create_api_key(self, name: object, profile: ApiKeyProfile | None = None) -> str:
        """A new intake key with its client profile (``ProfileRefused`` names a bad value); the key
        is returned once and never stored — the audit row keeps its prefix and the profile."""
        label = clean_text(name, "api key name", limit=40, required=True)
        self._require(Permission.MANAGE_SETTINGS, f"api_key:{label}")
        checked = check_profile(profile or ApiKeyProfile())
        key = api_keys.create_api_key(self.store, label, self.clock(), checked)
        details = {"change": "create", "prefix": key[:8], **_audited(checked)}
        self._record(AuditAction.API_KEY_CHANGE, f"api_key:{label}", details)
        return key

    def api_keys(self) -> list[ApiKeyRecord]:
        self._require(Permission.MANAGE_SETTINGS, "api_keys")
        return api_keys.list_api_keys(self.store)

    def revoke_api_key(self, name: object) -> None:
        """Revoke a live key (``InvalidInput`` when no live key has the name: nothing changes)."""
        label = clean_text(name, "api key name", limit=40, required=True)
        self._require(Permission.MANAGE_SETTINGS, f"api_key:{label}")
        if not api_keys.revoke_api_key(self.store, label):
            raise InvalidInput(
                "api key name", f"没有名为 {label} 的有效密钥", f"no live API key named {label}"
            )
        self._record(AuditAction.API_KEY_CHANGE, f"api_key:{label}", {"change": "revoke"})


def _audited(profile: ApiKeyProfile) -> dict[str, object]:
    """The profile as the audit row keeps it (a webhook URL may carry a token: redacted)."""
    return {
        "source": profile.source,
        "datum": profile.datum,
        "rate_per_minute": profile.rate_per_minute,
        "max_photo_bytes": profile.max_photo_bytes,
        "webhook_url": redact_text(profile.webhook_url),
    }
