"""「视图」 on the wall's toolbar: the operator's saved views, then everybody's shared ones.

Every call (list, resolve codes, save, delete) goes through the signed-in user's ``CameraService``
on the ``BackgroundRunner`` (views belong to the user name, shared ones are listed for all); the menu
re-reads the list each time it opens (other workstations save views too) and shows the last list
meanwhile. A database error is said in the notice on the toolbar and changes nothing: the wall and
the cached list stay, and an unsaved name comes back prefilled in the next save dialog. Loading
resolves a view's codes in one query (``CameraService.feeds_for_codes``); a camera that no longer
resolves keeps its cell with a "not found" caption (``commandcenter.wall.view_cells``)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from commandcenter.domain.cameras import CameraFeed, SavedView
from commandcenter.services.camera_service import CameraService
from commandcenter.wall.view_cells import cells_of, resolve_cells
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.save_view_dialog import SaveViewDialog

STATUS_MS = 30_000  # how long a notice stays beside the button
NOT_FOUND_SHOWN = 5  # codes named in the notice; the tooltip names them all


class WallViewsMenu(QToolButton):
    listed = Signal()  # the list was re-read (or the read failed)
    loaded = Signal(str)  # a view's name, once its cameras are on the wall
    saved = Signal(str)
    deleted = Signal(str)
    failed = Signal(str)  # the notice shown for a failed store call

    def __init__(
        self,
        cameras: CameraService,
        runner: BackgroundRunner,
        wall: QtVideoWall,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or wall.toolbar)
        self.setObjectName("wallViews")
        self.setText(self.tr("Views"))
        self.setToolTip(self.tr("Saved wall views: yours, then the shared ones"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.refresh)
        self.status = QLabel(wall.toolbar)
        self.status.setObjectName("wallViewsStatus")
        self._clear = QTimer(self, singleShot=True, interval=STATUS_MS)
        self._clear.timeout.connect(lambda: self._notify(""))
        self._cameras, self._runner, self._wall = cameras, runner, wall
        self.operator = cameras.principal.username  # views are owned by the signed-in user
        self.views: list[SavedView] = []
        self._list_error = ""
        self._listing = False
        self._draft = ("", False)  # name and 共享 of the last view shown or not saved
        wall.toolbar.add_tool(self)
        wall.toolbar.add_notice(self.status)
        self._fill()

    # ------------------------------------------------------------------ the list
    @property
    def own_views(self) -> list[SavedView]:
        return [view for view in self.views if view.owner == self.operator]

    def refresh(self) -> None:
        """Re-read the list in the background; the menu shows the last one meanwhile."""
        if self._listing:
            return
        self._listing = self._runner.submit(self._cameras.views, self._listed, self._unlisted)
        self._fill()

    def _listed(self, views: list[SavedView]) -> None:
        self._listing, self._list_error, self.views = False, "", views
        self._fill()
        self.listed.emit()

    def _unlisted(self, error: Exception) -> None:
        self._listing = False
        self._list_error = self.tr("Views could not be read: %1").replace("%1", str(error))
        self._fill()
        self.listed.emit()

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        if self._list_error:
            menu.addAction(self._list_error).setEnabled(False)
        menu.addAction(self.tr("Save current view…"), self.open_save_dialog)
        remove = menu.addMenu(self.tr("Delete view"))
        remove.setEnabled(bool(self.own_views))
        for view in self.own_views:
            self._add_delete(remove, view)
        menu.addSeparator()
        if not self.views:
            text = self.tr("Reading views…") if self._listing else self.tr("No saved views")
            menu.addAction(text).setEnabled(False)
        others = [view for view in self.views if view.owner != self.operator]
        for view in self.own_views:
            self._add_view(menu, view, self.tr("%1 (shared)") if view.shared else "%1")
        if others:
            menu.addSection(self.tr("Shared"))
        for view in others:
            self._add_view(menu, view, self.tr("%1 — shared by %2").replace("%2", view.owner))

    def _add_delete(self, menu: QMenu, view: SavedView) -> None:
        menu.addAction(view.name, lambda: self.delete(view))

    def _add_view(self, menu: QMenu, view: SavedView, pattern: str) -> None:
        action = menu.addAction(pattern.replace("%1", view.name), lambda: self.load(view))
        cameras = sum(1 for code in view.cells if code)
        action.setToolTip(
            self.tr("Layout %1, %2 cameras").replace("%1", view.layout).replace("%2", str(cameras))
        )
        menu.setToolTipsVisible(True)

    # ------------------------------------------------------------------ load, save, delete
    def load(self, view: SavedView) -> None:
        """Resolve the view's cameras in one background query, then show them in its layout."""
        cameras, codes = self._cameras, [code for code in view.cells if code]

        def failed(error: Exception) -> None:
            self._fail(self.tr("View “%1” could not be opened: %2"), view.name, error)

        self._runner.submit(
            lambda: cameras.feeds_for_codes(codes), lambda found: self._show(view, found), failed
        )

    def _show(self, view: SavedView, found: dict[str, CameraFeed]) -> None:
        caption = self.tr("%1 (not found)")
        resolved = resolve_cells(view.cells, found, lambda code: caption.replace("%1", code))
        try:
            self._wall.show_feeds(resolved.feeds, layout=view.layout)
        except ValueError as error:  # a layout this version does not know
            self._fail(self.tr("View “%1” could not be opened: %2"), view.name, error)
            return
        self._draft = (view.name, view.shared and view.owner == self.operator)
        if resolved.missing:
            named = ", ".join(resolved.missing[:NOT_FOUND_SHOWN])
            more = "…" if len(resolved.missing) > NOT_FOUND_SHOWN else ""
            text = self.tr("View “%1” shown; %2 cameras not found: %3")
            text = text.replace("%2", str(len(resolved.missing))).replace("%3", named + more)
            self._notify(text.replace("%1", view.name), ", ".join(resolved.missing))
        else:
            self._notify(self.tr("View “%1” shown").replace("%1", view.name))
        self.loaded.emit(view.name)

    def open_save_dialog(self) -> SaveViewDialog:
        name, shared = self._draft
        dialog = SaveViewDialog([view.name for view in self.own_views], name, shared, self.window())
        dialog.accepted.connect(lambda: self.save_current(dialog.name, dialog.shared))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save_current(self, name: str, shared: bool) -> None:
        """Save the wall's layout and cameras as ``name`` (replacing this operator's view of that name)."""
        layout, cells, cameras = self._wall.layout_name, cells_of(self._wall.feeds), self._cameras
        self._draft = (name, shared)

        def done(_saved: SavedView) -> None:
            self._notify(self.tr("View “%1” saved").replace("%1", name))
            self.saved.emit(name)
            self.refresh()

        def failed(error: Exception) -> None:
            self._fail(self.tr("View “%1” was not saved: %2"), name, error)

        self._runner.submit(lambda: cameras.save_view(name, layout, cells, shared), done, failed)

    def delete(self, view: SavedView) -> None:
        """Delete one of the operator's own views (others' shared views are not offered)."""
        cameras = self._cameras

        def done(_found: bool) -> None:
            self._notify(self.tr("View “%1” deleted").replace("%1", view.name))
            self.deleted.emit(view.name)
            self.refresh()

        def failed(error: Exception) -> None:
            self._fail(self.tr("View “%1” was not deleted: %2"), view.name, error)

        self._runner.submit(lambda: cameras.delete_view(view.name), done, failed)

    # ------------------------------------------------------------------ notices
    def _fail(self, pattern: str, name: str, error: Exception) -> None:
        text = pattern.replace("%1", name).replace("%2", str(error))
        self._notify(text)
        self.failed.emit(text)

    def _notify(self, text: str, detail: str = "") -> None:
        self.status.setText(text)
        self.status.setToolTip(detail or text)
        if text:
            self._clear.start()
