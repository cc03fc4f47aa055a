"""6 完成 Summary: what Finish writes — the config file and its keys, where the database password
goes — and what the wizard already did (the administrator, the district). Finish writes the file on
a worker (``commandcenter.setup.seat_config``); a failure stays here in words. When this computer
has no keyring, the page says to set ``COMMANDCENTER_DB_PASSWORD`` and a second Finish closes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from commandcenter.secrets import PASSWORD_ENV, redact_database_url
from commandcenter.setup.seat_config import WrittenConfig, write_seat_config
from ui.setup.qt_language_page import LANGUAGE_NAMES
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import DistrictChoice, SetupState


class SummaryPage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("summaryPage")
        self.summary = QLabel(self)
        self.summary.setObjectName("setupSummary")
        self.summary.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Finish writes this workstation's configuration and opens the window."))
        self.summary.setText("\n".join(self.lines()))

    def initializePage(self) -> None:
        self.passed = self.state.written is not None
        self.summary.setText("\n".join(self.lines()))

    def lines(self) -> list[str]:
        state = self.state
        lines = [self.tr("Configuration file: %1").replace("%1", str(state.config_path))]
        language = LANGUAGE_NAMES.get(state.language, state.language)
        lines.append(self.tr("Language: %1").replace("%1", language))
        shown = redact_database_url(state.database_url or "")
        lines.append(self.tr("Database: %1").replace("%1", shown))
        if state.choices().database_url is None:
            lines.append(self.tr("The embedded database's default file: no database_url in the file."))
        elif "***" in shown:
            lines.append(self.tr("Password: into the system keyring, never into the file."))
        if state.principal is not None:
            line = self.tr("Administrator: %1 (signed in after Finish)")
            lines.append(line.replace("%1", state.principal.username))
        else:
            lines.append(self.tr("Administrator: the database's existing users sign in after Finish."))
        lines.append(self._district_line())
        if state.media_url_template:
            lines.append(self.tr("Media server: %1").replace("%1", state.media_url_template))
        elif state.principal is not None:
            lines.append(self.tr("Media server: later, under System ▸ Settings ▸ Video"))
        lines.append(self._map_line())
        return lines

    def _district_line(self) -> str:
        state = self.state
        if state.district is DistrictChoice.DEMO and state.district_counts is not None:
            line = self.tr("District: the demo district (%1 segments, %2 cameras)")
            counts = state.district_counts
            return line.replace("%1", str(counts.segments)).replace("%2", str(counts.fixed_cameras))
        if state.district is DistrictChoice.IMPORT:
            return self.tr("District: imported (%1 records)").replace("%1", str(state.imported_rows))
        return self.tr("District: later, under System ▸ District data")

    def _map_line(self) -> str:
        settings = self.state.map
        if settings.base == "xyz":
            line = self.tr("Base map: %1 (%2)").replace("%1", settings.xyz_url)
            return line.replace("%2", settings.datum.upper())
        if settings.base == "mbtiles":
            return self.tr("Base map: %1").replace("%1", settings.mbtiles_path)
        return self.tr("Base map: none (vector layers only)")

    def check(self) -> Check | str | None:
        path, choices = self.state.config_path, self.state.choices()
        return (lambda: write_seat_config(path, choices)), self.tr("Writing the configuration …")

    def checked(self, result: WrittenConfig) -> str | None:
        self.state.written = result
        if result.needs_password and not result.password_in_keyring:
            note = self.tr(
                "Written. This computer has no keyring for the database password: set %1 for this user before the next start (this session goes on). Finish opens the window."  # noqa: E501
            )
            self.say(note.replace("%1", PASSWORD_ENV))
            self.stay = True  # the person reads the note; a second Finish closes
        return None
