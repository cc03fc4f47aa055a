"""The errors a caller of the services catches, from one import: the database is away
(``DatabaseUnavailable``, shown as "unavailable, will retry"), a refusal (``AccessError`` and its
``PermissionDenied`` …, shown as the message they carry). ``ui/`` never imports
``commandcenter.persistence``; this is where it finds the first."""

from commandcenter.accounts.errors import AccessError, InvalidInput, PermissionDenied
from commandcenter.persistence.database import DatabaseUnavailable

__all__ = ["AccessError", "DatabaseUnavailable", "InvalidInput", "PermissionDenied"]
