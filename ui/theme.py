"""The command-center look: one place for colours that code needs (map, indicators) and for
loading the QSS theme and the CJK font.

QSS styles widgets; pyqtgraph and painted indicators cannot read QSS, so they take their colours
from here, which keeps the map legend, the status dots and the stylesheet in the same palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from commandcenter.domain.kinds import UnitKind
from commandcenter.health import Level
from resources import resource_path

WINDOW = "#0a1120"
PANEL = "#0f1a2e"
RAISED = "#14233d"
BORDER = "#1e3256"
TEXT = "#dbe6f6"
MUTED = "#8ba2c7"
ACCENT = "#38bdf8"
ROAD = "#3b6aa8"

LEVEL_COLORS: dict[Level, str] = {
    Level.OK: "#22c55e",
    Level.WARNING: "#f5a524",
    Level.FAILED: "#ef4444",
    Level.UNKNOWN: "#6b7a90",
}

UNIT_COLORS: dict[UnitKind, str] = {
    UnitKind.PATROLLER: "#34d399",
    UnitKind.MUCK_TRUCK: "#fbbf24",
    UnitKind.ENFORCEMENT: "#f472b6",
}

# Chinese first: the product's text is Chinese and Latin glyphs in these fonts are fine too.
CJK_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
)
BASE_FONT_PX = 14


def pick_font_family(available: list[str]) -> str | None:
    """The first preferred CJK family installed here, or None to keep Qt's default."""
    installed = {family.casefold(): family for family in available}
    for family in CJK_FONT_FAMILIES:
        if family.casefold() in installed:
            return installed[family.casefold()]
    return None


def apply_font(app: QApplication) -> None:
    font = QFont(app.font())
    family = pick_font_family(QFontDatabase.families())
    if family is not None:
        font.setFamily(family)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)


def apply_theme(app: QApplication, theme: str = "dark") -> None:
    """Palette first (dialogs and native bits that QSS does not reach), then the stylesheet.
    An unknown theme name falls back to dark rather than an unstyled window."""
    path = resource_path("themes", f"{theme}.qss")
    if not path.is_file():
        path = resource_path("themes", "dark.qss")
    app.setPalette(_dark_palette())
    icons = resource_path("icons").as_posix()  # QSS url() is relative to the working directory
    app.setStyleSheet(path.read_text(encoding="utf-8").replace("@icons@", icons))


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: PANEL,
        QPalette.ColorRole.AlternateBase: RAISED,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: RAISED,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: "#1d4ed8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: RAISED,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette
