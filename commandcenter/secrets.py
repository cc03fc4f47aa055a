"""Secrets kept out of files, screens and logs.

* The database password comes from the OS keyring (service ``commandcenter``, user = the URL's user
  name; the ``keyring`` package is optional) or ``COMMANDCENTER_DB_PASSWORD`` — never from
  ``config.toml`` (``config.load_settings`` refuses a URL with a password read from a file).
* Camera URLs (``rtsp://admin:12345@10.0.0.7/…``) carry credentials: ``redact_url`` hides them for
  captions, tooltips and logs, and ``RedactingFilter`` rewrites any such URL in any log record.
"""

from __future__ import annotations

import logging
import os
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

KEYRING_SERVICE = "commandcenter"
PASSWORD_ENV = "COMMANDCENTER_DB_PASSWORD"
# scheme://user:password@host or scheme://user@host — the credentials part up to the last @ before
# the first / of the path.
_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/\s@]+)@")


def database_password(username: str | None, environ: dict[str, str] | None = None) -> str | None:
    """Keyring first (a workstation's protected store), then the environment; None if neither."""
    if username:
        try:
            import keyring  # optional: not every workstation has a keyring backend
        except ImportError:
            keyring = None
        if keyring is not None:
            try:
                found = keyring.get_password(KEYRING_SERVICE, username)
            except Exception:
                found = None
            if found:
                return str(found)
    environ = dict(os.environ) if environ is None else environ
    return environ.get(PASSWORD_ENV) or None


def store_database_password(username: str, password: str) -> bool:
    """Keep ``password`` in the OS keyring where ``database_password`` looks first; False when this
    workstation has no keyring (the package or a backend missing, or the backend refused): the
    person is then told to set ``COMMANDCENTER_DB_PASSWORD`` instead."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, username, password)
    except Exception:  # keyring.errors.* — no backend, locked, refused: all mean "not stored"
        return False
    return True


def without_password(url: str) -> tuple[str, str | None]:
    """``url`` with its password taken out, and the password (None if it had none): the config
    file gets the first, the keyring the second."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url, None
    if not password:
        return url, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user = userinfo.split(":", 1)[0]
    netloc = f"{user}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), unquote(password)


def with_database_password(url: str, environ: dict[str, str] | None = None) -> str:
    """``url`` with the password filled in from the keyring/environment when it has none."""
    try:
        parts = urlsplit(url)
        username = parts.username
    except ValueError:
        return url
    if parts.password or not username or parts.scheme.startswith("sqlite"):
        return url
    password = database_password(username, environ)
    if not password:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    netloc = f"{username}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def url_has_password(url: str) -> bool:
    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False


def redact_database_url(url: str) -> str:
    """The database URL as shown in messages: the user name kept, the password replaced by ***
    (``postgresql://cc:***@db/x``), the same form the persistence layer prints."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return redact_text(url)
    if not password:
        return url
    user, host = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0], parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


def redact_url(url: str) -> str:
    """``rtsp://admin:12345@host/x`` → ``rtsp://***@host/x``; URLs without credentials unchanged."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, f"***@{host}", parts.path, parts.query, parts.fragment))


def redact_text(text: str) -> str:
    """Every URL with credentials inside free text (log messages, error strings) redacted."""
    return _CREDENTIALS.sub(lambda match: f"{match.group('scheme')}***@", text)


class RedactingFilter(logging.Filter):
    """Attach to handlers: formats the record once and redacts credentials in URLs."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Add the filter to every handler of ``logger`` (default: the root logger)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(existing, RedactingFilter) for existing in handler.filters):
            handler.addFilter(RedactingFilter())


PLATFORM_SECRET_ENV = "COMMANDCENTER_PLATFORM_SECRET"


def platform_secret(name: str, environ: dict[str, str] | None = None) -> str | None:
    """A GB/T 28181 platform's access token, or the password of its configured user: the keyring
    (service ``commandcenter``, user ``platform:<name>``) first, then ``COMMANDCENTER_PLATFORM_SECRET``;
    never the config file (``config`` refuses one there)."""
    return database_password(
        f"platform:{name}", {PASSWORD_ENV: (environ or os.environ).get(PLATFORM_SECRET_ENV, "")}
    )
