"""Duty (勤务) tables and their reads and writes (migration 0014)."""
