"""The audit trail: who did what, append-only and hash-chained (``commandcenter.audit.trail``)."""

from commandcenter.audit.trail import AuditAction, AuditTrail

__all__ = ["AuditAction", "AuditTrail"]
