"""Users and audit (System ▸ Users and audit…, issue 13): user management over ``services.users``
and the audit log over ``services.audit_log`` — each tab only for whom its service says yes."""
