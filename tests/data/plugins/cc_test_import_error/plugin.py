"""Fails at import time, like a plugin whose dependency is missing."""

import cc_test_no_such_dependency  # noqa: F401


def activate(context: object) -> None:
    raise AssertionError("never reached")
