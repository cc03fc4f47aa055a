"""``[gateway] workers`` / ``gateway --workers N``: one gateway as N processes on one host.

A gateway process is held to one core by Python's GIL (the Open311 intake topped out near 150–190
reports a second in one process while the machine had CPU to spare). With ``workers`` > 1 the first
process runs everything (HTTP, JT/T 808, webhooks, the positions' upkeep, the city platform) and
starts ``workers - 1`` listener processes (``gateway --worker-index I``) that run only the HTTP and
JT/T 808 listeners on the same ports: every listener binds with ``SO_REUSEPORT`` and the kernel
spreads new connections over them. Nothing else is shared: they file through the same PostgreSQL,
where everything a second gateway on another host needs already holds (a repeated ``client_ref``
meets the unique constraint; each listener's terminal sessions are recorded under its own name
``<name>-<I>``, so a desk command reaches the process that holds the terminal).

The first process supervises the others as a ``GatewayComponent``: one that exits unexpectedly is
started again after ``RESTART_DELAY_S``; ``stop`` sends each SIGTERM (each drains what it accepted,
as a gateway does) and waits, SIGKILL only after ``STOP_TIMEOUT_S``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import sys
from collections.abc import Mapping, Sequence

from commandcenter.self_command import self_command

log = logging.getLogger(__name__)

RESTART_DELAY_S = 1.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
STOP_TIMEOUT_S = 30.0  # a listener's HTTP drain is 20 s (``http_server.SHUTDOWN_TIMEOUT_S``)


def die_with_parent(parent_pid: int) -> None:
    """A listener whose first process was killed outright (SIGKILL: it could not stop them) stops
    too instead of holding the ports as an orphan: Linux sends it SIGTERM when the parent dies
    (``PR_SET_PDEATHSIG``), so it drains as on any stop. Elsewhere a service manager's process group
    does this."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the request took hold
        os.kill(os.getpid(), signal.SIGTERM)


def listener_command(index: int, workers: int, config: str | None, url: str | None) -> list[str]:
    """The command line of listener ``index``: this interpreter, the same config file and database
    URL option as the first process was given (the environment is inherited, so a URL taken from
    ``COMMANDCENTER_DB_URL`` or the config never appears in the process list)."""
    command = self_command()
    if config:
        command += ["--config", config]
    command += ["gateway", "--workers", str(workers), "--worker-index", str(index)]
    command += ["--worker-parent", str(os.getpid())]
    return command + (["--url", url] if url else [])


class ListenerProcesses:
    """A ``GatewayComponent``: the listener processes of a ``workers`` > 1 gateway."""

    name = "workers"

    def __init__(self, commands: Sequence[Sequence[str]]) -> None:
        self._commands = [list(command) for command in commands]
        self._processes: dict[int, asyncio.subprocess.Process] = {}
        self._supervisors: list[asyncio.Task[None]] = []
        self._stopping = False
        self.restarts = 0

    async def start(self) -> None:
        for index, command in enumerate(self._commands, start=1):
            self._processes[index] = await asyncio.create_subprocess_exec(*command)
            self._supervisors.append(asyncio.create_task(self._supervise(index, command)))

    async def _supervise(self, index: int, command: list[str]) -> None:
        while not self._stopping:
            process = self._processes[index]
            code = await process.wait()
            if self._stopping:
                return
            self.restarts += 1
            log.warning("event=worker_exited worker=%d code=%s restart_in_s=%g", index, code, RESTART_DELAY_S)
            await asyncio.sleep(RESTART_DELAY_S)
            if not self._stopping:
                self._processes[index] = await asyncio.create_subprocess_exec(*command)

    async def stop(self) -> None:
        self._stopping = True
        for process in self._processes.values():
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
        for process in self._processes.values():
            try:
                await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
            except TimeoutError:
                log.error("event=worker_killed pid=%d: no exit within %g s", process.pid, STOP_TIMEOUT_S)
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        for task in self._supervisors:
            task.cancel()
        await asyncio.gather(*self._supervisors, return_exceptions=True)

    def counters(self) -> Mapping[str, object]:
        running = sum(1 for process in self._processes.values() if process.returncode is None)
        pids = [process.pid for process in self._processes.values()]
        return {"listeners": len(self._commands), "running": running, "restarts": self.restarts, "pids": pids}
