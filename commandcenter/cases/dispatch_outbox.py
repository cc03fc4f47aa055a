"""The dispatch outbox: an operator's dispatch survives the database going away.

Clicks are queued and carried out by one worker thread. When the store is unreachable the request
stays in the outbox (and in a small JSON file, so even a restart loses nothing), ``online`` reports
False — the UI shows its offline banner — and the worker retries with capped backoff. Because
``dispatch_case`` is idempotent per ``request_id``, a retry after a commit whose answer was lost
finishes the job or recognises it as done: every case ends up dispatched exactly once — also when
a restart replays a journal whose request had already committed.

Every request ends in one report to whoever queued it: ``finished`` (dispatched, or ``TAKEN`` by
someone else's dispatch or a 作废, naming who) or ``failed`` (refused: no permission, no such case,
…). An unexpected error — a bug, not the database being away — does not end the worker: it is
logged with its traceback, retried ``unexpected_attempts`` times with the same backoff, then the
request is dropped from the queue and reported ``failed``, so the operator knows it was not sent
and the requests behind it go on. A damaged journal (``dispatch_journal``) is set aside and
reported on ``journal_damaged`` when the worker starts; its good requests are carried out.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from commandcenter.accounts.errors import AccessError
from commandcenter.cases.dispatch import DispatchRequest, DispatchResult
from commandcenter.cases.dispatch_journal import JournalDamage, load_journal, save_journal
from commandcenter.domain.workflow_errors import CaseNotFound, ConcurrentChange, TransitionRefused
from commandcenter.events import EventEmitter
from commandcenter.persistence.database import DatabaseUnavailable

log = logging.getLogger(__name__)


class DispatchOutbox:
    initial_backoff_s = 0.2
    max_backoff_s = 5.0
    unexpected_attempts = 3  # an unexpected error is retried this often, then reported as failed

    def __init__(
        self, dispatch: Callable[[DispatchRequest], DispatchResult], journal: Path | None = None
    ) -> None:
        """``dispatch`` carries one request out (``CaseService.dispatch``: the principal's own steps)."""
        self.online: EventEmitter[bool] = EventEmitter("dispatch_outbox.online")
        self.finished: EventEmitter[DispatchResult] = EventEmitter("dispatch_outbox.finished")
        self.failed: EventEmitter[tuple[DispatchRequest, str]] = EventEmitter("dispatch_outbox.failed")
        self.journal_damaged: EventEmitter[JournalDamage] = EventEmitter("dispatch_outbox.journal_damaged")
        self.is_online = True
        self._dispatch = dispatch
        self._journal = journal
        contents = load_journal(journal) if journal is not None else None
        self.damage = contents.damage if contents else None  # reported on ``start``
        self._pending: deque[DispatchRequest] = deque(contents.requests if contents else [])
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="dispatch-outbox", daemon=True)
        self._thread.start()
        if self.damage is not None:
            self.journal_damaged.emit(self.damage)
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
        surprises = 0  # unexpected errors of the request at the head of the queue
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
                    surprises = 0
                    self._done(request)
                    self.failed.emit((request, str(refusal)))
                    continue
                except Exception as error:  # a bug or a surprise: never the end of the worker
                    surprises += 1
                    log.exception(
                        "dispatch of case %d failed unexpectedly (attempt %d of %d)",
                        request.case_id,
                        surprises,
                        self.unexpected_attempts,
                    )
                    if surprises < self.unexpected_attempts:
                        self._stop.wait(backoff)
                        backoff = min(backoff * 2, self.max_backoff_s)
                        continue
                    surprises, backoff = 0, self.initial_backoff_s
                    self._done(request)
                    self.failed.emit((request, _unexpected(error)))
                    continue
                surprises = 0
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

    def _save_journal(self) -> None:
        """A journal that cannot be written (disk full) is logged; the queue in memory goes on."""
        if self._journal is None:
            return
        try:
            save_journal(self._journal, list(self._pending))
        except OSError as error:
            log.error("dispatch journal %s not written, queue kept in memory: %s", self._journal, error)


def _unexpected(error: Exception) -> str:
    what = f"{type(error).__name__}: {error}"
    return f"意外错误，未派遣（{what}）/ unexpected error, not dispatched ({what})"
