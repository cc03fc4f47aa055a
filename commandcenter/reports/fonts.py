"""The Chinese font a PDF report embeds. reportlab embeds TrueType outlines only (its ``TTFont``
refuses the CFF outlines of Noto Sans CJK's .ttc/.otf), so the report looks for a TrueType CJK font:
WenQuanYi Micro Hei (Debian/Ubuntu ``fonts-wqy-microhei``, installed by ``./dev``), WenQuanYi Zen
Hei, or Windows' 黑体 / 微软雅黑 / 宋体; ``COMMANDCENTER_REPORT_FONT`` names another file. The font is
embedded as a subset, so the text stays text: searchable and extractable, not outlines."""

from __future__ import annotations

import os
from pathlib import Path

FONT_NAME = "ReportCJK"
CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


class ReportFontMissing(RuntimeError):
    """No TrueType Chinese font on this machine; the message is "中文 / English"."""


def cjk_font_path() -> Path:
    named = os.environ.get("COMMANDCENTER_REPORT_FONT", "").strip()
    for candidate in ([named] if named else []) + list(CANDIDATES):
        path = Path(candidate)
        if path.is_file():
            return path
    raise ReportFontMissing(
        "找不到可嵌入的中文 TrueType 字体（请安装 fonts-wqy-microhei，或设置 COMMANDCENTER_REPORT_FONT）"
        " / no embeddable Chinese TrueType font: install fonts-wqy-microhei or set COMMANDCENTER_REPORT_FONT"
    )


def register_cjk_font() -> str:
    """Register the font with reportlab once; returns its name for styles and drawings."""
    from reportlab.pdfbase import pdfmetrics  # a heavy import, needed only for PDFs
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(cjk_font_path()), subfontIndex=0))
    return FONT_NAME
