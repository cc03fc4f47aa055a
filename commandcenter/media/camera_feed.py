"""What the wall needs to show one camera: its code, its name and its two stream URLs.

Qt-free so the catalog, the case/map features and the wall model all speak the same type. A camera
usually has a main (full resolution) and a sub (small) stream; the wall picks one per tile size, so
both are kept and ``url`` stays as the old single-URL accessor (sub first: that is what a grid plays).
"""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.media.demo_streams import StreamTier


@dataclass(frozen=True)
class CameraFeed:
    code: str
    name: str
    main_url: str = ""
    sub_url: str = ""

    @property
    def url(self) -> str:
        """The stream a small tile plays: the sub stream, or the main one when there is no sub."""
        return self.sub_url or self.main_url

    def url_for(self, tier: StreamTier) -> str:
        """The URL of ``tier``, falling back to the other stream when the camera has only one."""
        if tier is StreamTier.MAIN:
            return self.main_url or self.sub_url
        return self.url

    @property
    def has_video(self) -> bool:
        return bool(self.main_url or self.sub_url)
