"""A real, throwaway PostgreSQL cluster for tests and benchmarks.

``initdb`` + ``pg_ctl`` into a temporary directory, listening only on a Unix socket inside it (no TCP
port to collide with anything). PostgreSQL refuses to run as root, and tests and CI run as root
here, so as root the cluster is created and run as the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresNotAvailable(RuntimeError):
    """No PostgreSQL server binaries on this machine (install the ``postgresql`` package)."""


def find_bin_dir() -> Path:
    """The newest ``.../bin`` that holds ``initdb`` (Debian keeps it off PATH)."""
    override = os.environ.get("COMMANDCENTER_PG_BINDIR")
    candidates = [override] if override else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise PostgresNotAvailable("找不到 PostgreSQL 服务器程序 initdb (install postgresql)")


def _version_key(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


@dataclass
class ThrowawayPostgres:
    """A running cluster; ``url(db)`` gives a SQLAlchemy URL, ``stop()`` removes everything."""

    root: Path
    bin_dir: Path
    port: int = 5432
    _as_user: str | None = None

    @classmethod
    def start(cls) -> ThrowawayPostgres:
        bin_dir = find_bin_dir()
        root = Path(tempfile.mkdtemp(prefix="cc-pg-"))
        as_user = "postgres" if os.geteuid() == 0 else None
        if as_user:
            shutil.chown(root, user=as_user, group=as_user)
            os.chmod(root, 0o700)
        cluster = cls(root=root, bin_dir=bin_dir, _as_user=as_user)
        cluster._run(
            "initdb",
            "-D",
            str(root / "data"),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-k {root} -p {cluster.port} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        cluster._run(
            "pg_ctl",
            "-D",
            str(root / "data"),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        return cluster

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self._as_user:
            command = ["runuser", "-u", self._as_user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd="/")
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr}\n{tail}")

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._run("dropdb", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", "--force", name)

    def add_password_role(self, name: str, password: str) -> str:
        """A login role that must give ``password`` (scram-sha-256), without superuser or CREATEDB:
        how a real server treats an application's user. Returns its URL without the password
        (database ``postgres``). The cluster's other connections stay on trust."""
        hba = self.root / "data" / "pg_hba.conf"
        line = f"local all {name} scram-sha-256\n"
        if line not in hba.read_text():
            hba.write_text(line + hba.read_text())
        statement = f"DO $$ BEGIN CREATE ROLE {name} LOGIN PASSWORD '{password}'; "
        statement += "EXCEPTION WHEN duplicate_object THEN NULL; END $$; SELECT pg_reload_conf();"
        self._run("psql", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", "-c", statement)
        return f"postgresql+psycopg2://{name}@/postgres?host={self.root}&port={self.port}"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg2://postgres@/{database}?host={self.root}&port={self.port}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
