"""The wizard's database page without Qt: an embedded file or a PostgreSQL server's fields turned
into a URL (and back, to prefill the page from an existing config), and ``open_database``, the
"Test connection" — connect, refuse a newer schema, migrate, then open the ``Workspace`` the window
will use and say what the database already holds (someone who can sign in? a district?).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from commandcenter import paths
from commandcenter.domain.database_check import DatabaseCheck
from commandcenter.domain.district import SeedCounts
from commandcenter.persistence.database_check import check_database
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.store import Store
from commandcenter.services.workspace import Workspace

DEFAULT_PORT = 5432
SERVER_SCHEME = "postgresql+psycopg2"


@dataclass(frozen=True)
class ServerFields:
    """A PostgreSQL server as a person types it. ``host`` may be a Unix socket folder (``/run/…``)."""

    host: str = "localhost"
    port: int = DEFAULT_PORT
    database: str = "commandcenter"
    user: str = "commandcenter"
    password: str = ""

    def url(self) -> str:
        """The SQLAlchemy URL, the password quoted in (``seat_config`` splits it off again)."""
        user = quote(self.user, safe="")
        credentials = f"{user}:{quote(self.password, safe='')}" if self.password else user
        database = quote(self.database, safe="")
        if self.host.startswith("/"):  # a socket folder goes in the query, as libpq wants
            return f"{SERVER_SCHEME}://{credentials}@/{database}?host={self.host}&port={self.port}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{SERVER_SCHEME}://{credentials}@{host}:{self.port}/{database}"


def server_fields(url: str) -> ServerFields | None:
    """The fields of a server URL (from the config file), None for anything but PostgreSQL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme.startswith("postgresql"):
        return None
    query = parse_qs(parts.query)
    host = parts.hostname or query.get("host", ["localhost"])[0]
    port = port or int(query.get("port", [str(DEFAULT_PORT)])[0])
    return ServerFields(
        host=host,
        port=port,
        database=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def default_embedded_path() -> Path:
    return paths.default_sqlite_path()


def embedded_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser()}"


def embedded_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL, None for anything else."""
    prefix = "sqlite:///"
    return Path(url[len(prefix) :]) if url.startswith(prefix) and len(url) > len(prefix) else None


@dataclass
class OpenedDatabase:
    """A database that passed the check, opened; or only the check that failed (``workspace`` None)."""

    check: DatabaseCheck
    workspace: Workspace | None = None
    needs_administrator: bool = True  # nobody can sign in yet
    counts: SeedCounts | None = None  # what the district holds

    @property
    def district_empty(self) -> bool:
        counts = self.counts
        return counts is None or not (
            counts.offices or counts.segments or counts.units or counts.fixed_cameras
        )


def open_database(url: str) -> OpenedDatabase:
    """Test ``url`` (migrating it) and, when it passed, open it for the window. Blocking: a worker's job."""
    check = check_database(url)
    if not check.ok:
        return OpenedDatabase(check)
    store = Store.open(url, migrate=False)
    workspace = Workspace(store)
    try:
        return OpenedDatabase(check, workspace, workspace.needs_first_administrator(), district_counts(store))
    except Exception:
        workspace.close()
        raise
