"""The audited administrative actions other parts of the app call: exports, setting changes and intake
API keys (plugin administration is ``plugin_service``).

Each checks its permission and writes the audit row; the change itself stays with its owner
(the caller performs it after this returns), so the audit vocabulary is defined in one place.
"""

from __future__ import annotations

from typing import Any

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction
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

    def create_api_key(self, name: object) -> str:
        label = clean_text(name, "api key name", limit=40, required=True)
        self._require(Permission.MANAGE_SETTINGS, f"api_key:{label}")
        key = api_keys.create_api_key(self.store, label, self.clock())
        self._record(AuditAction.API_KEY_CHANGE, f"api_key:{label}", {"change": "create", "prefix": key[:8]})
        return key

    def revoke_api_key(self, name: object) -> None:
        label = clean_text(name, "api key name", limit=40, required=True)
        self._require(Permission.MANAGE_SETTINGS, f"api_key:{label}")
        api_keys.revoke_api_key(self.store, label)
        self._record(AuditAction.API_KEY_CHANGE, f"api_key:{label}", {"change": "revoke"})
