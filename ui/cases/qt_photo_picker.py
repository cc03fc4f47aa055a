"""The report's photos, chosen from disk (a citizen's WeChat photo saved by the operator): JPEG or PNG
of at most 10 MB — checked by the core from the bytes, read on a worker — listed by file name, any
one removable before filing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from commandcenter.domain.photos import MAX_PHOTO_BYTES, PhotoRefused, check_photo
from commandcenter.domain.reporting import DeskPhoto
from ui.background import BackgroundRunner

Loaded = tuple[list[tuple[str, DeskPhoto]], list[str]]  # (name, photo) read, problems (one line each)


def read_photos(paths: Sequence[str]) -> Loaded:
    """Worker thread: each file's bytes, checked; a refused file is one line naming it."""
    photos, problems = [], []
    for path in paths:
        name = Path(path).name
        try:
            if Path(path).stat().st_size > MAX_PHOTO_BYTES:
                raise PhotoRefused("照片超过 10 MB / the photo is over 10 MB")
            content = Path(path).read_bytes()
            photos.append((name, DeskPhoto(content, check_photo(content).value)))
        except (OSError, PhotoRefused) as error:
            problems.append(f"{name}: {error.strerror if isinstance(error, OSError) else error}")
    return photos, problems


class QtPhotoPicker(QWidget):
    changed = Signal()

    def __init__(self, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.chosen: list[tuple[str, DeskPhoto]] = []
        self.files = QListWidget(self)
        self.files.setMaximumHeight(70)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.dialog: QFileDialog | None = None
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files, 1)
        row.addLayout(buttons)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.problem)

    def photos(self) -> tuple[DeskPhoto, ...]:
        return tuple(photo for _, photo in self.chosen)

    def choose(self) -> QFileDialog:
        """The file chooser, non-modal: the call may go on while the operator looks for the file."""
        self.dialog = QFileDialog(self, self.tr("Add photos"), "", self.tr("Photos (*.jpg *.jpeg *.png)"))
        self.dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.dialog.filesSelected.connect(self.add_files)
        self.dialog.open()
        return self.dialog

    def add_files(self, paths: Sequence[str]) -> None:
        chosen = list(paths)
        self.runner.submit(
            lambda: read_photos(chosen), self._loaded, lambda error: self.problem.setText(str(error))
        )

    def _loaded(self, loaded: Loaded) -> None:
        photos, problems = loaded
        self.chosen.extend(photos)
        self.files.addItems([name for name, _ in photos])
        self.problem.setText("\n".join(problems))
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.files.currentRow()
        if 0 <= row < len(self.chosen):
            del self.chosen[row]
            self.files.takeItem(row)
            self.changed.emit()

    def clear(self) -> None:
        self.chosen.clear()
        self.files.clear()
        self.problem.clear()
