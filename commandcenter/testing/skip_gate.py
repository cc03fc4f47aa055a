"""The skip gate, a pytest plugin: a test that skips without an entry in the allow-list fails the run.

A skip is a test that quietly disappeared — a missing tool, a folder that moved, a platform that
differs — and a green run full of them proves nothing. Each allowed skip is a line
``PATTERN  # why this skip is acceptable``: PATTERN is matched (``fnmatch``) against the test's node id,
and the comment is required. Everything else that skips is reported as a failure naming the reason.

The allow-list is the ini option ``allowed_skips`` (a path from the rootdir; ours is
``tests/allowed_skips.txt``, and ``tests/conftest.py`` loads this plugin). Always active, under
``./dev test`` and CI alike; ``pytest --allow-skips`` switches it off for a local run on a machine
that lacks something on purpose (never in CI).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import pytest

_ALLOWED = pytest.StashKey[list["AllowedSkip"]]()
_LIST_PATH = pytest.StashKey[Path]()


@dataclass(frozen=True)
class AllowedSkip:
    pattern: str
    why: str


def read_allow_list(path: Path) -> list[AllowedSkip]:
    """The entries; an entry without its comment is an error, so every allowance says why."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        pattern, _, why = (part.strip() for part in line.partition("#"))
        if not pattern:
            continue  # blank, or a comment line
        if not why:
            raise pytest.UsageError(f"{path}:{number}: {pattern!r} needs a '# why' comment")
        entries.append(AllowedSkip(pattern, why))
    return entries


def is_allowed(nodeid: str, allowed: list[AllowedSkip]) -> bool:
    return any(fnmatch.fnmatchcase(nodeid, entry.pattern) for entry in allowed)


def skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    text = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text.removeprefix("Skipped: ")


def fail_unallowed_skip(report: pytest.TestReport, allowed: list[AllowedSkip], allow_list: Path) -> None:
    """Turn a skipped report into a failure unless its node id is allowed (xfail is not a skip)."""
    if not report.skipped or hasattr(report, "wasxfail") or is_allowed(report.nodeid, allowed):
        return
    report.outcome = "failed"
    report.longrepr = (
        f"skipped without an allowance: {skip_reason(report)}\n"
        f"Fix what the test lacks, or add '{report.nodeid}  # why' to {allow_list}."
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("allowed_skips", "file of allowed skips (PATTERN  # why), from the rootdir")
    parser.addoption(
        "--allow-skips",
        action="store_true",
        help="do not fail on skips missing from the allowed_skips file (local runs only, never CI)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--allow-skips"):
        return
    name = config.getini("allowed_skips")
    path = config.rootpath / name if name else None
    config.stash[_LIST_PATH] = path or config.rootpath / "allowed_skips.txt"
    config.stash[_ALLOWED] = read_allow_list(path) if path is not None and path.exists() else []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    allowed = item.config.stash.get(_ALLOWED, None)
    if allowed is not None:
        fail_unallowed_skip(report, allowed, item.config.stash[_LIST_PATH])
    return report
