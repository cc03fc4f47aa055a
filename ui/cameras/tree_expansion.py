"""Remember which groups of a tree view are open, by label path, across a model reset.

Starring a camera or clearing the search resets the camera tree's model; without this the operator
who had opened 综合 → 建中街街道 → 建设路第1段 would find everything collapsed again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

Path = tuple[str, ...]


def _label(index: QModelIndex) -> str:
    """A group's label without its "(online/total)" counts, which change with every status poll."""
    return str(index.data()).rsplit(" (", 1)[0]


def expanded_paths(view: QTreeView) -> set[Path]:
    model, found = view.model(), set[Path]()
    pending: list[tuple[QModelIndex, Path]] = [(QModelIndex(), ())]
    while pending:
        parent, path = pending.pop()
        for row in range(model.rowCount(parent)):
            child = model.index(row, 0, parent)
            if view.isExpanded(child):
                child_path = (*path, _label(child))
                found.add(child_path)
                pending.append((child, child_path))
    return found


def expand_paths(view: QTreeView, paths: set[Path]) -> None:
    model = view.model()
    pending: list[tuple[QModelIndex, Path]] = [(QModelIndex(), ())]
    while pending and paths:
        parent, path = pending.pop()
        for row in range(model.rowCount(parent)):
            child = model.index(row, 0, parent)
            child_path = (*path, _label(child))
            if child_path in paths:
                view.expand(child)
                pending.append((child, child_path))
