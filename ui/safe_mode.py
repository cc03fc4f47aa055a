"""Safe mode (``commandcenter gui --safe-mode``, also ``demo``): for a workstation that misbehaves.

It starts with no plugins loaded, the default window layout, and no detached wall windows restored —
the three things a workstation remembers or adds on top of the program itself — and changes nothing
it would save: the remembered layout and wall windows are kept for the next normal start. The status
bar says 安全模式 for as long as it runs, so nobody mistakes it for the normal desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar


def install_safe_mode_marker(status_bar: QStatusBar) -> QLabel:
    marker = QLabel(QCoreApplication.translate("SafeMode", "Safe mode"), status_bar)
    marker.setObjectName("safeModeMarker")
    marker.setToolTip(
        QCoreApplication.translate(
            "SafeMode",
            "Started in safe mode: plugins are off, the default layout is used and no wall windows "
            "were restored. Your saved layout is kept for the next normal start.",
        )
    )
    status_bar.addPermanentWidget(marker)
    return marker
