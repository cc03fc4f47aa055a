"""The desktop entry IT installs (packaging/commandcenter.desktop): it starts the command center, and
its safe-mode action (right-click in the menu or the dock) starts it with ``--safe-mode`` — both
command lines are ones ``commandcenter`` accepts."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from commandcenter.cli import build_parser

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "commandcenter.desktop"


def _entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return parser


def _arguments(exec_line: str) -> list[str]:
    program, *arguments = shlex.split(exec_line)
    assert program == "commandcenter"
    return arguments


def test_the_entry_starts_the_command_center_with_its_icon() -> None:
    main = _entry()["Desktop Entry"]
    assert (main["Type"], main["Icon"], main["Terminal"]) == ("Application", "commandcenter", "false")
    assert not build_parser().parse_args(_arguments(main["Exec"])).safe_mode


def test_the_safe_mode_action_starts_it_in_safe_mode() -> None:
    entry = _entry()
    assert "safe-mode" in entry["Desktop Entry"]["Actions"].split(";")
    action = entry["Desktop Action safe-mode"]
    assert action["Name[zh_CN]"] == "以安全模式启动"
    assert build_parser().parse_args(_arguments(action["Exec"])).safe_mode
