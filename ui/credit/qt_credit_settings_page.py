"""参数设置 ▸ 失信惩戒: the credit section of the district's settings on the administrators' dialog —
per kind of violator the count, the points and the window that list them, and how long a violation
counts and a listing lasts. A kind with 0 violations and 0 points is never listed (it is left out of
the thresholds); the dialog saves, checks and audits the document as it does every other page."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from commandcenter.domain.credit import CreditRules, CreditThreshold
from commandcenter.domain.settings import DistrictSettings
from commandcenter.domain.settings_problems import SettingsProblem
from ui.credit.credit_words import KINDS, kind_name


def _spin(parent: QWidget, low: int, high: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    return spin


class CreditSettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        headers = (self.tr("Violator"), self.tr("Violations"), self.tr("or points"), self.tr("within months"))
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(text, self), 0, column)
        self.rows: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        for number, kind in enumerate(KINDS, 1):
            spins = (_spin(self, 0, 100), _spin(self, 0, 1000), _spin(self, 1, 120))
            grid.addWidget(QLabel(kind_name(kind), self), number, 0)
            for column, spin in enumerate(spins, 1):
                grid.addWidget(spin, number, column)
            self.rows[kind.value] = spins
        self.violation_months = _spin(self, 1, 120)
        self.listing_months = _spin(self, 1, 120)
        terms = QFormLayout()
        terms.addRow(self.tr("A violation counts for (months)"), self.violation_months)
        terms.addRow(self.tr("A listing lasts (months)"), self.listing_months)
        page = QVBoxLayout(self)
        page.addWidget(
            QLabel(self.tr("Listed at this many violations or points (0 and 0: never listed)"), self)
        )
        page.addLayout(grid)
        page.addLayout(terms)
        page.addStretch(1)

    def show_settings(self, settings: DistrictSettings) -> None:
        rules = settings.credit
        for kind in KINDS:
            threshold = rules.threshold_for(kind) or CreditThreshold(kind, count=0, points=0)
            count, points, window = self.rows[kind.value]
            count.setValue(threshold.count)
            points.setValue(threshold.points)
            window.setValue(threshold.window_months)
        self.violation_months.setValue(rules.violation_months)
        self.listing_months.setValue(rules.listing_months)

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        thresholds = []
        for kind in KINDS:
            count, points, window = (spin.value() for spin in self.rows[kind.value])
            if count or points:
                thresholds.append(CreditThreshold(kind, count=count, points=points, window_months=window))
        rules = CreditRules(tuple(thresholds), self.violation_months.value(), self.listing_months.value())
        return dataclasses.replace(settings, credit=rules)
