"""5 底图 Base map: none (the vector layers only), an online XYZ tile server (URL template and its
datum: GCJ-02 for AMap/Tencent tiles, so the overlays are shifted onto them), or an offline MBTiles
file. Next checks the choice on a worker (``commandcenter.setup.base_map_check``: the template's
placeholders; the file exists, is readable and is MBTiles)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from commandcenter.config import MapSettings
from commandcenter.setup.base_map_check import BaseMapProblem, check_base_map
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import SetupState
from ui.setup.setup_words import base_map_problem_text

BASES = ("none", "xyz", "mbtiles")


class BaseMapPage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("baseMapPage")
        self.group = QButtonGroup(self)
        self.options = {base: QRadioButton(self) for base in BASES}
        for base, button in self.options.items():
            button.setObjectName(f"base_{base}")
            self.group.addButton(button)
        self.xyz_url = QLineEdit(self)
        self.xyz_url.setObjectName("xyzUrl")
        self.xyz_url.setPlaceholderText("https://tiles.example/{z}/{x}/{y}.png")
        self.datum = QComboBox(self)
        self.datum.setObjectName("datum")
        self.mbtiles = QLineEdit(self)
        self.mbtiles.setObjectName("mbtilesPath")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self._url_label, self._datum_label = QLabel(self), QLabel(self)
        xyz_form = QFormLayout()
        xyz_form.addRow(self._url_label, self.xyz_url)
        xyz_form.addRow(self._datum_label, self.datum)
        file_row = QHBoxLayout()
        file_row.addWidget(self.mbtiles, 1)
        file_row.addWidget(self.browse)
        column = QVBoxLayout(self)
        column.addWidget(self.options["none"])
        column.addWidget(self.options["xyz"])
        column.addLayout(xyz_form)
        column.addWidget(self.options["mbtiles"])
        column.addLayout(file_row)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()
        self._prefill(state.settings.map)
        self.group.buttonToggled.connect(lambda *_args: self._mode_changed())
        self.xyz_url.textChanged.connect(self.invalidate)
        self.mbtiles.textChanged.connect(self.invalidate)
        self.datum.currentIndexChanged.connect(self.invalidate)
        self._mode_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Base map"))
        self.setSubTitle(self.tr("What the live map draws under the district's roads and units."))
        self.options["none"].setText(self.tr("None: the district's vector layers only"))
        self.options["xyz"].setText(self.tr("Online tile server (XYZ URL template)"))
        self.options["mbtiles"].setText(self.tr("Offline MBTiles file"))
        self._url_label.setText(self.tr("URL template"))
        self._datum_label.setText(self.tr("Tiles in"))
        self.browse.setText(self.tr("Choose…"))
        current = self.datum.currentData()
        self.datum.clear()
        self.datum.addItem(self.tr("WGS-84 (GPS; OpenStreetMap, Tianditu)"), "wgs84")
        self.datum.addItem(self.tr("GCJ-02 (AMap, Tencent)"), "gcj02")
        self.datum.setCurrentIndex(max(0, self.datum.findData(current)))

    def _prefill(self, settings: MapSettings) -> None:
        self.options.get(settings.base, self.options["none"]).setChecked(True)
        self.xyz_url.setText(settings.xyz_url)
        self.mbtiles.setText(settings.mbtiles_path)
        self.datum.setCurrentIndex(max(0, self.datum.findData(settings.datum)))

    def _mode_changed(self) -> None:
        base = self.base()
        self.xyz_url.setEnabled(base == "xyz")
        self.datum.setEnabled(base == "xyz")
        self.mbtiles.setEnabled(base == "mbtiles")
        self.browse.setEnabled(base == "mbtiles")
        self.invalidate()

    def _browse(self) -> None:
        self.browse_into(self.mbtiles, self.tr("MBTiles file"), self.tr("MBTiles maps (*.mbtiles)"))

    def base(self) -> str:
        return next(base for base, button in self.options.items() if button.isChecked())

    def settings(self) -> MapSettings:
        current = self.state.settings.map
        datum = str(self.datum.currentData()) if self.base() == "xyz" else "wgs84"
        return MapSettings(
            base=self.base(),
            mbtiles_path=self.mbtiles.text().strip(),
            xyz_url=self.xyz_url.text().strip(),
            datum=datum,
            offline_after_s=current.offline_after_s,
        )

    def check(self) -> Check | str | None:
        chosen = self.settings()
        self.state.map = chosen
        if chosen.base == "none":
            return None
        return (lambda: check_base_map(chosen)), self.tr("Checking the base map …")

    def checked(self, result: tuple[BaseMapProblem, str] | None) -> str | None:
        if result is None:
            self.message.clear()
            return None
        return base_map_problem_text(*result)
