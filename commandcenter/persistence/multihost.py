"""Multi-host PostgreSQL URLs: a primary and its standby named in one URL, so a workstation or the
gateway finds whichever server is the writable one after a failover without being reconfigured.

libpq (under psycopg2) tries the hosts of ``host=h1,h2`` / ``port=p1,p2`` in order and, with
``target_session_attrs=read-write``, skips a server that is still a read-only standby. SQLAlchemy
spells that ``postgresql+psycopg2://u@/db?host=h1:5432&host=h2:5433``; an administrator copies the
libpq form ``postgresql+psycopg2://u@h1:5432,h2:5433/db`` from the PostgreSQL manual, which
SQLAlchemy's URL parser refuses (a port of ``5432,h2``). ``normalize_url`` turns the second into the
first, so both work wherever a database URL is accepted; any other URL comes back unchanged.
"""

from __future__ import annotations

from urllib.parse import quote

# What a read-write session means to libpq: the primary, never a standby that is still recovering.
READ_WRITE = "target_session_attrs=read-write"


def normalize_url(url: str) -> str:
    """``scheme://user@h1:p1,h2:p2/db?query`` → ``scheme://user@/db?host=h1:p1&host=h2:p2&query``."""
    scheme, separator, rest = url.partition("://")
    if not separator or not scheme.startswith("postgresql"):
        return url
    authority, slash, tail = rest.partition("/")
    userinfo, at, hosts = authority.rpartition("@")
    if "," not in hosts:
        return url
    host_params = "&".join(f"host={quote(host.strip(), safe=':[]')}" for host in hosts.split(",") if host)
    database, question, query = tail.partition("?")
    joined = f"{host_params}&{query}" if question and query else host_params
    return f"{scheme}://{userinfo}{at}/{database if slash else ''}?{joined}"
