"""回放 from a case: the recordings of the platform cameras nearest the case's place, over its report
time ± ``MARGIN`` (who dumped the rubbish, ten minutes before the report), in one window where a
clip may be saved to the case as evidence.

Offered on a case detail only when the desk's camera tree holds a configured platform's channels;
the nearest are picked from the tree's own listing (no I/O), and the window is the tree's
``open_playback`` (platform calls on a worker)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from commandcenter.domain.cameras import CameraEntry
from commandcenter.geo.distance import haversine_m
from commandcenter.services.case_video_evidence import CaseVideoEvidence
from ui.cameras.qt_camera_tree import QtCameraTree

MARGIN = timedelta(minutes=10)
NEAREST = 4  # cameras played in step
REACH_M = 500.0  # farther cameras do not see the place


def nearest_recorded(tree: QtCameraTree, lon: float, lat: float) -> list[CameraEntry]:
    """The platform cameras within ``REACH_M`` of the place, nearest first, at most ``NEAREST``."""
    placed = [
        (haversine_m(lon, lat, camera.lon, camera.lat), camera)
        for camera in tree.cameras
        if camera.lon is not None and camera.lat is not None and tree.keeps_recordings(camera.code)
    ]
    near = sorted((pair for pair in placed if pair[0] <= REACH_M), key=lambda pair: pair[0])
    return [camera for _distance, camera in near[:NEAREST]]


def case_place(detail: object) -> tuple[int, float, float, datetime] | None:
    """(id, lon, lat, reported at) of a case detail's loaded case (``CaseDetail``), None before."""
    case = getattr(detail, "case", None)
    if case is None:
        return None
    return case.id, case.lon, case.lat, case.created_at


class CaseRecordings:
    def __init__(self, tree: QtCameraTree, evidence: CaseVideoEvidence) -> None:
        self._tree, self._evidence = tree, evidence

    def offer(self, detail: QWidget, place: object) -> QPushButton | None:
        """A 录像回放 button on a case detail; ``place()`` gives (case id, lon, lat, reported at) of the
        loaded case, or None before it loaded."""
        layout = getattr(detail, "top_row", None)
        if (
            layout is None
            or not callable(place)
            or not any(self._tree.keeps_recordings(camera.code) for camera in self._tree.cameras)
        ):
            return None
        button = QPushButton(QCoreApplication.translate("CaseRecordings", "Recorded video"), detail)
        button.setObjectName("caseRecordings")
        button.clicked.connect(lambda: self.open(place()))
        layout.insertWidget(1, button)
        return button

    def open(self, place: tuple[int, float, float, datetime] | None) -> list[CameraEntry]:
        """The window for the case at ``place``; the cameras played (none near: nothing opens)."""
        if place is None:
            return []
        case_id, lon, lat, reported = place
        cameras = nearest_recorded(self._tree, lon, lat)
        if cameras:
            period = (reported - MARGIN, reported + MARGIN)
            self._tree.open_playback(cameras, period=period, evidence=(self._evidence, case_id))
        return cameras
