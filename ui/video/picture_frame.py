"""The black video area of a tile: two native surfaces for libVLC, one shown, each sized to the
picture itself rather than to the whole area.

Why not let libVLC letterbox inside the whole area: without a GPU libVLC scales in software
(swscale), and a picture whose scaled width is odd falls off swscale's vector code — a 16-tile wall
at 478×229 px per tile (picture 407 px wide) cost twice the CPU of the same wall at 478×232 (412 px).
Sizing the surface to the picture's aspect, rounded down to whole multiples of ``WIDTH_STEP`` ×
``HEIGHT_STEP``, keeps every tile on the fast path; the frame's black background is the letterbox.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QRegion, QResizeEvent
from PySide6.QtWidgets import QWidget

WIDTH_STEP = 8
HEIGHT_STEP = 2
DEFAULT_ASPECT = (16, 9)  # until the stream's first picture tells its own


def native_surface(parent: QWidget) -> QWidget:
    """A black native window for the video library; ancestors stay ordinary Qt widgets."""
    surface = QWidget(parent)
    surface.setObjectName("videoTileSurface")
    surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    surface.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
    surface.setStyleSheet("background: black;")
    surface.setAutoFillBackground(True)
    return surface


def fitted_rect(width: int, height: int, aspect: tuple[int, int]) -> QRect:
    """The largest rectangle of this aspect inside ``width`` × ``height``, in whole steps, centred."""
    aspect_w, aspect_h = aspect
    fit_w = min(width, height * aspect_w // aspect_h)
    fit_h = min(height, fit_w * aspect_h // aspect_w)
    fit_w -= fit_w % WIDTH_STEP
    fit_h -= fit_h % HEIGHT_STEP
    fit_w, fit_h = max(fit_w, WIDTH_STEP), max(fit_h, HEIGHT_STEP)
    return QRect((width - fit_w) // 2, (height - fit_h) // 2, fit_w, fit_h)


class PictureFrame(QWidget):
    """Holds the tile's two surfaces; ``current`` is the one on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoPictureFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the letterbox is black, not the theme
        self.setStyleSheet("#videoPictureFrame { background: black; }")
        self.surfaces = [native_surface(self), native_surface(self)]
        self._current = 0
        self._aspect = DEFAULT_ASPECT
        self._notch = QRect()
        self.surfaces[1].hide()

    @property
    def current(self) -> int:
        return self._current

    def native_handle(self, index: int) -> int:
        """The native handle of surface ``index``, for the video library to draw into."""
        return int(self.surfaces[index].winId())

    def set_current(self, index: int) -> None:
        self._current = index  # both surfaces always have the fitted geometry
        self.surfaces[index].show()
        self.surfaces[1 - index].hide()

    def set_aspect(self, width: int, height: int) -> None:
        """The stream's picture size, once its first picture is decoded."""
        if width > 0 and height > 0 and (width, height) != self._aspect:
            self._aspect = (width, height)
            self._fit()

    def set_notch(self, rect: QRect) -> None:
        """Keep the video out of ``rect`` (frame coordinates; empty: nowhere), so a badge painted
        there by an ordinary widget stays visible: the surfaces' native windows get that hole cut
        out of their shape, and libVLC's drawing is clipped to it."""
        if rect != self._notch:
            self._notch = QRect(rect)
            self._cut_notch()

    def picture_rect(self) -> QRect:
        """Where the picture is drawn, in the frame's coordinates (the rest is letterbox)."""
        return fitted_rect(self.width(), self.height(), self._aspect)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        rect = self.picture_rect()
        for surface in self.surfaces:
            surface.setGeometry(rect)
        self._cut_notch()

    def _cut_notch(self) -> None:
        for surface in self.surfaces:
            hole = self._notch.translated(-surface.pos()).intersected(surface.rect())
            if hole.isEmpty():
                surface.clearMask()
            else:
                surface.setMask(QRegion(surface.rect()).subtracted(QRegion(hole)))
