"""How the program starts another copy of itself (the stream server, the gateway's listeners).

From a source or pip install a child is ``python -m <module>``. A frozen build (PyInstaller:
``sys.frozen`` is set and ``sys.executable`` is the program, not an interpreter) has no ``-m``;
its one executable is the ``commandcenter`` command, so a child running the CLI is just
``[sys.executable, …]`` and any other module goes through a hidden first argument that the frozen
entry point hands to ``run_hidden_module`` before anything else parses the command line.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Sequence

CLI_MODULE = "commandcenter"
HIDDEN_MODULE_ARGUMENT = "--x-run-module"  # never shown in --help; only self_command writes it


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def self_command(module: str = CLI_MODULE) -> list[str]:
    """The argument list that runs ``module`` as ``__main__`` in a new process of this program."""
    if not is_frozen():
        return [sys.executable, "-m", module]
    if module == CLI_MODULE:
        return [sys.executable]
    return [sys.executable, HIDDEN_MODULE_ARGUMENT, module]


def run_hidden_module(argv: Sequence[str]) -> bool:
    """If ``argv`` (without the program name) starts with the hidden argument, run that module as
    ``__main__`` with the rest as its arguments and return True (the caller then exits)."""
    if len(argv) < 2 or argv[0] != HIDDEN_MODULE_ARGUMENT:
        return False
    module, rest = argv[1], list(argv[2:])
    if not module.startswith(f"{CLI_MODULE}."):  # only our own modules, never an arbitrary one
        raise SystemExit(f"error: {module} is not a CommandCenter module")
    sys.argv = [sys.argv[0], *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    return True
