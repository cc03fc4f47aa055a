"""Start and stop the GUI: the QApplication (language, font, theme) and the main window's life.

``run_gui`` owns the shutdown order. PySide6 with pyqtgraph can abort at interpreter exit when Qt
objects outlive the application, so the window is stopped (timers, players, workers), deleted and
its deletion processed before ``run_gui`` returns — the process then exits with the loop's status.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from commandcenter.accounts.session import Session
from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraFeed
from commandcenter.services.workspace import Workspace
from commandcenter.video.vlc_backend import default_backend
from resources import resource_path
from ui.main_window import MainWindow
from ui.smoke_exit import quit_when_a_tile_plays
from ui.theme import apply_font, apply_theme

log = logging.getLogger(__name__)

APP_NAME = "commandcenter"
ORGANIZATION = "Erqi District"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")  # source strings are English: "en" needs no translator

_installed: list[QTranslator] = []  # Qt does not own installed translators: keep them alive here


def create_application(settings: Settings) -> QApplication:
    """The application, configured for ``settings`` (language, CJK font, theme). Reuses an existing
    instance (tests, a second call) and reconfigures it, so switching language takes effect."""
    existing = QApplication.instance()
    if existing is None:
        _prefer_x11_for_libvlc()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    install_translations(app, settings.language)
    apply_font(app)
    apply_theme(app, settings.theme)
    default_backend().remux_flv = settings.streams.remux_flv  # every tile's libVLC, HTTP-FLV as TS
    return app


def _prefer_x11_for_libvlc() -> None:
    """libVLC draws into our native child windows through an X11 window id (``set_xwindow``); on a
    Wayland desktop that only works through XWayland, so ask Qt for xcb unless the user chose."""
    if sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ and os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"


def install_translations(app: QApplication, language: str) -> None:
    """Chinese is the default; English means "no translator". Qt's own strings (dialog buttons,
    context menus) come from qtbase_zh_CN when the Qt installation ships it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator()
    if ours.load(str(resource_path("translations", f"commandcenter_{language}.qm"))):
        _install(app, ours)
    else:
        log.warning("translation for %s not found; showing English", language)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(app, qt_own)


def _install(app: QApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def _signed_in() -> Session | None:
    """The signed-in user's session (the login dialog's, or the demo's duty operator)."""
    from ui.auth.sign_in import SignIn

    return SignIn.current()


def run_gui(
    settings: Settings,
    workspace: Workspace,
    *,
    wall_feeds: list[CameraFeed],
    stream_urls: list[str],
    probe: Callable[[str], bool] | None,
    title_suffix: str = "",
    quit_after_ready: bool = False,
    quit_after_playing: bool = False,
    on_ready: Callable[[], None] | None = None,
    sign_in: Callable[[QApplication], bool] | None = None,
    safe_mode: bool = False,
    briefing: bool = False,
) -> int:
    """Show the command center until the operator closes it; returns the event loop's exit status.
    ``on_ready`` runs once the first counts are on screen; ``quit_after_ready`` then exits with 0
    (startup benchmarks and smoke tests) without saving the window layout. The window's plugins
    register their case rules in the workspace's ``case_rules`` (the demo's simulator intake uses it).
    ``safe_mode``: see ``ui/safe_mode.py``.
    ``briefing``: the leaders' briefing opens full screen on the last display once the window is up
    (``--briefing``; only for who may see it)."""
    app = create_application(settings)
    if sign_in is not None and not sign_in(app):  # login dialog, or the demo's duty operator
        return 0
    session = _signed_in()
    if session is None:  # nobody signed in: nothing may be shown
        return 0
    window = MainWindow(
        settings,
        workspace.services(session.principal, session),
        wall_feeds=wall_feeds,
        stream_urls=stream_urls,
        probe=probe,
        title_suffix=title_suffix,
        safe_mode=safe_mode,
    )

    def ready() -> None:
        try:
            if on_ready is not None:
                on_ready()
        finally:  # a failing callback must not leave a --quit-after-ready run hanging
            if quit_after_playing:  # the package's smoke test: one tile must play first
                quit_when_a_tile_plays(window.wall, app.exit)
            elif quit_after_ready:
                QTimer.singleShot(0, lambda: app.exit(0))

    window.ready.connect(ready)
    if briefing and window.briefing.offered:
        QTimer.singleShot(0, window.briefing.open)
    try:
        show(window, app)
        window.start()
        return app.exec()
    finally:
        dispose(window)


def show(window: MainWindow, app: QApplication) -> None:
    """The saved geometry if there is one, else the whole available screen."""
    if window.restored:
        if not window.isVisible():
            window.show()
        return
    screen = app.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()


def dispose(window: MainWindow) -> None:
    """Stop everything the window runs, then delete it and let Qt finish the deletion now."""
    window.stop()
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def show_fatal_error(settings: Settings, message: str) -> None:
    """A dialog for errors that stop the start (the database cannot be opened)."""
    create_application(settings)
    QMessageBox.critical(
        None, QCoreApplication.translate("FatalError", "Command center cannot start"), message
    )
