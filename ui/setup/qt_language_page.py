"""1 语言 Language: 中文 or English, each named in its own language. The choice applies at once —
the wizard retranslates itself — and is written as ``language`` to the seat's config."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QButtonGroup, QRadioButton, QVBoxLayout

from ui.app import install_translations
from ui.setup.qt_setup_page import SetupPage
from ui.setup.setup_state import SetupState

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}  # never translated: each in its own language


class LanguagePage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("languagePage")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self)
        for code, name in LANGUAGE_NAMES.items():
            button = QRadioButton(name, self)
            button.setObjectName(f"language_{code}")
            self.group.addButton(button)
            self.buttons[code] = button
            column.addWidget(button)
        column.addStretch(1)
        self.buttons.get(state.language, self.buttons["zh_CN"]).setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Language"))
        self.setSubTitle(self.tr("The language of the program on this workstation."))

    def choose(self, language: str) -> None:
        self.buttons[language].setChecked(True)

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        language = next(code for code, each in self.buttons.items() if each is button)
        self.state.language = language
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translations(app, language)  # every page gets a LanguageChange and retranslates
