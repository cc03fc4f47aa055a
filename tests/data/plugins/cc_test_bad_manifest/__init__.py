"""Its manifest lacks the entry and the API version."""
