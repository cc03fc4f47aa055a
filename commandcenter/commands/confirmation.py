"""Asking before a command replaces data: a question on a terminal, ``--yes`` everywhere else.

A command run from cron, CI or a pipe has no one to answer, and must not hang on a prompt or go
ahead on its own: without ``--yes`` it refuses in one line and changes nothing. On a terminal the
operator is asked, and anything but "y"/"yes"/"是" keeps the data.
"""

from __future__ import annotations

import sys
from typing import TextIO

_YES = {"y", "yes", "是"}


def confirm_replace(
    what: str, *, assume_yes: bool, stdin: TextIO | None = None, stderr: TextIO | None = None
) -> bool:
    """True when replacing ``what`` (a redacted database URL) may go ahead."""
    stdin, stderr = stdin or sys.stdin, stderr or sys.stderr
    if assume_yes:
        return True
    if stdin is None or not stdin.isatty():
        print(
            f"错误 error: {what} 已有数据，将被替换 already holds data that would be replaced; "
            "非交互运行请加 --yes (not on a terminal: pass --yes to confirm); 未做任何更改 nothing changed",
            file=stderr,
        )
        return False
    stderr.write(f"{what} 已有数据，将被替换 holds data that will be REPLACED. 继续 continue? [y/N] ")
    stderr.flush()
    if stdin.readline().strip().lower() in _YES:
        return True
    print("已取消 cancelled: 未做任何更改 nothing changed", file=stderr)
    return False
