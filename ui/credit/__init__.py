"""考核 ▸ 失信名单: the credit record's window (issue 16) — the list, violators and their violations,
confirming a violation on a case, appeals, and the export; everything through ``services.credit``."""
