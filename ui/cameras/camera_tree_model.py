"""The camera tree's Qt model: a view over a ``CameraGroup`` tree (kind → office → segment).

Lazy in the way that matters at 56,850 cameras: model indexes are handed out only for rows the
view asks about (expanded groups), and the group tree underneath is plain Python built once off
the Qt thread. Dragging a camera or a whole group produces the wall's camera MIME payload.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from commandcenter.catalog.grouping import CameraGroup, build_tree
from commandcenter.domain.cameras import CameraEntry
from commandcenter.video.camera_drag import CAMERAS_MIME, encode_cameras

AnyIndex = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # a camera's code; None on groups
OFFLINE_COLOR = QColor("#6b7280")
STAR = "★ "


@dataclass(eq=False)
class _Node:
    item: CameraGroup | CameraEntry
    parent: int  # node id of the parent; -1 for top-level rows
    row: int


class CameraTreeModel(QAbstractItemModel):
    def __init__(self, favourites_label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._favourites_label = favourites_label
        self._root = CameraGroup("", "root")
        self._favourites: set[str] = set()
        self._nodes: list[_Node] = []
        self._children: dict[int, list[int]] = {}  # node id (-1 = root) → child node ids, made on demand

    # ------------------------------------------------------------------ content
    def set_cameras(self, cameras: Iterable[CameraEntry], favourites: set[str] | None = None) -> None:
        """Show ``cameras`` grouped; starred ones also appear in a favourites group at the top."""
        cameras = list(cameras)
        if favourites is not None:
            self._favourites = set(favourites)
        self.show_tree(build_tree(cameras), [camera for camera in cameras if camera.code in self._favourites])

    def show_tree(
        self, tree: CameraGroup, starred: list[CameraEntry], favourites: set[str] | None = None
    ) -> None:
        """Show an already built tree (the full one is built once, off the Qt thread) with the
        ``starred`` cameras in a favourites group on top; ``tree`` itself is not modified."""
        if favourites is not None:
            self._favourites = set(favourites)
        root = CameraGroup("", "root", groups=list(tree.groups), cameras=tree.cameras)
        if starred:
            group = CameraGroup(self._favourites_label, "favourites", cameras=starred)
            group.total, group.online = len(starred), sum(camera.online for camera in starred)
            root.groups.insert(0, group)
        self.beginResetModel()
        self._root = root
        self._nodes.clear()
        self._children.clear()
        self.endResetModel()

    def is_favourite(self, code: str) -> bool:
        return code in self._favourites

    def item(self, index: AnyIndex) -> CameraGroup | CameraEntry | None:
        return self._nodes[index.internalId()].item if index.isValid() else None

    def cameras_at(self, indexes: Sequence[AnyIndex]) -> list[CameraEntry]:
        """The cameras under ``indexes`` (a group means all of its cameras), each once, in order."""
        seen: dict[str, CameraEntry] = {}
        for index in indexes:
            item = self.item(index)
            found = item.all_cameras() if isinstance(item, CameraGroup) else [item] if item else []
            for camera in found:
                seen.setdefault(camera.code, camera)
        return list(seen.values())

    # ------------------------------------------------------------------ tree plumbing
    def _group_of(self, node_id: int) -> CameraGroup | None:
        item = self._root if node_id < 0 else self._nodes[node_id].item
        return item if isinstance(item, CameraGroup) else None

    def _child_ids(self, node_id: int) -> list[int]:
        ids = self._children.get(node_id)
        if ids is None:
            group = self._group_of(node_id)
            items: list[CameraGroup | CameraEntry] = [*group.groups, *group.cameras] if group else []
            ids = []
            for row, item in enumerate(items):
                ids.append(len(self._nodes))
                self._nodes.append(_Node(item, node_id, row))
            self._children[node_id] = ids
        return ids

    def _node_id(self, parent: AnyIndex) -> int:
        return parent.internalId() if parent.isValid() else -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        group = self._group_of(self._node_id(parent))
        return len(group.groups) + len(group.cameras) if group else 0

    def columnCount(self, _parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        ids = self._child_ids(self._node_id(parent))
        if column != 0 or not 0 <= row < len(ids):
            return QModelIndex()
        return self.createIndex(row, 0, ids[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent_id = self._nodes[child.internalId()].parent
        if parent_id < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    # ------------------------------------------------------------------ presentation
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item(index)
        if item is None:
            return None
        if isinstance(item, CameraGroup):
            return item.caption if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{STAR}{item.name}" if item.code in self._favourites else item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.code
        if role == Qt.ItemDataRole.ForegroundRole and not item.online:
            return OFFLINE_COLOR
        if role == CODE_ROLE:
            return item.code
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [CAMERAS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        data.setData(CAMERAS_MIME, encode_cameras([camera.feed() for camera in self.cameras_at(indexes)]))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
