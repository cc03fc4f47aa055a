"""考核 ▸ 督查: the inspection window (the pool, drawing rounds, the groups, recording findings)."""
