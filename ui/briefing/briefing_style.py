"""The briefing screen's type and colours: the theme's palette at sizes read from 5 m (KPI values
72 px, tables 28 px, module slides 64/40 px on a 1080-line display)."""

from __future__ import annotations

from ui.theme import ACCENT, BORDER, MUTED, PANEL, RAISED, TEXT, WINDOW

STYLE = f"""
#briefingWindow {{ background: {WINDOW}; }}
#briefingWindow QLabel {{ color: {TEXT}; }}
QLabel#briefingTitle {{ font-size: 40px; font-weight: bold; color: {ACCENT}; }}
QLabel#briefingPageTitle {{ font-size: 32px; color: {TEXT}; }}
QLabel#briefingClock, QLabel#briefingPageNumber {{ font-size: 28px; color: {MUTED}; }}
QLabel#briefingStatus {{ font-size: 20px; color: {MUTED}; }}
#briefingKpi {{ background: {RAISED}; border: 1px solid {BORDER}; border-radius: 8px; }}
#briefingKpi QLabel#kpiCaption {{ font-size: 26px; color: {MUTED}; }}
#briefingKpi QLabel#kpiValue {{ font-size: 72px; font-weight: bold; color: {ACCENT}; }}
#briefingKpi[alert="true"] QLabel#kpiValue {{ color: #f5a524; }}
#briefingTable {{ background: {PANEL}; color: {TEXT}; font-size: 28px; gridline-color: {BORDER};
  border: 1px solid {BORDER}; }}
#briefingTable[compact="true"] {{ font-size: 22px; }}
#briefingTable QHeaderView::section {{ background: {RAISED}; color: {MUTED}; font-size: 24px;
  border: none; padding: 6px; }}
QLabel#briefingModuleTitle {{ font-size: 64px; font-weight: bold; color: {ACCENT}; }}
QLabel#briefingModuleLine {{ font-size: 40px; color: {TEXT}; padding: 12px 0; }}
"""
