"""The words for the keys ``commandcenter.setup`` returns: what is wrong with a database or a base
map, said as what to do about it. Marked with ``QT_TRANSLATE_NOOP`` (lupdate cannot see a
``translate()`` of a variable); ``%1`` is the detail the core gave (the driver's line, a path)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.database_check import DatabaseCheck, DatabaseProblem
from commandcenter.setup.base_map_check import BaseMapProblem

_CONTEXT = "SetupWords"


def _word(text: object) -> str:
    return str(text)  # the marker's stub returns ``object``; lupdate still finds it inside the call


DATABASE_PROBLEMS: dict[str, str] = {
    DatabaseProblem.BAD_URL: _word(
        QT_TRANSLATE_NOOP("SetupWords", "This is not a database address the program can use: %1")
    ),
    DatabaseProblem.REFUSED: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "The server refused the connection: is PostgreSQL running on that host and port, and does the firewall let it through?",  # noqa: E501
        )
    ),
    DatabaseProblem.UNKNOWN_HOST: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords", "The host name is unknown: check the spelling, or use the server's IP address."
        )
    ),
    DatabaseProblem.TIMEOUT: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "The server did not answer in time: check the address and that a firewall does not drop the connection.",  # noqa: E501
        )
    ),
    DatabaseProblem.NO_PASSWORD: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The server asks for a password: enter the database user's password.")
    ),
    DatabaseProblem.WRONG_PASSWORD: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The password is wrong for this database user.")
    ),
    DatabaseProblem.UNKNOWN_USER: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "The server has no database user of this name: ask the database administrator to create it.",
        )
    ),
    DatabaseProblem.NOT_ALLOWED: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "The server does not accept this user from this computer (pg_hba.conf): ask the database administrator.",  # noqa: E501
        )
    ),
    DatabaseProblem.NO_DATABASE: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "The server has no database of this name: create it first (createdb), or correct the name.",
        )
    ),
    DatabaseProblem.NO_PERMISSION: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "This user may not create the program's tables in this database: make the user the database's owner, or grant it CREATE.",  # noqa: E501
        )
    ),
    DatabaseProblem.SCHEMA_TOO_NEW: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords",
            "This database was set up by a newer version of the program (schema %1): install that version here.",  # noqa: E501
        )
    ),
    DatabaseProblem.FOREIGN_TABLES: _word(
        QT_TRANSLATE_NOOP(
            "SetupWords", "This database already holds tables of another application: use an empty database."
        )
    ),
    DatabaseProblem.FOLDER_MISSING: _word(QT_TRANSLATE_NOOP("SetupWords", "The folder does not exist: %1")),
    DatabaseProblem.NOT_WRITABLE: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The program may not write here: %1")
    ),
    DatabaseProblem.NOT_A_DATABASE: _word(
        QT_TRANSLATE_NOOP("SetupWords", "This file is not a database: choose another file name.")
    ),
    DatabaseProblem.OTHER: _word(QT_TRANSLATE_NOOP("SetupWords", "The database cannot be used: %1")),
}
BASE_MAP_PROBLEMS: dict[str, str] = {
    BaseMapProblem.NO_URL: _word(QT_TRANSLATE_NOOP("SetupWords", "Enter the tile server's URL template.")),
    BaseMapProblem.NOT_HTTP: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The URL template must start with http:// or https://.")
    ),
    BaseMapProblem.NO_PLACEHOLDERS: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The URL template needs {z}, {x} and {y} (or {-y}).")
    ),
    BaseMapProblem.NO_FILE: _word(QT_TRANSLATE_NOOP("SetupWords", "There is no MBTiles file here: %1")),
    BaseMapProblem.NOT_READABLE: _word(
        QT_TRANSLATE_NOOP("SetupWords", "The program may not read this file: %1")
    ),
    BaseMapProblem.NOT_MBTILES: _word(QT_TRANSLATE_NOOP("SetupWords", "This file is not an MBTiles map: %1")),
}


def _say(table: dict[str, str], key: str, detail: str) -> str:
    template = table.get(key)
    if template is None:
        return f"{key}: {detail}"
    return QCoreApplication.translate(_CONTEXT, template).replace("%1", detail)


def database_problem_text(check: DatabaseCheck) -> str:
    """What is wrong, and — when the classification is not the whole story — the server's own line."""
    assert check.problem is not None
    text = _say(DATABASE_PROBLEMS, check.problem, check.detail)
    if check.detail and "%1" not in DATABASE_PROBLEMS.get(check.problem, "%1"):
        text += "\n" + QCoreApplication.translate("SetupWords", "Server said: %1").replace("%1", check.detail)
    return text


def base_map_problem_text(problem: BaseMapProblem, detail: str) -> str:
    return _say(BASE_MAP_PROBLEMS, problem, detail)
