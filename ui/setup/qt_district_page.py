"""4 辖区数据 District: import the delivery's files now (the 基础数据 dialog's import tab, through
``services.district_data`` as the new administrator: checked first, audited), load the demo district
(``commandcenter.setup.demo_district``: the seed-scale district beside the real administrator, only
into a database without a district), or later (System ▸ District data, or ``district import``)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout

from commandcenter.domain.district import SeedCounts
from commandcenter.services.district_data_service import DistrictDataService
from commandcenter.setup.demo_district import DistrictNotEmpty, load_demo_district
from ui.background import BackgroundRunner
from ui.district.qt_import_tab import QtImportTab
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import DistrictChoice, SetupState


class DistrictPage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("districtPage")
        self.import_runner = BackgroundRunner(self, max_workers=1)
        self.import_tab: QtImportTab | None = None
        self._tab_for: object = None  # the workspace the import tab works on
        self.group = QButtonGroup(self)
        self.options: dict[DistrictChoice, QRadioButton] = {}
        self.demo_note = QLabel(self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setIndent(24)
        self.demo_note.setStyleSheet("color: #8ba2c7;")  # the theme's muted text
        self.import_area = QVBoxLayout()
        self.column = column = QVBoxLayout(self)
        for choice in DistrictChoice:
            button = QRadioButton(self)
            button.setObjectName(f"district_{choice.value}")
            self.group.addButton(button)
            self.options[choice] = button
            column.addWidget(button)
            if choice is DistrictChoice.IMPORT:
                column.addLayout(self.import_area)
            if choice is DistrictChoice.DEMO:
                column.addWidget(self.demo_note)
        column.addWidget(self.message)
        column.addStretch(1)  # the empty space goes below, unless the import tab is shown
        self.options[DistrictChoice.LATER].setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("District"))
        self.setSubTitle(self.tr("Offices, roads, segments, staff, vehicles and cameras."))
        self.options[DistrictChoice.IMPORT].setText(self.tr("Import the district's files now"))
        self.options[DistrictChoice.DEMO].setText(self.tr("Load the demo district (to try the program)"))
        self.options[DistrictChoice.LATER].setText(self.tr("Later: System ▸ District data in the window"))
        self._note_demo()

    def _note_demo(self) -> None:
        opened = self.state.opened
        demo = self.options[DistrictChoice.DEMO]
        if opened is not None and not opened.district_empty and self.state.district_counts is None:
            demo.setEnabled(False)
            self.demo_note.setText(
                self.tr("This database holds a district already: the demo is not loaded over it.")
            )
        else:
            demo.setEnabled(True)
            self.demo_note.setText(
                self.tr("The demo district of Erqi at its real size; no demo logins are made.")
            )

    def initializePage(self) -> None:
        opened, principal = self.state.opened, self.state.principal
        workspace = opened.workspace if opened is not None else None
        if workspace is not None and principal is not None and self._tab_for is not workspace:
            self._build_import(workspace.services(principal).district_data)
            self._tab_for = workspace
        self._note_demo()
        self._toggled()

    def _build_import(self, service: DistrictDataService) -> None:
        if self.import_tab is not None:
            self.import_tab.deleteLater()
        self.import_tab = QtImportTab(service, self.import_runner, self)
        self.import_area.addWidget(self.import_tab)

    def _toggled(self, *_args: object) -> None:
        self.invalidate()
        importing = self.import_tab is not None and self.choice() is DistrictChoice.IMPORT
        if self.import_tab is not None:
            self.import_tab.setVisible(importing)
        self.column.setStretch(1, 1 if importing else 0)  # the import area
        self.column.setStretch(self.column.count() - 1, 0 if importing else 1)

    def choice(self) -> DistrictChoice:
        return next(choice for choice, button in self.options.items() if button.isChecked())

    def check(self) -> Check | str | None:
        choice = self.choice()
        if choice is DistrictChoice.IMPORT:
            if self.import_tab is None or self.import_tab.report is None:
                return self.tr("Check and import the files first, or choose Later.")
            self.state.district = choice
            self.state.imported_rows = sum(
                c.inserted + c.updated for c in self.import_tab.report.tables.values()
            )
            return None
        if choice is DistrictChoice.LATER:
            self.state.district = choice
            return None
        if self.state.district is DistrictChoice.DEMO:
            return None  # loaded already
        url, settings = self.state.database_url, self.state.settings
        assert url is not None
        return (lambda: load_demo_district(url, settings)), self.tr(
            "Loading the demo district (a minute at most) …"
        )

    def checked(self, result: SeedCounts) -> str | None:
        self.state.district, self.state.district_counts = DistrictChoice.DEMO, result
        return None

    def failure_text(self, error: Exception) -> str:
        if isinstance(error, DistrictNotEmpty):
            return self.tr("This database holds a district already: the demo is not loaded over it.")
        return super().failure_text(error)
