"""The scripted presentation of the platform's modules on the briefing screen: a title and a few
lines per module, in the order the centre shows them to visiting leaders (路长制 first, then case
handling, video, muck trucks, duty and assessment, the offices' own modules). Words are UI text,
translated under the ``BriefingSlides`` context."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "BriefingSlides"


@dataclass(frozen=True)
class ModuleSlide:
    title: str
    lines: tuple[str, ...]

    def translated(self) -> ModuleSlide:
        words = QCoreApplication.translate
        return ModuleSlide(words(CONTEXT, self.title), tuple(words(CONTEXT, line) for line in self.lines))


MODULE_SLIDES = (
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "Road chief system")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Each segment has its road chief, patroller and office")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Patrols live on the map, segments covered daily")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Problems found on patrol become cases within minutes")),
        ),
    ),
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "Case handling")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Received, filed, dispatched, handled, closed")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Deadlines on the working calendar, escalated late")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Reports from citizens, patrols and city platforms")),
        ),
    ),
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "Video surveillance")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Thousands of cameras on one wall, with tours")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Nearest cameras to a case or vehicle in a click")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Snapshots attached to cases as evidence")),
        ),
    ),
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "Muck truck supervision")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Each truck's position every second")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Routes, hours and permits checked as they drive")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Violators on the joint credit list")),
        ),
    ),
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "Duty and assessment")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Weekly duty rosters and who is on duty now")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Offices ranked fairly by size, difficulty and load")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Weekly bulletin and monthly rewards, one source")),
        ),
    ),
    ModuleSlide(
        str(QT_TRANSLATE_NOOP("BriefingSlides", "The offices' own modules")),
        (
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Each office adds the panels its work needs")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "Markets, construction sites and old town streets")),
            str(QT_TRANSLATE_NOOP("BriefingSlides", "One platform for centre, offices and leaders")),
        ),
    ),
)
