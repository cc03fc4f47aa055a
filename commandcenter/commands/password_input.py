"""Where a command-line password comes from: a pipe (``--password-stdin``) or a terminal prompt.

Never an argument: ``--password X`` would sit in the shell history and in every ``ps`` listing.
Scripts pipe it (``printf '%s\\n' "$PW" | commandcenter users add … --password-stdin``) and only the
first line counts, without its line ending, so ``echo`` and here-strings work. On a terminal the
password is asked twice without echo, so a typo does not become the only administrator's password.
Without either (cron, CI, a pipe not marked ``--password-stdin``) the command refuses in one line
instead of hanging on a prompt nobody sees.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO


class PasswordInputError(Exception):
    """No password could be read; the message says how to give one."""


def read_password(
    from_stdin: bool,
    *,
    stdin: TextIO | None = None,
    prompt: Callable[[str], str] | None = None,
) -> str:
    """The new password, from the first line of stdin or typed twice on a terminal (``prompt``:
    ``getpass.getpass``, looked up when called)."""
    stdin, prompt = stdin or sys.stdin, prompt or getpass.getpass
    if from_stdin:
        if stdin is None:
            raise PasswordInputError("没有标准输入 no standard input to read the password from")
        password = stdin.readline().rstrip("\r\n")
        if not password:
            raise PasswordInputError("标准输入的第一行为空 the first line of standard input is empty")
        return password
    if stdin is None or not stdin.isatty():
        raise PasswordInputError(
            "未提供密码 no password: 请通过管道传入并加 --password-stdin "
            "(pipe it and pass --password-stdin), or run the command in a terminal"
        )
    password = prompt("密码 password: ")
    if prompt("再次输入 again: ") != password:
        raise PasswordInputError("两次输入的密码不一致 the two passwords differ")
    return password
