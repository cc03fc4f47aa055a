"""The credit record (失信联合惩戒, issue 16): ``identifiers`` (what a violator is known by, a person's
ID number masked before anything stores it), ``listing_rule`` (when a violator goes on the
joint-punishment list and when they come off it — pure and deterministic, run when a violation is
confirmed, expires or is voided by an upheld appeal), ``record`` (each change and the rule's answer in
one transaction, the violator's row locked), ``list_table`` (the list as Chinese cells for the CLI and
the export). The case a violation is confirmed on, and the vehicles it names (a muck truck's plate and
transport company), come from ``persistence.credit.reads``."""
