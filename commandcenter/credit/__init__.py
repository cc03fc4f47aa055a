"""The credit record (失信联合惩戒, issue 16), pure and free of SQL: ``identifiers`` (what a violator
is known by, a person's ID number masked before anything stores it), ``listing_rule`` (when a
violator goes on the joint-punishment list and when they come off it — one deterministic function
run when a violation is confirmed, expires or is voided by an upheld appeal), ``suggestions`` (the
violators a case names: a muck truck's plate and its transport company)."""
