"""The main window. It only ARRANGES: title band and KPI strip on top, the video wall in the centre,
the map (right) and the case queue (bottom) as docks, the health lights in the status bar, and the
View menu. Each part fetches and shows its own data; the window starts, stops and lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QCursor, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenuBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraFeed
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.district import SeedCounts
from commandcenter.services.hub import Services
from ui.admin.qt_users_audit_dialog import QtUsersAuditDialog, offered as users_audit_offered
from ui.auth.role_words import role_name
from ui.background import BackgroundRunner
from ui.briefing.briefing_entry import BriefingEntry
from ui.calendar_warning import install_calendar_warning
from ui.cameras.qt_camera_placement import CameraPlacement
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.cases.approval_button import install_approval_button
from ui.cases.case_desk import CaseDesk
from ui.cases.new_case_entry import NewCaseEntry
from ui.cases.qt_case_detail import QtCaseDetail
from ui.cases.qt_case_popup import QtCasePopup
from ui.cases.qt_case_queue import QtCaseQueue
from ui.cases.qt_category_editor import QtCategoryEditor
from ui.cases.qt_review_list import place_review_list
from ui.cases.qt_snapshot_evidence import QtSnapshotEvidence
from ui.credit.credit_entry import CreditEntry
from ui.district.qt_district_dialog import QtDistrictDialog, offered
from ui.duty.duty_menu import install_duty_menu
from ui.evaluation.assessment_menu import AssessmentMenu
from ui.inspections.inspections_menu import install_inspections
from ui.linked_video import LinkedVideo
from ui.map.qt_overview_map import QtOverviewMap
from ui.playback.case_recordings import CaseRecordings, case_place
from ui.plugins.qt_plugins import QtPlugins
from ui.qt_header import QtHeader
from ui.qt_kpi_strip import QtKpiStrip
from ui.qt_status_bar import QtStatusBar
from ui.reports.reports_menu import ReportsMenu
from ui.safe_mode import install_safe_mode_marker
from ui.settings.qt_settings_dialog import QtSettingsDialog, offered as settings_offered
from ui.tracks.qt_alert_list import QtAlertList
from ui.tracks.qt_track_playback import QtTrackPlayback
from ui.vehicles.qt_terminal_commands import TerminalMenu
from ui.vehicles.terminal_menu import TerminalWindows
from ui.videowall.platform_desk import install_platforms
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_tour_menu import WallTourMenu
from ui.videowall.wall_views_menu import WallViewsMenu
from ui.videowall.wall_windows import WallWindows
from ui.window_state import WindowStateFile

DialogT = TypeVar("DialogT", bound=QWidget)


class MainWindow(QMainWindow):
    ready = Signal()  # the first counts are on screen: the window is usable

    def __init__(
        self,
        settings: Settings,
        services: Services,
        *,
        wall_feeds: list[CameraFeed],
        stream_urls: list[str],
        probe: Callable[[str], bool] | None,
        title_suffix: str = "",
        state_file: WindowStateFile | None = None,
        safe_mode: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.safe_mode = safe_mode  # --safe-mode: no plugins, default layout, no wall windows
        self.setObjectName("mainWindow")
        self._wall_feeds = list(wall_feeds)
        self._state_file = state_file or WindowStateFile()
        self._is_ready = False
        self._stopped = False
        self.runner = BackgroundRunner(self)
        self.services = services  # the signed-in user's: every part reads and acts through these

        self.menu_bar = QMenuBar(self)
        self.header = QtHeader(self.menu_bar, self)
        self.kpis = QtKpiStrip(services.district, self.runner, parent=self)
        self.kpis.counts_shown.connect(self._counts_shown)
        self.setMenuWidget(self._stack(self.header, self.kpis))
        suffix = self.tr("Demo") if title_suffix == "demo" else title_suffix
        title = self.tr("Erqi Smart City Management Command Center")
        self.setWindowTitle(f"{title} — {suffix}" if suffix else title)
        self.header.set_badge(suffix)
        self.header.set_user(services.principal.display_name, role_name(services.principal.role))

        self.wall = QtVideoWall(self)
        self.wall_windows = WallWindows(self.wall)  # full screen / other monitors, remembered
        self.setCentralWidget(self._panel(self.tr("Video wall"), self.wall))
        self.map = QtOverviewMap(services, self.runner, settings=settings.map, parent=self)
        self.desk = CaseDesk(services, self.runner, parent=self)
        self.cases = QtCaseQueue(self.desk, parent=self)
        self.popup = QtCasePopup(self.desk, anchor=self)
        self.cases.case_activated.connect(self.open_case)
        self.popup.detail_requested.connect(self.open_case)
        self.popup.vehicle_requested.connect(self.show_vehicle)
        self.cases.dispatch_requested.connect(self.popup.show_case)  # dispatch at any time, from the queue
        self.map_dock = self._dock(
            "mapDock", self.tr("Live map"), self.map, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.case_dock = self._dock(
            "caseDock", self.tr("Case queue"), self.cases, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.tracks = QtTrackPlayback(services.tracks, self.runner, parent=self)  # frame/track → the map
        self.alerts = QtAlertList(services.alerts, self.runner, parent=self)  # map-rule alerts → cases
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.track_dock = self._dock("trackDock", self.tr("Track playback"), self.tracks, bottom)
        self.alert_dock = self._dock("alertDock", self.tr("Alerts"), self.alerts, bottom)
        self.platforms = install_platforms(services, settings.platforms, self.runner, self.wall, self)
        if self.platforms is not None:
            self.platforms.follow_windows(self.wall_windows)
        platform_catalog = self.platforms.service if self.platforms is not None else None  # GB/T 28181
        self.camera_tree = QtCameraTree(services.cameras, self.runner, catalog=platform_catalog, parent=self)
        self.camera_tree.camera_activated.connect(self.camera_tree.request_feed)
        self.camera_tree.feed_ready.connect(self._show_camera)
        if self.platforms is not None and services.reads_district:  # device alarms beside the alerts
            self.platforms.show_alarms(self.alerts, self.camera_tree.request_feed)
        self.wall_views = WallViewsMenu(services.cameras, self.runner, self.wall)  # 视图 on the wall toolbar
        self.wall_tours = WallTourMenu(self.wall, self.camera_tree)  # 轮巡 over the tree's selection
        self.linked_video = LinkedVideo(services.cameras, self.runner, self.wall, self)
        self.case_recordings = CaseRecordings(self.camera_tree, services.video_evidence)
        self.map.camera_clicked.connect(self.camera_tree.request_feed)
        self.map.case_clicked.connect(self.open_case)
        self.map.nearest_cameras_requested.connect(self.linked_video.show_around)
        self.popup.nearest_cameras_requested.connect(self.linked_video.show_around)
        self.map.nearest_patrollers_requested.connect(self._show_nearest_patrollers)
        self.map.unit_video_requested.connect(self.camera_tree.request_feed)  # 车载视频 → the wall
        self.camera_placement = CameraPlacement(services.district_edit, self.runner, self.camera_tree, self)
        self.map.context_menu_opening.connect(self.camera_placement.offer)  # 将摄像机移到此处
        self.new_case = NewCaseEntry(services, self.runner, self)  # 新建案件: Ctrl+N, 案件 menu
        self.terminal_windows = TerminalWindows(services.terminals, self.runner, self)
        self.map.context_menu_opening.connect(self.new_case.offer)  # 在此新建案件
        self.terminal_menu = TerminalMenu(services.terminals, self.runner, self)  # 立即定位 …
        self.map.unit_menu_opening.connect(self.terminal_menu.offer)
        self.snapshot_evidence = QtSnapshotEvidence(  # 抓图 → evidence on a case, or a new case with it
            services.cases, self.desk, self.runner, self.cases.selected_case, self
        )
        if services.cases.may_attach_photos():
            self.wall.snapshot_taken.connect(self.snapshot_evidence.offer)
        self.snapshot_evidence.new_case_requested.connect(
            lambda path: self.new_case.open_form().photos.add_files([path])
        )
        self.tracks.load_started.connect(self.map.clear_tracks)
        self.tracks.track_loaded.connect(
            lambda track: self.map.show_track(track, self.tracks.stops_of(track))
        )
        self.tracks.frame.connect(lambda frame: self.map.move_playhead(frame, self.tracks.clock.now))
        self.track_dock.toggleViewAction().toggled.connect(self._track_panel_shown)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.camera_dock = self._dock("cameraDock", self.tr("Cameras"), self.camera_tree, left)
        self.resizeDocks([self.camera_dock], [280], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.case_dock, self.track_dock)
        self.tabifyDockWidget(self.track_dock, self.alert_dock)
        self.reviews = place_review_list(self, services, self.runner, beside=self.alert_dock)  # 待甄别 N
        self.case_dock.raise_()
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.map_dock], [620], Qt.Orientation.Horizontal)
        self.resizeDocks([self.case_dock], [300], Qt.Orientation.Vertical)

        monitor = services.health_monitor(stream_urls, probe)
        self.status = QtStatusBar(monitor, self.runner, settings.status_poll_s, self)
        self.setStatusBar(self.status)
        self.calendar_warning = install_calendar_warning(
            self.status, services.settings, self.runner, self.open_settings
        )
        self.camera_placement.said.connect(lambda text: self.status.showMessage(text, 10_000))
        self.camera_placement.moved.connect(lambda _code: self.camera_tree.reload())
        self.camera_placement.moved.connect(lambda _code: self.map.reload_static())
        self.plugins = QtPlugins(  # office modules; the principal's plugin administration
            settings, services.plugin_launcher(), self, self.map.plot, service=services.plugins
        )
        self.plugins.events.follow_alerts(self.alerts.watcher.alerts)  # plugins hear unit alerts
        self.full_screen_action = self._build_menus()
        self.approval_button = install_approval_button(services, self.runner, self.menu_bar, self.open_case)
        self.restored = False if safe_mode else self._restore_state()
        if safe_mode:
            install_safe_mode_marker(self.status)
        if not services.reads_district:
            for hidden in (self.kpis, self.map_dock, self.track_dock, self.alert_dock):
                hidden.hide()

    # ------------------------------------------------------------------ composition
    def _stack(self, *widgets: QWidget) -> QWidget:
        top = QWidget(self)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in widgets:
            column.addWidget(widget)
        return top

    def _panel(self, title: str, body: QWidget) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("panel")
        caption = QLabel(title, panel)
        caption.setObjectName("panelTitle")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(caption)
        column.addWidget(body, 1)
        return panel

    def _dock(self, name: str, title: str, body: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        dock.setWidget(body)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> QAction:
        system = self.menu_bar.addMenu(self.tr("System"))
        system.addAction(self.tr("Case categories…")).triggered.connect(self.open_category_editor)
        self.district_action: QAction | None = None  # only for who may manage or check the base data
        if offered(self.services):
            self.district_action = system.addAction(self.tr("District data…"))
            self.district_action.triggered.connect(self.open_district_data)
        self.users_audit_action: QAction | None = None  # only for who may manage users or read the log
        if users_audit_offered(self.services):
            self.users_audit_action = system.addAction(self.tr("Users and audit…"))
            self.users_audit_action.triggered.connect(self.open_users_audit)
        self.terminal_windows.install(system)  # 终端状态, 未登记终端
        self.settings_action: QAction | None = None  # only for who may change the district's settings
        if settings_offered(self.services):
            self.settings_action = system.addAction(self.tr("Settings…"))
            self.settings_action.triggered.connect(self.open_settings)
        quit_action = system.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.new_case.install(self.menu_bar)  # 案件 ▸ 新建案件…
        self.duty_menu = install_duty_menu(self.services, self.runner, self.menu_bar, self)  # 勤务 ▸ 值班表
        self.assessment_menu = AssessmentMenu(self.services, self.runner, self)  # 考核: 排名, 汇总, 协商
        self.assessment_menu.install(self.menu_bar)
        self.inspections = install_inspections(self.services, self.runner, self.menu_bar, self)  # 考核 ▸ 督查
        self.credit = CreditEntry(self.services, self.runner, self).install(self.menu_bar)  # 考核 ▸ 失信名单
        self.reports = ReportsMenu(self.services, self.runner, self).install(self.menu_bar)  # 考核 ▸ 报表
        view = self.menu_bar.addMenu(self.tr("View"))
        for dock in (self.map_dock, self.case_dock, self.track_dock, self.alert_dock, self.camera_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        full_screen = view.addAction(self.tr("Full screen"))
        full_screen.setCheckable(True)
        full_screen.setShortcut(QKeySequence(Qt.Key.Key_F11))
        full_screen.toggled.connect(self.set_full_screen)
        self.addAction(full_screen)  # F11 works even when the menu bar is hidden
        self.briefing = BriefingEntry(self.services, self.runner, self).install(view)  # 领导观摩
        self.plugins.install_menu(self.menu_bar.addMenu(self.tr("Plugins")))
        return full_screen

    def docks(self) -> list[QDockWidget]:
        return [self.map_dock, self.case_dock, self.track_dock, self.alert_dock, self.camera_dock]

    # ------------------------------------------------------------------ behaviour
    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def start(self) -> None:
        """Begin fetching data and playing video (after ``show``, so tiles have native windows)."""
        self.wall.show_feeds(self._wall_feeds)
        if not self.safe_mode:
            self.wall_windows.restore()
        self.wall.measure_budget(self.runner)  # ffmpeg off the Qt thread; the meter appears after
        for part in (self.desk, self.cases, self.status, *self._district_parts()):
            part.start()
        self.calendar_warning.start()
        self.camera_tree.start()
        if not self.safe_mode:
            self.plugins.start()
        if self.reviews is not None:
            self.reviews.start()

    def _district_parts(self) -> tuple[QtKpiStrip | QtOverviewMap | QtTrackPlayback | QtAlertList, ...]:
        """The parts showing the district's live picture: for who reads it (a department user works
        its cases only — those parts stay hidden and never ask)."""
        if not self.services.reads_district:
            return ()
        return (self.kpis, self.map, self.tracks, self.alerts)

    def stop(self) -> None:
        """Stop timers, players and workers. Idempotent: close and run_gui's cleanup both call it."""
        if self._stopped:
            return
        self._stopped = True
        for part in (
            self.header,
            self.kpis,
            self.map,
            self.desk,
            self.cases,
            self.status,
            self.calendar_warning,
        ):
            part.stop()
        if self.approval_button is not None:
            self.approval_button.stop()
        self.tracks.stop()
        self.alerts.stop()
        if self.reviews is not None:
            self.reviews.stop()
        self.popup.close()
        self.wall_windows.close_all(remember=not self.safe_mode)
        self.wall.stop_all()
        if self.platforms is not None:
            self.platforms.stop()  # the platform streams the walls played
        self.plugins.stop()
        self.runner.shutdown()

    def _show_camera(self, feed: CameraFeed) -> None:
        """A camera double-clicked in the tree goes into the selected (or first free) tile."""
        self.wall.open_feed(feed)

    def show_vehicle(self, unit_id: int) -> None:
        """An offered enforcement vehicle: followed on the map, its camera (车载视频) on the wall."""
        self.map.select(unit_id)
        self.map.set_following(True)
        code = self.map.unit_cameras.get(unit_id)
        if code is not None:
            self.camera_tree.request_feed(code)

    def open_case(self, case: BoardCase | int) -> QtCaseDetail:
        """The case's detail window (non-modal: the queue and the wall stay live)."""
        case_id = case if isinstance(case, int) else case.id
        detail = QtCaseDetail(self.services.cases, self.runner, case_id, self, self.services.approvals)
        detail.changed.connect(self.cases.refresh)
        detail.dispatch_requested.connect(self.popup.show_case)
        detail.escalation_requested.connect(self.desk.escalate)
        detail.nearest_cameras_requested.connect(self.linked_video.show_around)
        self.assessment_menu.offer_in_detail(detail)  # 提请协商
        self.credit.offer(detail, lambda: detail.detail.case.number if detail.detail else None)  # 记录失信…
        self.case_recordings.offer(detail, lambda: case_place(detail.detail))  # 录像回放 (platforms)
        detail.show()
        return detail

    def _track_panel_shown(self, shown: bool) -> None:
        """Closing the playback panel stops playback and takes its tracks off the map (switching
        to another tab of the same dock area does not: the panel is still open there)."""
        if not shown:
            self.tracks.pause()
            self.map.clear_tracks()

    def _show_nearest_patrollers(self, lon: float, lat: float) -> None:
        """Shown beside the pointer that asked (the status bar's health lights stay in view)."""
        text = self.desk.nearest_patrollers_text(lon, lat)
        QToolTip.showText(QCursor.pos(), self.tr("Nearest patrollers: %1").replace("%1", text), self.map)

    def open_category_editor(self) -> QtCategoryEditor:
        return self._show(QtCategoryEditor(self.services.categories, self.runner, self))

    def open_district_data(self) -> QtDistrictDialog:
        return self._show(QtDistrictDialog(self.services, self.runner, self))

    def open_users_audit(self) -> QtUsersAuditDialog:
        return self._show(QtUsersAuditDialog(self.services, self.runner, self))

    def open_settings(self) -> QtSettingsDialog:
        return self._show(QtSettingsDialog(self.services.settings, self.runner, self))

    def _show(self, dialog: DialogT) -> DialogT:
        """A non-modal tool window of this window, gone when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def _counts_shown(self, _counts: SeedCounts) -> None:
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def _restore_state(self) -> bool:
        saved = self._state_file.restore(self)
        if saved is None:
            return False
        for dock in self.docks():
            dock.setVisible(dock.objectName() in saved.open_views)
        self.full_screen_action.setChecked(saved.full_screen)
        return True

    def save_state(self) -> None:
        if self.safe_mode:
            return  # the saved layout stays for the next normal start
        open_views = [dock.objectName() for dock in self.docks() if not dock.isHidden()]
        self._state_file.save(self, open_views)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.stop()
        super().closeEvent(event)
