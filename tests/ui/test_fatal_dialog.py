"""Started from the desktop (``ui.main``, no terminal to read), a broken configuration or an unusable
database URL is a dialog, not only a stderr line: the real entry point, in-process, with the dialog
read and closed from a timer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from commandcenter.exit_codes import EXIT_CONFIG, EXIT_USAGE
from ui import main as entry


def _close_the_dialog_and_keep_its_text(seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QMessageBox):
        seen.append(dialog.text())
        dialog.done(QMessageBox.StandardButton.Ok.value)
    else:
        QTimer.singleShot(20, lambda: _close_the_dialog_and_keep_its_text(seen))  # not shown yet


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["--config", "{broken}", "gui"], EXIT_CONFIG, "malformed config file"),
        (["--config", "{missing}"], EXIT_CONFIG, "config file not found"),
        (["gui", "--url", "mysql://cc@localhost/cc"], EXIT_USAGE, "unsupported database 'mysql'"),
    ],
)
def test_a_desktop_start_that_cannot_open_shows_a_dialog(
    shell_app: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    words: str,
) -> None:
    broken = tmp_path / "config.toml"
    broken.write_text("[map\nbase = 'none'\n", encoding="utf-8")
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _close_the_dialog_and_keep_its_text(seen))
    args = [part.format(broken=broken, missing=tmp_path / "typo.toml") for part in argv]
    assert entry.main(args) == code
    assert len(seen) == 1
    assert words in seen[0]
    assert words in capsys.readouterr().err  # and the line for whoever started it from a terminal
