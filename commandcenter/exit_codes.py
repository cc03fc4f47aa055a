"""The exit codes of every ``commandcenter`` command, in one place so scripts can rely on them.

Their own module (not ``cli``) because subcommands living elsewhere (``commands.import_cameras``)
return them too: importing them from ``cli`` would tie the subcommand and the command line in a circle.
README and ``commandcenter --help`` list the same table (``EPILOG``).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1  # a file import stored every good row; the bad ones were named on stderr
EXIT_USAGE = 2  # bad arguments, an unsupported database URL, a file that cannot be imported
EXIT_UNAVAILABLE = 3  # the database cannot be opened or reached
EXIT_CONFIG = 4  # the configuration file is missing (when named) or malformed
EXIT_NOT_CONFIRMED = 5  # a destructive command was not confirmed: nothing was changed
EXIT_CHECK_FAILED = 6  # district check found errors (warnings alone exit 0)

EPILOG = """exit codes:
  0  done
  1  import: every good row was stored, the bad rows are listed on stderr
  2  bad arguments, an unsupported database URL, or a file that cannot be imported
  3  the database cannot be opened or reached
  4  the configuration file is missing (--config, COMMANDCENTER_CONFIG) or malformed
  5  a command that replaces data was not confirmed (answer y, or pass --yes): nothing changed
  6  district check: the district's data has errors (listed; warnings alone exit 0)

database URLs: sqlite:///PATH or postgresql+psycopg2://user@host/db; a primary and its standby:
postgresql+psycopg2://user@host1:5432,host2:5432/db?target_session_attrs=read-write
(--url, else COMMANDCENTER_DB_URL, else database_url in the config file, else the local SQLite file;
`demo` and `prepare-demo` use their own demo file unless --url is given)"""


def import_outcome(bad_rows: int) -> str:
    """The file-import rule as the summary line says it: every good row was stored and every bad
    one named (``EXIT_PARTIAL``), or — when the file cannot be read as a whole — nothing was."""
    if not bad_rows:
        return "全部导入 everything was stored"
    return (
        f"有效行已全部保存，{bad_rows} 个错误行未保存 "
        f"every good row was stored, the {bad_rows} listed on stderr were not"
    )
