"""Calling plugin code safely: catch what it raises and time what it takes.

The host, not the plugin, decides what a failure means (Picard's "isolation at the caller"): every
call into a plugin goes through ``guarded_call``, and the host disables the plugin for the session
when it reports an error. Time is measured per call; a handler cannot be pre-empted, so a slow one
finishes its call and is then switched off before it can slow the next event.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PluginFault:
    message: str
    traceback: str


@dataclass(frozen=True)
class CallResult:
    value: Any
    fault: PluginFault | None
    elapsed_s: float


def guarded_call(
    what: str, function: Callable[..., Any], *args: Any, budget_s: float | None = None
) -> CallResult:
    """Run ``function(*args)``; an exception or (with ``budget_s``) overrunning the budget is a fault."""
    started = time.perf_counter()
    try:
        value = function(*args)
    except Exception as error:
        elapsed = time.perf_counter() - started
        message = f"{what} 出错 (raised): {type(error).__name__}: {error}"
        return CallResult(None, PluginFault(message, traceback.format_exc()), elapsed)
    elapsed = time.perf_counter() - started
    if budget_s is not None and elapsed > budget_s:
        message = f"{what} 耗时 {elapsed * 1000:.0f} ms，超过 {budget_s * 1000:.0f} ms 上限 (too slow)"
        return CallResult(value, PluginFault(message, ""), elapsed)
    return CallResult(value, None, elapsed)
