"""A primary and its streaming-replication standby, both real and throwaway, for failover tests and
``bench/failover.py``.

The primary is ``initdb``-ed with ``wal_level=replica``; the standby is ``pg_basebackup -R`` of it
(so it follows the primary at once) and runs as a hot standby. Both listen on loopback TCP ports of
their own in one temporary directory. Replication is synchronous (``synchronous_standby_names='*'``,
``synchronous_commit=on``): a commit is acknowledged only once the standby has it on disk, so a
dispatch a workstation saw succeed is still there after the standby is promoted — what
docs/INSTALL.md asks of a real installation. ``fail_primary`` stops the primary in immediate mode (a
crash, no shutdown checkpoint); ``promote`` makes the standby the writable server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from commandcenter.testing.postgres import find_bin_dir

_SERVER = "-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c hot_standby=on"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ReplicatedPostgres:
    root: Path
    bin_dir: Path
    primary_port: int
    standby_port: int
    _as_user: str | None = None
    _running: set[str] = field(default_factory=set)

    @classmethod
    def start(cls) -> ReplicatedPostgres:
        root = Path(tempfile.mkdtemp(prefix="cc-pg-ha-"))
        as_user = "postgres" if os.geteuid() == 0 else None
        if as_user:
            shutil.chown(root, user=as_user, group=as_user)
            os.chmod(root, 0o700)
        pair = cls(root, find_bin_dir(), free_port(), free_port(), as_user)
        try:
            pair._start_pair()
        except BaseException:
            pair.stop()
            raise
        return pair

    def _start_pair(self) -> None:
        primary = str(self.root / "primary")
        self._run(
            "initdb",
            "-D",
            primary,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        with open(self.root / "primary" / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("wal_level = replica\nmax_wal_senders = 5\nwal_keep_size = '64MB'\n")
        self._pg_ctl("primary", self.primary_port, "start")
        self._run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres"),
            *("-D", str(self.root / "standby"), "-R", "-X", "stream", "--checkpoint=fast"),
        )
        self._pg_ctl("standby", self.standby_port, "start")
        self._wait_for("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", "1")
        self.psql(self.primary_port, "ALTER SYSTEM SET synchronous_standby_names = '*'")
        self.psql(self.primary_port, "SELECT pg_reload_conf()")

    def _pg_ctl(self, name: str, port: int, action: str, *extra: str) -> None:
        options = f"-p {port} -k {self.root} {_SERVER}"
        data = str(self.root / name)
        log = str(self.root / f"{name}.log")
        self._run("pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "-t", "60", *extra, action)
        if action in ("start", "promote"):
            self._running.add(name)
        elif action == "stop":
            self._running.discard(name)

    def _wait_for(self, query: str, expected: str, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while self.psql(self.primary_port, query) != expected:
            if time.monotonic() > deadline:
                raise RuntimeError(f"replication not ready: {query}")
            time.sleep(0.1)

    def _run(self, program: str, *args: str) -> str:
        command = [str(self.bin_dir / program), *args]
        if self._as_user:
            command = ["runuser", "-u", self._as_user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/")
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr}")
        return result.stdout.strip()

    def psql(self, port: int, statement: str, database: str = "postgres") -> str:
        return self._run(
            "psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-Atc", statement
        )

    def create_database(self, name: str) -> str:
        """A database on the primary (replicated to the standby), as a multi-host read-write URL."""
        self.psql(self.primary_port, f'CREATE DATABASE "{name}"')
        return self.url(name)

    def url(self, database: str) -> str:
        """The URL every workstation is given: both servers, the writable one wins."""
        return (
            f"postgresql+psycopg2://postgres@127.0.0.1:{self.primary_port},127.0.0.1:{self.standby_port}"
            f"/{database}?target_session_attrs=read-write"
        )

    def fail_primary(self) -> None:
        """The primary dies: stopped in immediate mode, its clients' connections cut."""
        self._pg_ctl("primary", self.primary_port, "stop", "-m", "immediate")

    def promote(self) -> None:
        """The standby becomes the primary (``pg_ctl promote``, waiting until it accepts writes)."""
        self._run("pg_ctl", "-D", str(self.root / "standby"), "-w", "-t", "60", "promote")

    def stop(self) -> None:
        try:
            for name in sorted(self._running):
                pg_ctl = [
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.root / name),
                    "-m",
                    "immediate",
                    "stop",
                ]
                subprocess.run(self._wrap(pg_ctl), capture_output=True, check=False, cwd="/")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _wrap(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", self._as_user, "--", *command] if self._as_user else command
