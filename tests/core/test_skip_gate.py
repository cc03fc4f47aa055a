"""The skip gate on a real pytest run: a skip without an allowance fails the run and names its reason;
an allowance with its comment lets it pass; an allowance without a comment is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SUITE = """
import pytest

def test_runs():
    assert True

@pytest.mark.skipif(True, reason="needs a tool this machine lacks")
def test_skips():
    pass
"""


def run_suite(folder: Path, allowed: str | None, *extra: str) -> subprocess.CompletedProcess[str]:
    (folder / "pytest.ini").write_text("[pytest]\nallowed_skips = allowed.txt\n", encoding="utf-8")
    (folder / "conftest.py").write_text('pytest_plugins = ["commandcenter.testing.skip_gate"]\n', "utf-8")
    (folder / "test_suite.py").write_text(SUITE, encoding="utf-8")
    if allowed is not None:
        (folder / "allowed.txt").write_text(allowed, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_unallowed_skip_fails_the_run_with_its_reason(tmp_path: Path) -> None:
    result = run_suite(tmp_path, None)
    assert result.returncode == 1, result.stdout
    assert "skipped without an allowance: needs a tool this machine lacks" in result.stdout
    assert "1 passed" in result.stdout


def test_an_allowed_skip_with_its_reason_passes(tmp_path: Path) -> None:
    result = run_suite(tmp_path, "# allowances\ntest_suite.py::test_skips  # the tool is optional here\n")
    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 skipped" in result.stdout


def test_an_allowance_without_a_comment_is_refused(tmp_path: Path) -> None:
    result = run_suite(tmp_path, "test_suite.py::test_skips\n")
    assert result.returncode != 0
    assert "needs a '# why' comment" in result.stdout + result.stderr


def test_allow_skips_turns_the_gate_off_for_a_local_run(tmp_path: Path) -> None:
    result = run_suite(tmp_path, None, "--allow-skips")
    assert result.returncode == 0, result.stdout
