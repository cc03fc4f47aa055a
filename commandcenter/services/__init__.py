"""Permission-enforcing facades over the store: every call names a ``Principal`` and is refused in
the core (``PermissionDenied``), not only hidden in the UI. Refusals and actions are audited."""
