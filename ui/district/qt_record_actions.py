"""The editor's buttons beyond Save: split and merge for a segment, new and remove for staff,
rename the company of a vehicle across its fleet, a permit's area or route from a GeoJSON file, and
the kind's export as CSV, Excel or GeoJSON. Each button asks what it needs (a number, a file) and
calls a method a test can call directly with the answer; the work runs through the tab's ``call``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QPushButton, QWidget

from commandcenter.domain.district_edits import SPATIAL_KINDS, EditKind, Record

if TYPE_CHECKING:
    from ui.district.qt_edit_tab import QtEditTab

_FORMATS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "geojson": "GeoJSON (*.geojson)"}


class RecordActions(QWidget):
    def __init__(self, tab: QtEditTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.split_button = QPushButton(self.tr("Split…"), self)
        self.split_button.clicked.connect(self._ask_split)
        self.merge_button = QPushButton(self.tr("Merge with…"), self)
        self.merge_button.clicked.connect(self._ask_merge)
        self.new_staff_button = QPushButton(self.tr("New member of staff"), self)
        self.new_staff_button.clicked.connect(self.tab.start_adding)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove)
        self.company_button = QPushButton(self.tr("Rename company…"), self)
        self.company_button.clicked.connect(self._ask_company)
        self.shape_button = QPushButton(self.tr("Area or route from file…"), self)
        self.shape_button.clicked.connect(self._ask_shape)
        titles = {
            "csv": self.tr("Export CSV"),
            "xlsx": self.tr("Export Excel"),
            "geojson": self.tr("Export GeoJSON"),
        }
        self.export_buttons = {fmt: QPushButton(titles[fmt], self) for fmt in _FORMATS}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.split_button,
            self.merge_button,
            self.new_staff_button,
            self.remove_button,
            self.company_button,
            self.shape_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, f=fmt: self._ask_export(f))
            row.addWidget(button)
        self.record_changed(None)

    def kind_changed(self, kind: EditKind) -> None:
        self.new_staff_button.setVisible(self.tab.editable and kind is EditKind.STAFF)
        self.export_buttons["geojson"].setEnabled(self.tab.editable and kind in SPATIAL_KINDS)
        for fmt in ("csv", "xlsx"):
            self.export_buttons[fmt].setEnabled(self.tab.editable)

    def record_changed(self, record: Record | None) -> None:
        kind = record.kind if record is not None and self.tab.editable else None
        self.split_button.setVisible(kind is EditKind.SEGMENT)
        self.merge_button.setVisible(kind is EditKind.SEGMENT)
        self.remove_button.setVisible(kind is EditKind.STAFF and record is not None and record.id != 0)
        self.company_button.setVisible(kind is EditKind.VEHICLE)
        self.shape_button.setVisible(kind is EditKind.PERMIT)

    def split(self, fraction: float, new_number: str) -> None:
        record = self.tab.record
        if record is not None:
            job = lambda: self.tab.service.split_segment(record.id, fraction, new_number)  # noqa: E731
            self.tab.call(job, self.tab.changed, self.tr("Splitting …"))

    def merge(self, other_number: str) -> None:
        """Merge the segment numbered ``other_number`` into the shown one."""
        record, service = self.tab.record, self.tab.service

        def job() -> object:
            found = [
                r
                for r in service.page(EditKind.SEGMENT, other_number).records
                if r.values["number"] == other_number
            ]
            other = found[0].id if found else -1
            return service.merge_segments(record.id, other) if record is not None else None

        self.tab.call(job, self.tab.changed, self.tr("Merging …"))

    def remove(self) -> None:
        record = self.tab.record
        if record is not None:
            self.tab.call(lambda: self.tab.service.remove_staff(record.id), self._removed)

    def rename_company(self, new: str) -> None:
        record = self.tab.record
        if record is not None:
            old = str(record.values.get("company") or "")
            self.tab.call(lambda: self.tab.service.rename_company(old, new), self.tab.changed)

    def replace_shape(self, path: Path) -> None:
        record = self.tab.record
        if record is not None:
            self.tab.call(lambda: self.tab.service.replace_permit_shape(record.id, path), self.tab.changed)

    def export(self, path: Path, fmt: str) -> None:
        kind = self.tab.kind
        self.tab.call(
            lambda: self.tab.service.export(kind, path, fmt), self._exported, self.tr("Exporting …")
        )

    def _exported(self, count: int) -> None:
        self.tab.message.setText(self.tr("Exported %1 records.").replace("%1", str(count)))

    def _removed(self, _: object) -> None:
        self.tab.form.show_record(None, False)
        self.tab.message.setText(self.tr("Removed."))
        self.tab.reload(self.tab.offset)

    def _ask_split(self) -> None:
        fraction, ok = QInputDialog.getDouble(
            self, self.tr("Split segment"), self.tr("Cut at (0–1 of its length)"), 0.5, 0.01, 0.99, 2
        )
        if not ok:
            return
        number, ok = QInputDialog.getText(
            self, self.tr("Split segment"), self.tr("Number of the second part")
        )
        if ok and number.strip():
            self.split(fraction, number.strip())

    def _ask_merge(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Merge segments"), self.tr("Number of the segment to merge in")
        )
        if ok and number.strip():
            self.merge(number.strip())

    def _ask_company(self) -> None:
        record = self.tab.record
        current = str(record.values.get("company") or "") if record else ""
        new, ok = QInputDialog.getText(
            self, self.tr("Rename company"), self.tr("New name for all its vehicles"), text=current
        )
        if ok and new.strip():
            self.rename_company(new.strip())

    def _ask_shape(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Area or route"), "", "GeoJSON (*.geojson *.json)"
        )
        if chosen:
            self.replace_shape(Path(chosen))

    def _ask_export(self, fmt: str) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"{self.tab.kind.value}.{fmt}", _FORMATS[fmt]
        )
        if chosen:
            self.export(Path(chosen), fmt)
