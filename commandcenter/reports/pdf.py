"""A report as a PDF: A4 landscape, the title and period, the key figures, the charts (vector, two
a row), the tables (header repeated on a page break, the total emphasised) and the notes, all in the
embedded Chinese font (``fonts``), colours of the theme (``palette``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commandcenter.reports import palette
from commandcenter.reports.fonts import register_cjk_font
from commandcenter.reports.model import Report, Shown, Table, cell_text
from commandcenter.reports.pdf_charts import chart_drawing


def write_pdf(report: Report, path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    font = register_cjk_font()
    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"{report.title} {report.period}",
        author="CommandCenter",
    )
    document.build(_story(report, font, document.width))


def _story(report: Report, font: str, width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table as Grid

    ink = HexColor(palette.INK)
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, textColor=ink)
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=12, textColor=HexColor("#475569"))
    heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=16, textColor=ink, spaceBefore=6)
    story: list[Any] = [
        Paragraph(f"{report.title}（{report.period}）", title),
        Paragraph("　".join(part for part in (report.span, report.state, report.generated) if part), small),
        Spacer(1, 6),
    ]
    if report.figures:
        cells = [[f.label for f in report.figures], [cell_text(f.value, f.shown) for f in report.figures]]
        grid = Grid(cells, colWidths=[width / len(report.figures)] * len(report.figures))
        grid.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, 0), 9),
                ("FONTSIZE", (0, 1), (-1, 1), 16),
                ("LEADING", (0, 1), (-1, 1), 20),
                ("TEXTCOLOR", (0, 0), (-1, 0), HexColor("#475569")),
                ("TEXTCOLOR", (0, 1), (-1, 1), HexColor(palette.ROAD)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOX", (0, 0), (-1, -1), 0.5, HexColor(palette.MUTED)),
            ]
        )
        story += [grid, Spacer(1, 6)]
    drawings = [chart_drawing(chart, font) for chart in report.charts]
    for first in range(0, len(drawings), 2):
        pair = drawings[first : first + 2]
        story.append(Grid([pair], colWidths=[width / 2] * len(pair)))
    for table in report.tables:
        story += [Paragraph(table.title, heading), _grid(table, font, width)]
    for note in report.notes:
        story.append(Paragraph(note, small))
    return story


def _grid(table: Table, font: str, width: float) -> Any:
    from reportlab.lib.colors import HexColor, white
    from reportlab.platypus import Table as Grid

    shown = [column.shown for column in table.columns]
    rows = [[column.title for column in table.columns]]
    rows += [[cell_text(v, s) for v, s in zip(row, shown, strict=True)] for row in table.rows]
    if table.total is not None:
        rows.append([cell_text(v, s) for v, s in zip(table.total, shown, strict=True)])
    first = 0.12 * width
    rest = (width - first) / max(1, len(shown) - 1)
    grid = Grid(rows, colWidths=[first] + [rest] * (len(shown) - 1), repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(palette.INK)),
        ("TEXTCOLOR", (0, 0), (-1, 0), white),
        ("GRID", (0, 0), (-1, -1), 0.25, HexColor(palette.MUTED)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, HexColor("#f1f5fb")]),
    ]
    for column, kind in enumerate(shown):
        if kind is not Shown.TEXT:
            style.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
    if table.total is not None:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HexColor(palette.GRID)))
    grid.setStyle(style)
    return grid
