"""A report's charts as reportlab vector drawings (bars, lines), embedded in the PDF as paths and
text in the report's Chinese font — not pictures — so they print sharp and their labels are text."""

from __future__ import annotations

from typing import Any

from commandcenter.reports import palette
from commandcenter.reports.model import Chart

WIDTH = 380.0
HEIGHT = 190.0


def chart_drawing(chart: Chart, font: str) -> Any:
    """The chart as a ``reportlab.graphics.shapes.Drawing`` (a Flowable)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.colors import HexColor

    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(
        String(0, HEIGHT - 12, chart.title, fontName=font, fontSize=10, fillColor=HexColor(palette.INK))
    )
    plot: Any = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y, plot.width, plot.height = 36, 48, WIDTH - 46, HEIGHT - 80
    plot.data = [list(series.values) or [0.0] for series in chart.series]
    labels = list(chart.labels) or [""]
    step = max(1, len(labels) // 16)  # a month's 30 days: every other label
    plot.categoryAxis.categoryNames = [label if i % step == 0 else "" for i, label in enumerate(labels)]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 6.5
    plot.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = 0
    plot.valueAxis.gridStrokeColor = HexColor(palette.GRID)
    plot.valueAxis.visibleGrid = True
    top = max((max(series.values, default=0.0) for series in chart.series), default=0.0)
    if top <= 0:
        plot.valueAxis.valueMax = 1
    for index in range(len(chart.series)):
        colour = HexColor(palette.SERIES[index % len(palette.SERIES)])
        if chart.kind == "bar":
            plot.bars[index].fillColor = colour
            plot.bars[index].strokeColor = None
        else:
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 1.5
    drawing.add(plot)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = WIDTH - 120, HEIGHT - 8
        legend.fontName = font
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 50
        legend.colorNamePairs = [
            (HexColor(palette.SERIES[i % len(palette.SERIES)]), series.name)
            for i, series in enumerate(chart.series)
        ]
        drawing.add(legend)
    return drawing
