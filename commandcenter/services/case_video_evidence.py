"""Recorded video kept as a case's evidence (回放 → 保存片段到案件): who may attach a clip (whoever may
add photos to that case: the centre on any case, an office on its own, a department on what it holds),
and the audit entry that names the camera, the recorded period and the SHA-256 of the bytes."""

from __future__ import annotations

from datetime import datetime

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.video_evidence import CLIP_MEDIA_TYPE, MAX_CLIP_BYTES, VideoEvidence
from commandcenter.persistence.cases import queries as case_queries
from commandcenter.persistence.cases.video_evidence import add_video_evidence, video_evidence_of
from commandcenter.services.case_scope import ScopedCases, case_id_of


class CaseVideoEvidence(ScopedCases):
    def may_attach(self) -> bool:
        steps = (Permission.CENTER_STEPS, Permission.OFFICE_STEPS, Permission.DEPARTMENT_STEPS)
        return any(self.principal.can(permission) for permission in steps)

    def attach_clip(
        self,
        case_id: int,
        camera_code: str,
        camera_name: str,
        period: tuple[datetime, datetime],
        content: bytes,
        media_type: str = CLIP_MEDIA_TYPE,
    ) -> VideoEvidence:
        case_id = case_id_of(case_id)
        if not content or len(content) > MAX_CLIP_BYTES:
            raise InvalidInput("content", "片段为空或超过 200 MB", "the clip is empty or over 200 MB")
        if period[1] <= period[0]:
            raise InvalidInput("period", "片段的结束早于开始", "the clip ends before it starts")
        if not self.may_attach():
            self._deny(f"case:{case_id}", "不能为案件添加录像", "may not add video to cases")
        self._check_case(case_id)
        case_queries.case_office(self.store, case_id)  # CaseNotFound before anything is stored
        evidence = add_video_evidence(
            self.store,
            case_id,
            (camera_code, camera_name),
            period,
            content,
            media_type,
            self.principal.username,
            self.clock(),
        )
        details = {
            "camera": camera_code,
            "from": period[0].isoformat(),
            "to": period[1].isoformat(),
            "sha256": evidence.sha256,
            "size": evidence.size,
        }
        self._record(AuditAction.VIDEO_EVIDENCE, f"case:{case_id}", details)
        return evidence

    def clips(self, case_id: int) -> list[VideoEvidence]:
        case_id = case_id_of(case_id)
        self._check_case(case_id)
        return video_evidence_of(self.store, case_id)
