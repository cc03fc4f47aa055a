"""The GUI's first-run decision and the wizard's run, for ``ui.main``: ``commandcenter`` (gui) on a
seat without a config file whose embedded database does not exist yet, or on any database nobody
can sign in to, opens the setup wizard instead of the login. Not when the database was named from
outside (``--url``, ``COMMANDCENTER_DB_URL``: the config file would not decide it, so the wizard's
database page would be a lie — the first-run dialog makes the administrator there) and not for a
scripted ``--quit-after-ready`` start. A configured database that cannot be opened at start is one
line and a question: quit, or set the seat up again."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from commandcenter.config import Settings
from commandcenter.setup.database_choice import default_embedded_path
from ui.app import create_application
from ui.setup.qt_setup_wizard import SetupOutcome, SetupWizard


def wizard_offered(url_option: str | None, quit_after_ready: bool) -> bool:
    return not url_option and not os.environ.get("COMMANDCENTER_DB_URL") and not quit_after_ready


def fresh_seat(settings: Settings) -> bool:
    """No config file and no embedded database yet: the wizard, without creating the file first."""
    return settings.source is None and not settings.database_url and not default_embedded_path().exists()


def ask_set_up_again(settings: Settings, message: str) -> bool:
    """The configured database cannot be opened: quit, or run the wizard (prefilled from the config)."""
    create_application(settings)
    title = QCoreApplication.translate("FirstRun", "Command center cannot start")
    question = QCoreApplication.translate(
        "FirstRun", "Set this workstation up again, with another database or server?"
    )
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setObjectName("setUpAgain")
    box.setInformativeText(question)
    again = box.addButton(
        QCoreApplication.translate("FirstRun", "Set up again…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("FirstRun", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is again


def run_setup_wizard(settings: Settings, config_path: Path) -> SetupOutcome | None:
    """Show the wizard; its outcome, or None when the person cancelled (nothing is then written;
    an administrator already made stays in that database)."""
    create_application(settings)
    wizard = SetupWizard(settings, config_path)
    try:
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        outcome = wizard.outcome() if accepted else None
        if outcome is None:
            wizard.close_database()
        return outcome
    finally:
        wizard.deleteLater()
