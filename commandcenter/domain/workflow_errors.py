"""Why a workflow action did not happen, in words an operator can act on (Chinese first, then English).

Kept apart from the transition table so the UI can catch every refusal from one import without
pulling in the persistence layer, and so the database side can raise the same exceptions.
"""

from __future__ import annotations

from enum import StrEnum


class RefusalKind(StrEnum):
    UNKNOWN_ACTION = "unknown_action"
    WRONG_STATE = "wrong_state"
    REASON_MISSING = "reason_missing"
    APPROVAL_MISSING = "approval_missing"
    INVALID_INPUT = "invalid_input"


class TransitionRefused(ValueError):
    """The action is not allowed on this case as it stands; nothing was written."""

    def __init__(self, kind: RefusalKind, action: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.action = action


class ConcurrentChange(RuntimeError):
    """Another operator changed the case between reading it and acting on it; nothing was written.
    The UI reloads the case and lets the operator decide again."""

    def __init__(self, case_id: int, expected_version: int) -> None:
        super().__init__(
            f"案件 {case_id} 已被其他值班员处理，请刷新后重试 / "
            f"another operator acted on case {case_id} first (expected version {expected_version}); reload it"
        )
        self.case_id = case_id
        self.expected_version = expected_version


class CaseNotFound(LookupError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"案件 {case_id} 不存在 / case {case_id} does not exist")
        self.case_id = case_id


class UnknownCategory(ValueError):
    """A report names a category code that the category table does not have."""

    def __init__(self, code: str) -> None:
        super().__init__(f"未知案件类别 (unknown case category): {code!r}")
        self.code = code
