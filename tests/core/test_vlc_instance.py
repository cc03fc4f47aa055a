"""libVLC stays off OpenGL where OpenGL would be Mesa's software rasteriser, and a libVLC that
cannot start is reported as a permanently unavailable backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from commandcenter.video import vlc_instance
from commandcenter.video.backend import BackendUnavailable


def test_libvlc_stays_off_opengl_without_a_gpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vlc_instance, "_RENDER_NODES", str(tmp_path))
    monkeypatch.delenv("LIBGL_ALWAYS_SOFTWARE", raising=False)
    assert "--no-xlib" in vlc_instance.vlc_args()  # no render node: no GPU
    (tmp_path / "renderD128").touch()
    assert "--no-xlib" not in vlc_instance.vlc_args()
    monkeypatch.setenv("LIBGL_ALWAYS_SOFTWARE", "1")
    assert "--no-xlib" in vlc_instance.vlc_args()


def test_a_libvlc_that_refuses_to_start_is_a_permanently_unavailable_backend() -> None:
    with pytest.raises(BackendUnavailable, match="refused to start"):
        vlc_instance.new_instance(["--quiet", "--this-option-does-not-exist"])
