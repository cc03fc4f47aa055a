"""Calling plugin code safely: on a thread of its own, within a bound, catching everything it raises.

The host, not the plugin, decides what a failure means (Picard's "isolation at the caller"). Every
call into a plugin goes through ``call_bounded``: the hook runs on a fresh daemon thread and the
caller waits at most the hook's bound. Whatever the hook raises — ``SystemExit``,
``KeyboardInterrupt`` and any other ``BaseException`` included — comes back as a ``PluginFault``, and
so does a hook still running when the bound has passed: the caller (a worker, the intake, the
change feed) goes on, and the stuck thread is abandoned (Python cannot stop a thread; as a daemon it
never keeps the process alive). The one hook that must run on the caller's thread — a panel factory
building widgets on the Qt thread — goes through ``call_inline``: caught, timed, not bounded.

One exception is not the plugin's: ``DatabaseUnavailable``. An outage reaches a plugin only because
it reads through the host, so it comes back as ``outage`` — shown and retried, never held against
the plugin.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from commandcenter.persistence.database import DatabaseUnavailable


@dataclass(frozen=True)
class HookBounds:
    """How long the host waits for plugin code, in seconds (``docs/PLUGINS.md``, "Isolation")."""

    hook_s: float = 10.0  # a card, layer, panel job or menu trigger; importing + activating a plugin
    rule_s: float = 2.0  # a case rule: intake waits for it before writing the case
    handler_s: float = 0.2  # an event handler: it must hand work off, not do it
    panel_s: float = 5.0  # a panel factory or result on the Qt thread: timed after it returns


@dataclass(frozen=True)
class PluginFault:
    message: str
    traceback: str


@dataclass(frozen=True)
class CallResult:
    """What a hook gave: its value, or the plugin's fault, or the outage that stopped it."""

    value: Any = None
    fault: PluginFault | None = None
    outage: DatabaseUnavailable | None = None
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.fault is None and self.outage is None


def call_bounded(what: str, function: Callable[..., Any], *args: Any, bound_s: float) -> CallResult:
    """Run ``function(*args)`` on its own thread; no answer within ``bound_s`` is a fault."""
    answers: list[CallResult] = []
    answered = threading.Event()

    def run() -> None:
        answers.append(_settle(what, function, args))
        answered.set()

    threading.Thread(target=run, name=f"plugin hook: {what}", daemon=True).start()
    if not answered.wait(bound_s):
        message = f"{what} 超过 {bound_s:g} 秒未返回 (did not return within {bound_s:g} s)"
        return CallResult(fault=PluginFault(message, ""), elapsed_s=bound_s)
    return answers[0]


def call_inline(what: str, function: Callable[..., Any], *args: Any, budget_s: float) -> CallResult:
    """Run ``function(*args)`` here; a call slower than ``budget_s`` is a fault once it returns."""
    result = _settle(what, function, args)
    if result.ok and result.elapsed_s > budget_s:
        message = (
            f"{what} 耗时 {result.elapsed_s * 1000:.0f} ms，超过 {budget_s * 1000:.0f} ms 上限 (too slow)"
        )
        return dataclasses.replace(result, fault=PluginFault(message, ""))
    return result


def _settle(what: str, function: Callable[..., Any], args: tuple[Any, ...]) -> CallResult:
    started = time.perf_counter()
    try:
        value = function(*args)
    except BaseException as error:  # SystemExit, KeyboardInterrupt … from a plugin end only the plugin
        elapsed = time.perf_counter() - started
        outage = _outage_in(error)
        if outage is not None:
            return CallResult(outage=outage, elapsed_s=elapsed)
        message = f"{what} 出错 (raised): {type(error).__name__}: {error}"
        return CallResult(fault=PluginFault(message, traceback.format_exc()), elapsed_s=elapsed)
    return CallResult(value, elapsed_s=time.perf_counter() - started)


def _outage_in(error: BaseException | None) -> DatabaseUnavailable | None:
    """The ``DatabaseUnavailable`` that is ``error`` or that it was raised ``from``, if any."""
    while error is not None:
        if isinstance(error, DatabaseUnavailable):
            return error
        error = error.__cause__
    return None
