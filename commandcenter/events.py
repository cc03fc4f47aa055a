"""The one event system of the core: small, typed, synchronous, Qt-free.

Models and services own ``EventEmitter`` instances; the ``ui`` package bridges them to Qt signals
in its adapters. A failing subscriber is reported through ``on_error`` and never stops the emitter
or the other subscribers — a plugin that raises must not take the case service down with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

PayloadT = TypeVar("PayloadT")
Subscriber = Callable[[PayloadT], object]


class EventEmitter(Generic[PayloadT]):
    """Calls every connected subscriber with the payload, in connection order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._subscribers: list[Callable[[PayloadT], object]] = []
        self.on_error: Callable[[Callable[[PayloadT], object], BaseException], None] = self._log_error

    def connect(self, subscriber: Callable[[PayloadT], object]) -> Callable[[PayloadT], object]:
        """Subscribe; returns the subscriber so this works as a decorator."""
        self._subscribers.append(subscriber)
        return subscriber

    def disconnect(self, subscriber: Callable[[PayloadT], object]) -> None:
        self._subscribers.remove(subscriber)

    def emit(self, payload: PayloadT) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(payload)
            except Exception as error:  # isolate: one bad subscriber must not silence the rest
                self.on_error(subscriber, error)

    def _log_error(self, subscriber: Callable[[PayloadT], object], error: BaseException) -> None:
        log.error("subscriber %r of event %s raised: %s", subscriber, self.name, error, exc_info=error)

    def __len__(self) -> int:
        return len(self._subscribers)
