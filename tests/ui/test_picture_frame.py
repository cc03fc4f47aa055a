"""The tile's picture frame keeps libVLC's software scaler on its fast path."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ui.video.picture_frame import HEIGHT_STEP, WIDTH_STEP, PictureFrame, fitted_rect


@pytest.mark.parametrize(
    ("width", "height", "aspect"),
    [(478, 229, (16, 9)), (478, 232, (16, 9)), (1918, 1000, (16, 9)), (300, 600, (4, 3)), (5, 3, (16, 9))],
)
def test_fitted_rect_keeps_the_aspect_in_whole_steps_and_centred(
    width: int, height: int, aspect: tuple[int, int]
) -> None:
    rect = fitted_rect(width, height, aspect)
    assert rect.width() % WIDTH_STEP == 0
    assert rect.height() % HEIGHT_STEP == 0
    if width >= WIDTH_STEP * 2 and height >= HEIGHT_STEP * 2:
        assert rect.width() <= width
        assert rect.height() <= height
        # Within one step of the largest fit, and of the aspect.
        assert rect.width() > min(width, height * aspect[0] / aspect[1]) - WIDTH_STEP - 1
        assert abs(rect.width() / rect.height() - aspect[0] / aspect[1]) < 0.05
        assert abs(rect.left() - (width - rect.left() - rect.width())) <= 1  # centred: equal margins
        assert abs(rect.top() - (height - rect.top() - rect.height())) <= 1


def test_the_407_px_wall_tile_becomes_a_multiple_of_eight() -> None:
    # The measured case: 16 tiles at 478×229 made libVLC scale to 407 px wide, twice the CPU.
    assert fitted_rect(478, 229, (16, 9)).width() == 400


def test_frame_sizes_both_surfaces_to_the_picture_and_shows_one(qtbot: QtBot) -> None:
    frame = PictureFrame()
    qtbot.addWidget(frame)
    frame.resize(478, 229)
    frame.show()
    qtbot.waitExposed(frame)
    assert all(surface.geometry() == fitted_rect(478, 229, (16, 9)) for surface in frame.surfaces)
    assert frame.surfaces[0].isVisible()
    assert not frame.surfaces[1].isVisible()
    frame.set_aspect(640, 480)
    assert frame.surfaces[0].geometry() == fitted_rect(478, 229, (640, 480))
    frame.set_current(1)
    assert frame.surfaces[1].isVisible()
    assert not frame.surfaces[0].isVisible()
