"""督查 tables (migration 0016): the inspector pool, the drawn rounds and groups, and the findings."""
