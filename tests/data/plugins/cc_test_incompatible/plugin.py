"""Written for API 2.0: must never be imported by a 1.x host."""

raise AssertionError("an incompatible plugin was imported")
