"""The assessment's own tables (migration 0015): 协商 flags and published bulletins."""
