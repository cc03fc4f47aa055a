"""Which platform alarms became which cases (migration 0018): one row per alarm, so it is filed once."""
