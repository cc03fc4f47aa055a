"""One clear line for whatever stopped a district job: the file that cannot be read, the database
that is away, the refusal — never a traceback in the dialog (an unexpected error is logged and said
to be logged). The core's file and refusal messages are already bilingual and are shown as given."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from commandcenter.services.errors import AccessError, DatabaseUnavailable, DistrictFileError

log = logging.getLogger(__name__)


class FilesChanged(Exception):
    """A file changed (or went away) between the check and the import: the check no longer holds."""


def failure_text(error: Exception) -> str:
    if isinstance(error, DatabaseUnavailable):
        return QCoreApplication.translate("DistrictFailures", "Database unavailable; try again shortly.")
    if isinstance(error, AccessError):
        return str(error)
    if isinstance(error, DistrictFileError):
        return QCoreApplication.translate("DistrictFailures", "Cannot read a file: %1").replace(
            "%1", str(error)
        )
    if isinstance(error, FilesChanged):
        return QCoreApplication.translate(
            "DistrictFailures", "The files changed since the check: check them again."
        )
    if isinstance(error, OSError):
        name = error.filename if error.filename is not None else ""
        return (
            QCoreApplication.translate("DistrictFailures", "Cannot open %1: %2")
            .replace("%1", str(name))
            .replace("%2", error.strerror or str(error))
        )
    log.error("district data: %s", error, exc_info=error)
    return QCoreApplication.translate("DistrictFailures", "Failed: an unexpected error was logged.")
