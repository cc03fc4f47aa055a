"""The credit record's tables and queries (失信联合惩戒, migration 0017)."""
