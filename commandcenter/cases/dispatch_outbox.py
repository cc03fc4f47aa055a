"""The dispatch outbox: an operator's dispatch survives the database going away.

Clicks are queued and carried out by one worker thread. When the store is unreachable the request
stays in the outbox (and in a small JSON file, so even a restart loses nothing), ``online`` reports
False — the UI shows its offline banner — and the worker retries with capped backoff. Because
``dispatch_case`` is idempotent per ``request_id``, a retry after a commit whose answer was lost
finishes the job or recognises it as done: every case ends up dispatched exactly once.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from commandcenter.accounts.errors import AccessError
from commandcenter.cases.dispatch import DispatchRequest, DispatchResult
from commandcenter.domain.workflow_errors import CaseNotFound, ConcurrentChange, TransitionRefused
from commandcenter.events import EventEmitter
from commandcenter.persistence.database import DatabaseUnavailable

log = logging.getLogger(__name__)


class DispatchOutbox:
    initial_backoff_s = 0.2
    max_backoff_s = 5.0

    def __init__(
        self, dispatch: Callable[[DispatchRequest], DispatchResult], journal: Path | None = None
    ) -> None:
        """``dispatch`` carries one request out (``CaseService.dispatch``: the principal's own steps)."""
        self.online: EventEmitter[bool] = EventEmitter("dispatch_outbox.online")
        self.finished: EventEmitter[DispatchResult] = EventEmitter("dispatch_outbox.finished")
        self.failed: EventEmitter[tuple[DispatchRequest, str]] = EventEmitter("dispatch_outbox.failed")
        self.is_online = True
        self._dispatch = dispatch
        self._journal = journal
        self._pending: deque[DispatchRequest] = deque(self._load_journal())
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="dispatch-outbox", daemon=True)
        self._thread.start()
        if self._pending:
            self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def submit(self, request: DispatchRequest) -> None:
        with self._lock:
            self._pending.append(request)
            self._save_journal()
        self._wake.set()

    def pending(self) -> list[DispatchRequest]:
        with self._lock:
            return list(self._pending)

    # ------------------------------------------------------------------ worker
    def _run(self) -> None:
        backoff = self.initial_backoff_s
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            while not self._stop.is_set():
                with self._lock:
                    request = self._pending[0] if self._pending else None
                if request is None:
                    break
                try:
                    result = self._dispatch(request)
                except DatabaseUnavailable as error:
                    log.warning("dispatch of case %d waits for the database: %s", request.case_id, error)
                    self._set_online(False)
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, self.max_backoff_s)
                    continue
                except (CaseNotFound, ConcurrentChange, TransitionRefused, AccessError) as refusal:
                    self._done(request)
                    self.failed.emit((request, str(refusal)))
                    continue
                backoff = self.initial_backoff_s
                self._set_online(True)
                self._done(request)
                self.finished.emit(result)

    def _done(self, request: DispatchRequest) -> None:
        with self._lock:
            if self._pending and self._pending[0] is request:
                self._pending.popleft()
            self._save_journal()

    def _set_online(self, online: bool) -> None:
        if online != self.is_online:
            self.is_online = online
            self.online.emit(online)

    # ------------------------------------------------------------------ journal
    def _load_journal(self) -> list[DispatchRequest]:
        if self._journal is None or not self._journal.exists():
            return []
        try:
            return [DispatchRequest(**item) for item in json.loads(self._journal.read_text("utf-8"))]
        except (OSError, ValueError, TypeError) as error:
            log.error("dispatch journal %s unreadable, kept aside: %s", self._journal, error)
            self._journal.replace(self._journal.with_suffix(".unreadable"))
            return []

    def _save_journal(self) -> None:
        if self._journal is None:
            return
        temporary = self._journal.with_suffix(".tmp")
        temporary.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps([asdict(r) for r in self._pending], ensure_ascii=False), "utf-8")
        temporary.replace(self._journal)
