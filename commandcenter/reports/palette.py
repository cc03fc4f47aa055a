"""The reports' colours, those of the desk's theme (``ui/theme.py``: accent, health green and amber,
panel navy) so a printed bulletin and the briefing screen look like one product. Kept here because
the core cannot import the UI; the theme test compares the two."""

from __future__ import annotations

INK = "#0f1a2e"  # the theme's PANEL: titles and table headers on paper
MUTED = "#8ba2c7"
ACCENT = "#38bdf8"
ROAD = "#3b6aa8"
SERIES = ("#38bdf8", "#22c55e", "#f5a524", "#f472b6")  # accent, OK, WARNING, the enforcement pink
GRID = "#dbe6f6"  # the theme's TEXT colour, light enough for a grid on white
