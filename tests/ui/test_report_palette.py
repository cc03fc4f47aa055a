"""The reports' colours (kept in the Qt-free core) are the desk theme's, so a printed bulletin and the
briefing screen look like one product."""

from __future__ import annotations

from commandcenter.health import Level
from commandcenter.reports import palette
from ui import theme


def test_report_colours_are_the_themes() -> None:
    assert palette.INK == theme.PANEL
    assert palette.MUTED == theme.MUTED
    assert palette.ACCENT == theme.ACCENT
    assert palette.ROAD == theme.ROAD
    assert palette.GRID == theme.TEXT
    assert palette.SERIES[:3] == (
        theme.ACCENT,
        theme.LEVEL_COLORS[Level.OK],
        theme.LEVEL_COLORS[Level.WARNING],
    )
