"""Photos of cases kept in the database (``photo:<sha256>``): read within the principal's case scope
(a photo of a case they see, or one they stored themselves) and added to a case by who acts on it —
the centre on any case, an office on its own, a department on what it holds — each addition audited.
The detail's before/after pictures, the handler's after-photo for 反馈 and a wall snapshot as
evidence all come through here."""

from __future__ import annotations

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.kinds import PhotoStage
from commandcenter.domain.photos import is_stored_photo
from commandcenter.persistence.cases import queries as case_queries
from commandcenter.persistence.cases.photo_store import (
    attach_case_photo,
    photo_visible,
    read_photo,
    store_photo,
)
from commandcenter.services.case_scope import ScopedCases, case_id_of


class CasePhotos(ScopedCases):
    def photo(self, uri: object) -> tuple[str, bytes]:
        """``(media_type, bytes)`` of a stored photo (``photo:<sha256>``). An office (department) user
        sees the photos of their office's (department's) cases and those they stored themselves;
        anything else is refused."""
        if not isinstance(uri, str) or not is_stored_photo(uri) or len(uri) > 80:
            raise InvalidInput("uri", "不是已存储照片的地址", "not the address of a stored photo")
        scope = self._read_scope()
        visible = photo_visible(
            self.store,
            uri,
            self.principal.username,
            office_id=scope.office_id,
            department_id=scope.department_id,
        )
        if not scope.everything and not visible:
            self._deny(uri, "照片不属于本镇办的案件", "the photo belongs to another office's case")
        return read_photo(self.store, uri)

    def may_attach_photos(self) -> bool:
        """Whether the detail offers adding photos (the centre, offices and departments acting on cases)."""
        steps = (Permission.CENTER_STEPS, Permission.OFFICE_STEPS, Permission.DEPARTMENT_STEPS)
        return any(self.principal.can(permission) for permission in steps)

    def attach_photo(self, case_id: int, stage: object, content: bytes, media_type: str) -> str:
        """Store a photo (``PhotoRefused``: not a JPEG/PNG of at most 10 MB) and add it to the case at
        ``stage``; returns its URI. The centre's steps on any case, an office's on its own."""
        case_id = case_id_of(case_id)
        if not isinstance(stage, str) or stage not in {member.value for member in PhotoStage}:
            raise InvalidInput("stage", "未知的照片阶段", "unknown photo stage")
        if not self.may_attach_photos():
            self._deny(f"case:{case_id}", "不能为案件添加照片", "may not add photos to cases")
        self._check_case(case_id)
        case_queries.case_office(self.store, case_id)  # CaseNotFound before anything is stored
        now, by = self.clock(), self.principal.username
        uri = store_photo(self.store, content, media_type, by, now)
        attach_case_photo(self.store, case_id, PhotoStage(stage), uri, by, now)
        self._record(AuditAction.PHOTO_ATTACHED, f"case:{case_id}", {"stage": stage, "uri": uri})
        return uri
